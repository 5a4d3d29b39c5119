package io.reemo.console.audit;

import io.reemo.console.environment.Environments;
import io.reemo.console.security.AuditLog;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

@RestController
@Tag(name = "Audit", description = "Who did what, to which environment and when: every change, job start, pin, sign-in and"
        + " export with secrets, recorded before it runs")
class AuditApiController {

    static final String CSV = "text/csv";

    private final AuditLog audit;
    private final Environments environments;

    AuditApiController(AuditLog audit, Environments environments) {
        this.audit = audit;
        this.environments = environments;
    }

    @GetMapping(path = "/api/v1/audit", produces = {MediaType.APPLICATION_JSON_VALUE, CSV})
    @Operation(summary = "The audit trail, newest first (administrators only)",
            description = "A JSON array of {id, at (ISO-8601), username, action (job.start, login, login.failed, logout, "
                    + "user.change, host-key.pin, inventory.export-secrets, …), target, detail (whole: a job's masked "
                    + "parameters, a command as it was sent)}. With format=csv or Accept: text/csv, the same rows as CSV "
                    + "(RFC 4180) under the header " + AuditCsv.HEADER + ". 400 names a time that is not one.",
            responses = @ApiResponse(responseCode = "200", content = {
                    @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, array = @ArraySchema(schema = @Schema(implementation = AuditLog.AuditEvent.class))),
                    @Content(mediaType = CSV, schema = @Schema(type = "string"))}))
    ResponseEntity<?> audit(@Parameter(description = "who: a user name, exactly") @RequestParam(required = false) String user,
                            @Parameter(description = "what: an action, or its family (login matches login.failed and login.locked)")
                            @RequestParam(required = false) String action,
                            @Parameter(description = "an environment's id: its jobs, creation, changes, imports, exports, pins and drift records")
                            @RequestParam(required = false) Long environment,
                            @Parameter(description = "from this instant on, ISO-8601 (2026-03-01T09:30:00Z; no zone: UTC)")
                            @RequestParam(required = false) String from,
                            @Parameter(description = "up to this instant, inclusive") @RequestParam(required = false) String to,
                            @Parameter(description = "at most this many records: 100 when left out, 1000 at most")
                            @RequestParam(required = false) Integer limit,
                            @Parameter(description = "csv for CSV, as Accept: text/csv asks") @RequestParam(required = false) String format,
                            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        AuditFilter filter = new AuditFilter(user, action, environment, from, to, limit);
        Map<String, String> problems = filter.problems();
        if (!problems.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, String.join("; ", problems.values()));
        }
        List<AuditLog.AuditEvent> events = audit.find(filter.query(environments));
        if (!"csv".equalsIgnoreCase(format) && !wantsCsv(accept)) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(events);
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit.csv\"")
                .body(AuditCsv.of(events));
    }

    /** Only a client that names CSV gets it: browsers and curl accept anything and get JSON. */
    private static boolean wantsCsv(String accept) {
        return accept != null && MediaType.parseMediaTypes(accept).stream().anyMatch(type -> type.isCompatibleWith(MediaType.parseMediaType(CSV))
                && !type.isWildcardType() && !type.isWildcardSubtype());
    }
}
