package io.reemo.console.quota;

/** How many of one {@link Work} a user, and the whole console, may hold at once. */
public record Cap(int perUser, int total) {

    public Cap {
        if (perUser < 1 || total < perUser) {
            throw new IllegalArgumentException("a cap needs 1 <= per-user <= total, not " + perUser + " and " + total);
        }
    }
}
