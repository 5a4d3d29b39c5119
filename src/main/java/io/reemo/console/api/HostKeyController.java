package io.reemo.console.api;

import io.reemo.console.environment.Environment;
import io.reemo.console.environment.EnvironmentNotFoundException;
import io.reemo.console.environment.Environments;
import io.reemo.console.environment.HostKeyPin;
import io.reemo.console.environment.Node;
import io.reemo.console.security.AuditLog;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
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

    HostKeyController(Environments environments, AuditLog audit) {
        this.environments = environments;
        this.audit = audit;
    }

    record HostKey(String node, boolean pinned, String sha256) {
    }

    /** @param replace required to replace a key already pinned */
    record PinRequest(String sha256, Boolean replace) {
    }

    @GetMapping
    @Operation(summary = "The pinned host-key fingerprint of a node (SHA256:…), if any")
    HostKey get(@PathVariable long id, @PathVariable String name) {
        Environment environment = environments.get(id);
        Node node = environment.node(name).orElseThrow(() -> new EnvironmentNotFoundException(
                "Environment " + environment.name() + " has no node named " + name + "."));
        return new HostKey(name, node.hostKeySha256() != null, node.hostKeySha256());
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
