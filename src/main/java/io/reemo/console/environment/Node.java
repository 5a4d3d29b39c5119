package io.reemo.console.environment;

import io.reemo.console.environment.validation.ValueFormats;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One server, reached over SSH.
 *
 * @param address       {@code ansible_host}
 * @param hostKeySha256 the pinned host key, {@code SHA256:…} as {@code ssh-keygen -l -E sha256} prints it;
 *                      {@code null} until the operator pins it: no connection proceeds without it
 * @param vars          host vars other than the connection ones
 * @param facts         what the last facts job found, {@code null} before
 */
public record Node(String name, String address, int sshPort, String sshUser, SshAuth auth, String hostKeySha256,
                   Map<String, Object> vars, NodeFacts facts) {

    public Node {
        vars = vars == null ? new LinkedHashMap<>() : new LinkedHashMap<>(vars);
        sshPort = sshPort == 0 ? 22 : sshPort;
        sshUser = sshUser == null || sshUser.isBlank() ? "root" : sshUser;
    }

    /** Whether a pin reads {@code SHA256:<43 base64 characters>}, as {@code ssh-keygen -l -E sha256} prints a host key. */
    public static boolean isHostKeyPin(String text) {
        return text != null && ValueFormats.isSha256Fingerprint(text);
    }

    public Node withHostKey(String sha256) {
        return new Node(name, address, sshPort, sshUser, auth, sha256, vars, facts);
    }

    public Node withFacts(NodeFacts newFacts) {
        return new Node(name, address, sshPort, sshUser, auth, hostKeySha256, vars, newFacts);
    }

    public Node withAuth(SshAuth newAuth) {
        return new Node(name, address, sshPort, sshUser, newAuth, hostKeySha256, vars, facts);
    }

    /** Without the variables, which may hold secrets; the credential shows only its kind. */
    @Override
    public String toString() {
        return "Node[" + name + " " + sshUser + "@" + address + ":" + sshPort + ", " + auth + "]";
    }
}
