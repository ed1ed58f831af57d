package io.newsctl.api;

import java.util.List;

/**
 * Roles of API callers, the same in every service. A key carries its role and the roles below it:
 * an admin is also an analyst and a reader.
 */
public final class Roles {
    /** Searches and exports articles, reads alerts. */
    public static final String READER = "READER";
    /** Also manages their own alert rules. */
    public static final String ANALYST = "ANALYST";
    /** Everything, including every analyst's rules. */
    public static final String ADMIN = "ADMIN";

    private Roles() {
    }

    /** The roles a key of {@code role} has. */
    public static List<String> implied(String role) {
        return switch (role) {
            case ADMIN -> List.of(ADMIN, ANALYST, READER);
            case ANALYST -> List.of(ANALYST, READER);
            case READER -> List.of(READER);
            default -> throw new IllegalArgumentException("unknown role " + role);
        };
    }
}
