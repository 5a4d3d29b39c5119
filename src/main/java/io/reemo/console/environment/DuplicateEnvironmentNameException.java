package io.reemo.console.environment;

/** Environment names are unique in a console. */
public class DuplicateEnvironmentNameException extends RuntimeException {

    public DuplicateEnvironmentNameException(String name) {
        super("An environment named '" + name + "' already exists; choose another name.");
    }
}
