package io.reemo.console.swarm;

/** The Swarm is not in a state the console can work with; the message says what to do. */
public class SwarmStateException extends RuntimeException {

    public SwarmStateException(String message) {
        super(message);
    }
}
