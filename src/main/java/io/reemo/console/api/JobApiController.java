package io.reemo.console.api;

import io.reemo.console.deploy.JobLauncher;
import io.reemo.console.deploy.JobParameters;
import io.reemo.console.deploy.JobParametersException;
import io.reemo.console.deploy.JobPermissions;
import io.reemo.console.deploy.JobTypes;
import io.reemo.console.job.Job;
import io.reemo.console.job.JobLog;
import io.reemo.console.job.JobLogJsonStream;
import io.reemo.console.quota.Quotas;
import io.reemo.console.quota.Work;
import io.reemo.console.job.JobQuery;
import io.reemo.console.job.JobStatus;
import io.reemo.console.job.Jobs;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Jobs", description = "Everything the console does to servers runs as a job: start, follow live, read the log, cancel")
class JobApiController {

    private static final int MAX_HISTORY = 500;

    private final JobLauncher launcher;
    private final JobTypes types;
    private final Jobs jobs;
    private final JobLog log;
    private final JobLogJsonStream events;
    private final Quotas quotas;

    JobApiController(JobLauncher launcher, JobTypes types, Jobs jobs, JobLog log, JobLogJsonStream events, Quotas quotas) {
        this.quotas = quotas;
        this.launcher = launcher;
        this.types = types;
        this.jobs = jobs;
        this.log = log;
        this.events = events;
    }

    @PostMapping("/environments/{environmentId}/jobs")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Start a job: {\"type\": \"facts\"}, {\"type\": \"command\", \"command\": \"uptime\", \"nodes\": [\"node1\"]}, …",
            description = "The body is the type and its fields: install {initDb, installDocker}; update {tags, versions, confirmDowntime, "
                    + "retryFailed}; maintenance {enable} (required); facts {nodes}; command {command (required), nodes, timeoutSeconds}; "
                    + "verify (no fields: proves that the platform serves, as the last step of install, update and maintenance "
                    + "does; refused with 409 while a changing job runs); adopt {converge, remove}: takes over a platform "
                    + "installed without the console (the plan shows its services as ADOPT_SERVICE): converge false adopts it as "
                    + "it runs (versions, replicas and the database location recorded, only labels added, no task restarted), "
                    + "true then updates each service in place (db, api, the others, portal last); remove names what the plan "
                    + "leaves alone (\"secret <name>\"…) to delete after the platform verified. An install with initDb on an "
                    + "adopted environment is refused on 'initDb'. "
                    + "An update to a version that failed on the environment before (Swarm rolled it back, or its tasks would not "
                    + "run; the console then recorded the version that runs again) is refused with a problem on the field "
                    + "'retryFailed' that says why it failed, unless the request carries \"retryFailed\": true. "
                    + "Answers 202 with the job (follow it at /jobs/{id}/events). 400 is a problem detail whose problems name "
                    + "each field that is wrong (an unknown type or field, a wrong JSON type, a value the job refuses), all at "
                    + "once; 403 for a changing job asked by a viewer; 409 (with runningJobId) when a changing job already "
                    + "runs on the environment.")
    Job start(@PathVariable long environmentId, @RequestBody @io.swagger.v3.oas.annotations.parameters.RequestBody(
            description = "The job's type and its fields (read as a JSON tree, so described by example)", required = true,
            content = @Content(mediaType = "application/json", schema = @Schema(type = "object", requiredProperties = "type"), examples = {
                    @ExampleObject(name = "install", value = "{\"type\": \"install\", \"initDb\": true, \"installDocker\": false}"),
                    @ExampleObject(name = "update", value = "{\"type\": \"update\", \"tags\": [\"api\"], \"versions\": "
                            + "{\"DOCKER_VERSION_API\": \"2.14.0\"}, \"confirmDowntime\": false, \"retryFailed\": false}"),
                    @ExampleObject(name = "maintenance", value = "{\"type\": \"maintenance\", \"enable\": true}"),
                    @ExampleObject(name = "facts", value = "{\"type\": \"facts\", \"nodes\": [\"node1\"]}"),
                    @ExampleObject(name = "command", value = "{\"type\": \"command\", \"command\": \"uptime\", \"nodes\": [\"node1\"], "
                            + "\"timeoutSeconds\": 600}"),
                    @ExampleObject(name = "verify", value = "{\"type\": \"verify\"}"),
                    @ExampleObject(name = "adopt", value = "{\"type\": \"adopt\", \"converge\": false}")})) JsonNode body, Authentication user) {
        JobRequestJson.Read<JobParameters> request = JobRequestJson.read(body, types);
        return launcher.start(environmentId, request.parameters(), user, request.problems());
    }

    @GetMapping("/jobs/{id}")
    @Operation(summary = "A job's status, steps and per-node status with exit codes")
    Job get(@PathVariable long id) {
        return jobs.get(id);
    }

    @GetMapping("/jobs")
    @Operation(summary = "Job history, newest first")
    List<Job> history(@Parameter(description = "environment id") @RequestParam(required = false) Long environment,
                      @Parameter(description = "queued, running, succeeded, failed, cancelled or interrupted") @RequestParam(required = false) String status,
                      @RequestParam(required = false) String type,
                      @RequestParam(defaultValue = "50") int limit) {
        JobStatus wanted = null;
        if (status != null && !status.isBlank()) {
            try {
                wanted = JobStatus.parse(status);
            } catch (IllegalArgumentException e) {
                throw new JobParametersException("status", "'status' must be one of queued, running, succeeded, failed, cancelled, interrupted");
            }
        }
        String wantedType = type == null || type.isBlank() ? null : type.strip();
        return jobs.history(new JobQuery(environment, wanted, wantedType, Math.max(1, Math.min(limit, MAX_HISTORY))));
    }

    @GetMapping(path = "/jobs/{id}/log", produces = MediaType.TEXT_PLAIN_VALUE)
    @Operation(summary = "The whole log as text, one line each: time [step] [node] text (streamed)")
    ResponseEntity<StreamingResponseBody> log(@PathVariable long id, Authentication user) {
        log.lastSeq(id); // 404 before the stream starts
        StreamingResponseBody body = quotas.take(Work.DOWNLOAD, user.getName())
                .holding(out -> log.writeText(id, new OutputStreamWriter(out, StandardCharsets.UTF_8)));
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
                .header("Content-Disposition", "inline; filename=\"job-" + id + ".log\"")
                .body(body);
    }

    @GetMapping(path = "/jobs/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Live log as server-sent events",
            description = "One event per line: id = seq, data = {seq,time,step,node,stream,text}. Resume with the Last-Event-ID header "
                    + "or ?after=N to get exactly the lines after N. Comment lines every 15 s keep the stream open; a final event "
                    + "named 'end' carries {status,lastSeq}, then the stream ends.")
    SseEmitter events(@PathVariable long id,
                      @RequestHeader(value = "Last-Event-ID", required = false) Long lastEventId,
                      @RequestParam(required = false) Long after, Authentication user) {
        long from = lastEventId != null ? lastEventId : after != null ? after : 0;
        return events.open(id, from, quotas.take(Work.JOB_STREAM, user.getName()));
    }

    @PostMapping("/jobs/{id}/cancel")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Cancel a running job: its remote commands are stopped and it ends cancelled (409 when it already ended)")
    Job cancel(@PathVariable long id, Authentication user) {
        if (!JobPermissions.mayCancel(user, jobs.get(id))) {
            throw new AccessDeniedException("Only administrators or the user who started job " + id + " may cancel it.");
        }
        return jobs.cancel(id, user.getName());
    }
}
