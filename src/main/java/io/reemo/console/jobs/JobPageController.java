package io.reemo.console.jobs;

import io.reemo.console.deploy.JobPermissions;
import io.reemo.console.deploy.JobTypes;
import io.reemo.console.environment.Environments;
import io.reemo.console.job.Job;
import io.reemo.console.job.JobConflictException;
import io.reemo.console.job.JobLog;
import io.reemo.console.job.JobNotFoundException;
import io.reemo.console.job.JobQuery;
import io.reemo.console.job.JobStatus;
import io.reemo.console.job.Jobs;
import io.reemo.console.job.LogLine;
import io.reemo.console.job.Step;
import io.reemo.console.quota.Quotas;
import io.reemo.console.quota.Work;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** The job pages: history, and one job with its live log (tail first, older lines on demand). */
@Controller
@RequestMapping("/jobs")
class JobPageController {

    static final String LIST = "jobs/list";
    static final String DETAIL = "jobs/detail";
    static final String LINES = JobLogHtmlStream.FRAGMENTS + " :: lines";
    static final String SEARCH = JobLogHtmlStream.FRAGMENTS + " :: search";
    static final String NOTICE = JobLogHtmlStream.FRAGMENTS + " :: notice";
    /** Lines rendered with the page and per "load earlier" click: enough to read, small enough for a 1,000,000-line log. */
    static final int PAGE = 500;
    static final int SEARCH_LIMIT = 200;
    /** Jobs listed at most; the filters narrow the history down. */
    static final int HISTORY = 200;

    private final Jobs jobs;
    private final JobLog log;
    private final JobLogHtmlStream stream;
    private final JobTypes types;
    private final Environments environments;
    private final Quotas quotas;

    JobPageController(Jobs jobs, JobLog log, JobLogHtmlStream stream, JobTypes types, Environments environments, Quotas quotas) {
        this.jobs = jobs;
        this.log = log;
        this.stream = stream;
        this.types = types;
        this.environments = environments;
        this.quotas = quotas;
    }

    /** Id → name of every environment, for the filter and the table (a job outlives a deleted environment). */
    private Map<Long, String> environmentNames() {
        Map<Long, String> names = new LinkedHashMap<>();
        environments.list().forEach(e -> names.put(e.id(), e.name()));
        return names;
    }

    @GetMapping
    String list(@RequestParam(required = false) Long environment, @RequestParam(required = false) String status,
                @RequestParam(required = false) String type, Model model) {
        JobStatus wanted = status == null || status.isBlank() ? null : parseStatus(status);
        model.addAttribute("jobs", jobs.history(new JobQuery(environment, wanted, type == null || type.isBlank() ? null : type, HISTORY)));
        model.addAttribute("limit", HISTORY);
        model.addAttribute("statuses", JobStatus.values());
        model.addAttribute("types", types.names());
        model.addAttribute("environments", environmentNames());
        model.addAttribute("environment", environment);
        model.addAttribute("status", status);
        model.addAttribute("type", type);
        return LIST;
    }

    @GetMapping("/{id}")
    String detail(@PathVariable long id, Authentication user, Model model) {
        Job job = job(id);
        List<LogLine> tail = log.tail(id, PAGE);
        long lastSeq = tail.isEmpty() ? log.lastSeq(id) : tail.get(tail.size() - 1).seq();
        model.addAttribute("job", job);
        model.addAttribute("environmentName", environmentNames().get(job.environmentId()));
        model.addAttribute("lines", LogLineView.of(tail));
        model.addAttribute("firstSeq", tail.isEmpty() ? 1 : tail.get(0).seq());
        model.addAttribute("lastSeq", lastSeq);
        model.addAttribute("steps", names(job, true));
        model.addAttribute("nodes", names(job, false));
        model.addAttribute("canCancel", !job.finished() && JobPermissions.mayCancel(user, job));
        return DETAIL;
    }

    @GetMapping("/{id}/lines")
    String earlier(@PathVariable long id, @RequestParam long before, Model model) {
        job(id);
        model.addAttribute("lines", LogLineView.of(log.before(id, before, PAGE)));
        return LINES;
    }

    @GetMapping("/{id}/search")
    String search(@PathVariable long id, @RequestParam(name = "q", required = false) String text,
                  @RequestParam(required = false) String node, @RequestParam(required = false) String step, Model model) {
        job(id);
        List<LogLine> found = log.search(id, Long.MAX_VALUE, blankToNull(step), blankToNull(node), blankToNull(text), SEARCH_LIMIT);
        model.addAttribute("found", LogLineView.of(found));
        model.addAttribute("limit", SEARCH_LIMIT);
        model.addAttribute("query", text);
        return SEARCH;
    }

    @GetMapping(path = "/{id}/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @ResponseBody
    SseEmitter live(@PathVariable long id, @RequestParam(defaultValue = "0") long after,
                    @RequestHeader(value = "Last-Event-ID", required = false) Long lastEventId, Authentication user) {
        job(id);
        return stream.open(id, lastEventId != null ? lastEventId : after, quotas.take(Work.JOB_STREAM, user.getName()));
    }

    @GetMapping(path = "/{id}/log", produces = MediaType.TEXT_PLAIN_VALUE)
    ResponseEntity<StreamingResponseBody> download(@PathVariable long id, Authentication user) {
        job(id);
        StreamingResponseBody body = quotas.take(Work.DOWNLOAD, user.getName())
                .holding(out -> log.writeText(id, new OutputStreamWriter(out, StandardCharsets.UTF_8)));
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
                .header("Content-Disposition", "attachment; filename=\"job-" + id + ".log\"").body(body);
    }

    @PostMapping("/{id}/cancel")
    String cancel(@PathVariable long id, Authentication user, Model model) {
        Job job = job(id);
        if (!JobPermissions.mayCancel(user, job)) {
            model.addAttribute("message", "Only administrators or the user who started this job may cancel it.");
        } else {
            try {
                jobs.cancel(id, user.getName());
                model.addAttribute("message", "Cancel requested: the remote commands are being stopped.");
            } catch (JobConflictException e) {
                model.addAttribute("message", e.getMessage());
            }
        }
        return NOTICE;
    }

    private Job job(long id) {
        try {
            return jobs.get(id);
        } catch (JobNotFoundException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, e.getMessage());
        }
    }

    private static List<String> names(Job job, boolean steps) {
        Set<String> names = new LinkedHashSet<>();
        names.add(steps ? Step.JOB : Step.CONSOLE);
        job.steps().forEach(s -> {
            if (steps) {
                names.add(s.name());
            } else {
                s.nodes().forEach(n -> names.add(n.node()));
            }
        });
        return new ArrayList<>(names);
    }

    private static JobStatus parseStatus(String status) {
        try {
            return JobStatus.parse(status);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "unknown status " + status);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
