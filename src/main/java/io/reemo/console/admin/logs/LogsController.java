package io.reemo.console.admin.logs;

import io.reemo.console.quota.Quotas;
import io.reemo.console.quota.Work;
import io.reemo.console.servicelogs.LogPattern;
import io.reemo.console.servicelogs.LogSearch;
import io.reemo.console.servicelogs.LoggedService;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** The Logs page and its live view: chosen services followed on every node, and their lines as a download. */
@Controller
class LogsController {

    /** A live view with no start time shows this much of the past first. */
    static final String DEFAULT_SINCE = "15m";
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final LogsPage page;
    private final LiveLogs live;
    private final LogSearch search;
    private final Quotas quotas;

    LogsController(LogsPage page, LiveLogs live, LogSearch search, Quotas quotas) {
        this.page = page;
        this.live = live;
        this.search = search;
        this.quotas = quotas;
    }

    /**
     * With {@code services} ticked (and a valid start), the page opens a live view of them, unless the user has as many
     * open as their cap allows: then the page says so in place of the view.
     */
    @GetMapping("/environments/{id}/logs")
    String page(@PathVariable long id, @RequestParam(required = false) List<String> services,
                @RequestParam(defaultValue = "") String from, Authentication user, Model model) {
        List<LoggedService> known = page.open(model, id);
        if (services != null) {
            LogSelection selection = LogSelection.of(known, services, false, from.isBlank() ? DEFAULT_SINCE : from, "", Instant.now());
            Map<String, String> problems = new LinkedHashMap<>(selection.problems());
            quotas.refusal(Work.LIVE_LOG_VIEW, user.getName()).ifPresent(busy -> problems.put(LogsPage.BUSY, busy));
            model.addAttribute("live", new LiveForm(services, from, problems, problems.isEmpty() ? selection.from() : null));
        }
        return LogsPage.VIEW;
    }

    @GetMapping("/environments/{id}/logs/stream")
    ResponseEntity<?> stream(@PathVariable long id, @RequestParam List<String> services, @RequestParam String from,
                             Authentication user) {
        LogSelection selection = LogSelection.of(page.services(id), services, false, from, "", Instant.now());
        if (!selection.valid()) {
            return refusal(selection.problems());
        }
        return ResponseEntity.ok(live.open(selection.services(), selection.from(), quotas.take(Work.LIVE_LOG_VIEW, user.getName())));
    }

    /** A plain-text file of the range, written as the nodes send it; no ticked service means all of them. */
    @GetMapping("/environments/{id}/logs/download")
    ResponseEntity<?> download(@PathVariable long id, @RequestParam(required = false) List<String> services,
                                                   @RequestParam(defaultValue = "") String from,
                                                   @RequestParam(defaultValue = "") String until,
                                                   @RequestParam(defaultValue = "") String pattern,
                                                   @RequestParam(defaultValue = "false") boolean regex,
                                                   Authentication user) {
        Instant now = Instant.now();
        LogPattern wanted = pattern.isEmpty() ? null : new LogPattern(pattern, regex);
        LogSelection selection = LogSelection.of(page.services(id), services, true, from, until, now).checking(wanted);
        if (!selection.valid()) {
            return refusal(selection.problems());
        }
        String file = "logs-" + id + "-" + FILE_TIME.format(now) + ".log";
        StreamingResponseBody body = quotas.take(Work.DOWNLOAD, user.getName()).holding(out -> search.download(
                selection.services(), wanted, selection.from(), selection.until(), new OutputStreamWriter(out, StandardCharsets.UTF_8)));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file).build().toString())
                .contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
                .body(body);
    }

    /** The page builds these links itself, so a bad one was typed by hand: a 400 naming each field, in plain text. */
    private static ResponseEntity<String> refusal(Map<String, String> problems) {
        StringBuilder text = new StringBuilder();
        problems.forEach((field, problem) -> text.append(field).append(": ").append(problem).append('\n'));
        return ResponseEntity.badRequest().contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8)).body(text.toString());
    }
}
