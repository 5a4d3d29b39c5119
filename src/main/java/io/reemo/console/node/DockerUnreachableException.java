package io.reemo.console.node;

/** A node's Docker API could not be reached over SSH; the message names the node and says what to do. */
public class DockerUnreachableException extends NodeException {

    public DockerUnreachableException(String node, String message, Throwable cause) {
        super(node, message, cause);
    }
}
