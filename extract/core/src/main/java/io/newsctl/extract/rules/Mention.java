package io.newsctl.extract.rules;

import io.newsctl.extract.text.FieldText;
import io.newsctl.model.EntityType;

/**
 * One mention found in a field, before mentions are merged into entities.
 *
 * @param type      entity type
 * @param id        knowledge-base id (or a derived id for a chip found by pattern); null for people and
 *                  places the segmenter found
 * @param canonical display name
 * @param vendorId  for chips, the vendor's id; null otherwise
 * @param vendor    for chips, the vendor's canonical name
 * @param field     the field it is in
 * @param start     start offset in the field (original = normalised offsets)
 * @param end       end offset, exclusive
 * @param pending   true when it still needs confirmation by context (weak chip names, ambiguous aliases)
 */
public record Mention(EntityType type, String id, String canonical, String vendorId, String vendor, FieldText field,
                      int start, int end, Pending pending) {

    /** Why a mention still needs confirmation; {@link #NONE} when it does not. */
    public enum Pending {
        NONE,
        /** a short chip name (H20, L4): needs chip context, its vendor nearby, or a confirmed mention elsewhere */
        CHIP_CONTEXT,
        /** a name that is usually a common word (理想, 联想): needs a confirmed mention elsewhere or a company cue */
        CONFIRMATION
    }

    public Mention confirmed() {
        return pending == Pending.NONE ? this
                : new Mention(type, id, canonical, vendorId, vendor, field, start, end, Pending.NONE);
    }

    public String surface() {
        return field.original().substring(start, end);
    }

    public String key() {
        return type + ":" + (id != null ? id : canonical);
    }

    public boolean overlaps(int s, int e) {
        return start < e && s < end;
    }
}
