package io.reemo.console.api;

import io.reemo.console.environment.Cluster;
import io.reemo.console.environment.CurrentEnvironment;
import io.reemo.console.environment.Edit;
import io.reemo.console.environment.Environment;
import io.reemo.console.environment.EnvironmentJson;
import io.reemo.console.environment.EnvironmentValidator;
import io.reemo.console.environment.Environments;
import io.reemo.console.environment.FieldChange;
import io.reemo.console.environment.Problem;
import io.reemo.console.environment.Revision;
import io.reemo.console.environment.RevisionCause;
import io.reemo.console.environment.SourcePositions;
import io.reemo.console.environment.Topology;
import io.reemo.console.environment.VariableCatalogue;
import io.reemo.console.job.Jobs;
import io.reemo.console.security.AuditLog;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
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
    private final Jobs jobs;

    EnvironmentController(Environments environments, EnvironmentValidator validator, VariableCatalogue catalogue,
                          JsonMapper json, AuditLog audit, Jobs jobs) {
        this.environments = environments;
        this.validator = validator;
        this.catalogue = catalogue;
        this.json = json;
        this.audit = audit;
        this.jobs = jobs;
    }

    record Summary(long id, String name, Topology topology, List<String> clusters, int nodes) {
    }

    record Problems(List<Problem> problems) {
    }

    /** A revision and the environment as it was stored then (secret values read {"set": true}). */
    record RevisionDetail(int number, Instant at, String user, RevisionCause cause, Long jobId, List<FieldChange> changes,
                          EnvironmentJson environment) {
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
        Environment saved = environments.save(candidate, Edit.of(RevisionCause.API, user.getName()));
        audit.record("environment.create", saved.name(), "id " + saved.id());
        return ResponseEntity.created(URI.create("/api/v1/environments/" + saved.id()))
                .body(EnvironmentJson.of(saved, catalogue, json).withWarnings(warnings));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One environment as JSON; secret values read {\"set\": true}. The ETag is its revision: "
            + "send it back as If-Match to change it")
    ResponseEntity<EnvironmentJson> get(@PathVariable long id) {
        CurrentEnvironment current = environments.current(id);
        return ResponseEntity.ok().eTag(Revisions.etag(current.revision()))
                .body(EnvironmentJson.of(current.environment(), catalogue, json));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Replace an environment (admin); needs If-Match with the ETag of the GET it was made from "
            + "(428 without, 412 naming what changed since when stale; 409 while a job changes it). A secret left out, "
            + "empty, \"******\" or {\"set\": true} keeps its stored value, {\"set\": false} removes it; 422 with every problem")
    ResponseEntity<EnvironmentJson> update(@PathVariable long id, @RequestBody EnvironmentJson body,
                                           @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                           Authentication user) {
        ApiAccess.requireAdmin(user, "change environments");
        CurrentEnvironment stored = environments.current(id);
        int base = Revisions.requireIfMatch(ifMatch, stored.revision());
        jobs.requireIdle(id, "The environment can be changed once it ended");
        Environment candidate = body.toModel(stored.environment(), catalogue);
        List<Problem> warnings = validator.requireValid(candidate, SourcePositions.NONE);
        environments.save(candidate, Edit.of(RevisionCause.API, user.getName()).basedOn(base));
        audit.record("environment.update", candidate.name(), "id " + id);
        CurrentEnvironment saved = environments.current(id);
        return ResponseEntity.ok().eTag(Revisions.etag(saved.revision()))
                .body(EnvironmentJson.of(saved.environment(), catalogue, json).withWarnings(warnings));
    }

    @GetMapping("/{id}/revisions")
    @Operation(summary = "Every change of the environment, newest first: number, time, user, cause, the job that made "
            + "it, and what changed (secrets shown as changed, never their values)")
    List<Revision> revisions(@PathVariable long id) {
        return environments.revisions(id);
    }

    @GetMapping("/{id}/revisions/{number}")
    @Operation(summary = "One revision with the environment as it was stored then (secret values read {\"set\": true})")
    RevisionDetail revision(@PathVariable long id, @PathVariable int number) {
        Revision revision = environments.revision(id, number);
        return new RevisionDetail(revision.number(), revision.at(), revision.user(), revision.cause(), revision.jobId(),
                revision.changes(), EnvironmentJson.of(environments.environmentAt(id, number), catalogue, json));
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
