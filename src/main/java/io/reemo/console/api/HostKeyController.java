package io.reemo.console.api;

import io.reemo.console.environment.Environment;
import io.reemo.console.environment.EnvironmentNotFoundException;
import io.reemo.console.environment.Environments;
import io.reemo.console.environment.HostKeyPin;
import io.reemo.console.environment.Node;
import io.reemo.console.node.NodeSessions;
import io.reemo.console.security.AuditLog;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/environments/{id}/nodes/{name}/host-key")
@Tag(name = "Host keys", description = "The SSH host key pinned per node; no connection proceeds without it")
class HostKeyController {

    private final Environments environments;
    private final AuditLog audit;
    private final NodeSessions sessions;

    HostKeyController(Environments environments, AuditLog audit, NodeSessions sessions) {
        this.environments = environments;
        this.audit = audit;
        this.sessions = sessions;
    }

    record HostKey(String node, boolean pinned, String sha256) {
    }

    /**
     * @param sha256       the key's fingerprint the node offers now, as {@code ssh-keygen -l -E sha256} prints it (what a
     *                     pin takes)
     * @param pinnedSha256 the pinned one, {@code null} when none is
     * @param matches      whether the node offers the pinned key; false when none is pinned
     * @param advice       what to compare it with before pinning it
     */
    record HostKeyProbe(String node, String address, int port, String sha256, String pinnedSha256, boolean matches, String advice) {
    }

    /** @param replace required to replace a key already pinned */
    record PinRequest(String sha256, Boolean replace) {
    }

    @GetMapping
    @Operation(summary = "The pinned host-key fingerprint of a node (SHA256:…), if any")
    HostKey get(@PathVariable long id, @PathVariable String name) {
        Node node = node(id, name);
        return new HostKey(name, node.hostKeySha256() != null, node.hostKeySha256());
    }

    @PostMapping("/probe")
    @Operation(summary = "The host-key fingerprint a node offers now, beside the pinned one (admin; nothing is pinned)",
            description = "Connects to the node's SSH server without logging in and reads the key it presents, as the wizard's "
                    + "\"Test connection\" does, so that a person can compare it with the server's own before pinning it with "
                    + "PUT …/host-key. 502 when the node cannot be reached, naming it and why.")
    HostKeyProbe probe(@PathVariable long id, @PathVariable String name, Authentication user) {
        ApiAccess.requireAdmin(user, "probe host keys");
        Node node = node(id, name);
        String offered = sessions.probeHostKey(node);
        String pinned = node.hostKeySha256();
        return new HostKeyProbe(name, node.address(), node.sshPort(), offered, pinned, offered.equals(pinned),
                "Pin it only if it is the same as the server's own: run ssh-keygen -l -E sha256 -f on its host key "
                        + "(e.g. /etc/ssh/ssh_host_ed25519_key.pub) on the server itself.");
    }

    private Node node(long id, String name) {
        Environment environment = environments.get(id);
        return environment.node(name).orElseThrow(() -> new EnvironmentNotFoundException(
                "Environment " + environment.name() + " has no node named " + name + "."));
    }

    @PutMapping
    @Operation(summary = "Pin a node's host key (admin, audited); replacing a pinned key needs \"replace\": true")
    HostKey pin(@PathVariable long id, @PathVariable String name, @RequestBody PinRequest request, Authentication user) {
        ApiAccess.requireAdmin(user, "pin host keys");
        String sha256 = request.sha256() == null ? null : request.sha256().strip();
        HostKeyPin pin = environments.pinHostKey(id, name, sha256, Boolean.TRUE.equals(request.replace()), user.getName());
        if (pin.changed()) {
            audit.record(pin.replaced() == null ? "host-key.pin" : "host-key.replace", pin.environment().name() + "/" + name,
                    pin.replaced() == null ? sha256 : sha256 + " replaces " + pin.replaced());
        }
        return new HostKey(name, true, sha256);
    }
}
