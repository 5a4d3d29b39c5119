package io.reemo.console.registry;

/** A registry call that failed; the message names the registry and says what to do. */
public class RegistryException extends RuntimeException {

    public enum Reason {
        /** The user name or password was refused. */
        BAD_CREDENTIALS,
        /** The user may not read that repository. */
        DENIED,
        /** The registry's certificate is not trusted, or does not name the registry's host. */
        UNTRUSTED_CERTIFICATE,
        /** No connection, or no answer in time. */
        UNREACHABLE,
        /** The repository does not exist. */
        NOT_FOUND,
        /** The server is not a Docker registry, or answered something unexpected. */
        UNEXPECTED_ANSWER
    }

    private final Reason reason;

    public RegistryException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public RegistryException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
