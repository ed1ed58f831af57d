package io.newsctl.extract.kb;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A series word followed by a model number, e.g. 昇腾 + {@code 910C}: finds models the catalog does
 * not list yet. The model pattern is compiled once.
 *
 * @param vendor    the vendor of every chip of the series
 * @param prefix    the series word as it matched (one of the row's prefixes, as written in the file)
 * @param model     what must follow the prefix; group {@code m} is the model proper
 * @param canonical template of the display name ({@code {m}} the model, {@code {p}} the prefix)
 * @param id        template of the id
 */
public record ChipPattern(Company vendor, String prefix, Pattern model, String canonical, String id) {

    public String canonicalFor(Matcher m) {
        return canonical.replace("{p}", prefix).replace("{m}", m.group("m"));
    }

    public String idFor(Matcher m) {
        String model = m.group("m").toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
        return id.replace("{p}", prefix.toLowerCase(java.util.Locale.ROOT)).replace("{m}", model);
    }
}
