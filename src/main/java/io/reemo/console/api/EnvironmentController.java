package io.reemo.console.api;

import io.reemo.console.environment.Cluster;
import io.reemo.console.environment.Environment;
import io.reemo.console.environment.EnvironmentJson;
import io.reemo.console.environment.EnvironmentValidator;
import io.reemo.console.environment.Environments;
import io.reemo.console.environment.Problem;
import io.reemo.console.environment.SourcePositions;
import io.reemo.console.environment.Topology;
import io.reemo.console.environment.VariableCatalogue;
import io.reemo.console.security.AuditLog;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

@RestController
@RequestMapping("/api/v1/environments")
@Tag(name = "Environments", description = "Reemo Infra platforms: clusters, nodes, variables; secrets are write-only")
class EnvironmentController {

    private final Environments environments;
    private final EnvironmentValidator validator;
    private final VariableCatalogue catalogue;
    private final JsonMapper json;
    private final AuditLog audit;

    EnvironmentController(Environments environments, EnvironmentValidator validator, VariableCatalogue catalogue,
                          JsonMapper json, AuditLog audit) {
        this.environments = environments;
        this.validator = validator;
        this.catalogue = catalogue;
        this.json = json;
        this.audit = audit;
    }

    record Summary(long id, String name, Topology topology, List<String> clusters, int nodes) {
    }

    record Problems(List<Problem> problems) {
    }

    @GetMapping
    @Operation(summary = "Every environment: name, topology, clusters and node count")
    List<Summary> list() {
        return environments.list().stream().map(e -> new Summary(e.id(), e.name(), e.topology(),
                e.clusters().stream().map(Cluster::group).toList(), e.nodes().size())).toList();
    }

    @PostMapping
    @Operation(summary = "Create an environment (admin); 201 with it and its warnings, or 422 with every problem (problem detail)")
    ResponseEntity<EnvironmentJson> create(@RequestBody EnvironmentJson body, Authentication user) {
        ApiAccess.requireAdmin(user, "create environments");
        Environment candidate = body.toModel(null, catalogue);
        List<Problem> warnings = validator.requireValid(candidate, SourcePositions.NONE);
        Environment saved = environments.save(candidate);
        audit.record("environment.create", saved.name(), "id " + saved.id());
        return ResponseEntity.created(URI.create("/api/v1/environments/" + saved.id()))
                .body(EnvironmentJson.of(saved, catalogue, json).withWarnings(warnings));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One environment as JSON; secret values read {\"set\": true}")
    EnvironmentJson get(@PathVariable long id) {
        return EnvironmentJson.of(environments.get(id), catalogue, json);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Replace an environment (admin); a secret left out, empty, \"******\" or {\"set\": true} keeps "
            + "its stored value, {\"set\": false} removes it; 422 with every problem")
    EnvironmentJson update(@PathVariable long id, @RequestBody EnvironmentJson body, Authentication user) {
        ApiAccess.requireAdmin(user, "change environments");
        Environment stored = environments.get(id);
        Environment candidate = body.toModel(stored, catalogue);
        List<Problem> warnings = validator.requireValid(candidate, SourcePositions.NONE);
        Environment saved = environments.save(candidate);
        audit.record("environment.update", saved.name(), "id " + id);
        return EnvironmentJson.of(saved, catalogue, json).withWarnings(warnings);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete an environment from the console (admin); its servers are not touched")
    ResponseEntity<Void> delete(@PathVariable long id, Authentication user) {
        ApiAccess.requireAdmin(user, "delete environments");
        Environment stored = environments.get(id);
        environments.delete(id);
        audit.record("environment.delete", stored.name(), "id " + id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/validation")
    @Operation(summary = "Every problem of a stored environment at once, errors (blocking) and warnings")
    Problems validation(@PathVariable long id) {
        return new Problems(validator.validate(environments.get(id)));
    }
}
