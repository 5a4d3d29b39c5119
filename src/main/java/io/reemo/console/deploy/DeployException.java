package io.reemo.console.deploy;

/** A deploy step cannot go on; the message says what is wrong and what to do, and ends up in the job log. */
public class DeployException extends RuntimeException {

    public DeployException(String message) {
        super(message);
    }

    public DeployException(String message, Throwable cause) {
        super(message, cause);
    }
}
