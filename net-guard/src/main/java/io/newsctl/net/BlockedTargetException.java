package io.newsctl.net;

/** A request target the {@link TargetGuard} refuses (or cannot resolve, which may pass). */
public final class BlockedTargetException extends Exception {
    private final boolean mayPass;

    public BlockedTargetException(String message) {
        this(message, false);
    }

    public BlockedTargetException(String message, boolean mayPass) {
        super(message);
        this.mayPass = mayPass;
    }

    /** True for failures worth retrying (the host did not resolve), false for refusals. */
    public boolean mayPass() {
        return mayPass;
    }
}
