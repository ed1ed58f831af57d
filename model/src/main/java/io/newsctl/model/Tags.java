package io.newsctl.model;

/** Tag names other components rely on. */
public final class Tags {
    /** The article is about export controls, licences, bans or entity lists. */
    public static final String EXPORT_POLICY = "export-policy";

    private Tags() {
    }
}
