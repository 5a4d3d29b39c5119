package io.reemo.console.environment;

/** Asked for an environment or node that does not exist; the API answers 404. */
public class EnvironmentNotFoundException extends RuntimeException {

    public EnvironmentNotFoundException(String message) {
        super(message);
    }
}
