package io.newsctl.extract.kb;

import java.util.Set;

/**
 * One way of writing an entity, as the dictionary matcher sees it.
 *
 * @param key        normalised, ASCII lower-cased form (what the automaton matches)
 * @param kind       what the alias names
 * @param target     the {@link Company}, {@link Chip} or {@link Person}
 * @param exactForms when not empty, the only spellings accepted (case-sensitive names such as Arm, Meta)
 * @param forms      the spellings the knowledge base lists (normalised, case as listed)
 * @param ambiguity  {@link #PLAIN}, {@link #AMBIGUOUS} (also a common word: 小米, 苹果) or {@link #STRICT}
 *                   (usually a common word: 理想, 联想; needs confirmation)
 * @param weak       a chip name too short to trust without chip context (H20, L4)
 */
public record Alias(String key, Kind kind, Object target, Set<String> exactForms, Set<String> forms, int ambiguity,
                    boolean weak) {
    public static final int PLAIN = 0;
    public static final int AMBIGUOUS = 1;
    public static final int STRICT = 2;

    public enum Kind {
        COMPANY,
        CHIP,
        PERSON,
        /** a stock ticker without exchange suffix (NVDA, 688256): only in a ticker context */
        TICKER
    }

    public Company company() {
        return target instanceof Company c ? c : target instanceof Chip chip ? chip.vendor() : null;
    }

    public Chip chip() {
        return target instanceof Chip c ? c : null;
    }

    public Person person() {
        return target instanceof Person p ? p : null;
    }
}
