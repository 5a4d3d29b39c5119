package io.reemo.console.environment;

/** Another host key is pinned for the node; replacing it must be asked for explicitly. */
public class HostKeyAlreadyPinnedException extends RuntimeException {

    public HostKeyAlreadyPinnedException(String nodeName, String pinned) {
        super("Host " + nodeName + " already has the pinned host key " + pinned + "; to replace it, send \"replace\": true "
                + "(only after checking on the server why its key changed).");
    }
}
