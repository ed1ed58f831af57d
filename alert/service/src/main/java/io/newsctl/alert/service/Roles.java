package io.newsctl.alert.service;

/** Roles of API callers. */
public final class Roles {
    /** Manages rules, reads alerts. */
    public static final String ANALYST = "ANALYST";
    /** Reads alerts. */
    public static final String VIEWER = "VIEWER";

    private Roles() {
    }
}
