package io.reemo.console.swarm;

/** A node's Docker API could not be reached over SSH; the message names the node and says what to do. */
public class DockerUnreachableException extends RuntimeException {

    private final String node;

    public DockerUnreachableException(String node, String message, Throwable cause) {
        super(message, cause);
        this.node = node;
    }

    public String node() {
        return node;
    }
}
