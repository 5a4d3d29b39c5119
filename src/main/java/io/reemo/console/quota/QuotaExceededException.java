package io.reemo.console.quota;

/** A user, or the console, holds as many of a {@link Work} as its cap allows; the message says which and what to do. */
public class QuotaExceededException extends RuntimeException {

    /** Seconds a refused client is told to wait ({@code Retry-After}): streams and searches end within that, often. */
    public static final String RETRY_AFTER = "10";

    public QuotaExceededException(String message) {
        super(message);
    }
}
