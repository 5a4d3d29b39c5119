package io.reemo.console.admin.logs;

import io.reemo.console.job.StreamWriters;
import io.reemo.console.quota.Permit;
import io.reemo.console.servicelogs.LiveLines;
import io.reemo.console.servicelogs.LogTails;
import io.reemo.console.servicelogs.LoggedService;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The Logs page's live views: per browser, one {@code tail -F} per node over SSH, merged and streamed as
 * server-sent events of HTML fragments (templates/admin/logs-fragments.html) for the htmx SSE extension.
 * When the console stops, every view is closed first, so no remote tail outlives it.
 */
@Component
class LiveLogs {

    static final String FRAGMENTS = "admin/logs-fragments";
    /** How long a line may wait on the console before it is sent: well under the one second the page promises. */
    static final Duration FLUSH = Duration.ofMillis(100);
    static final Duration HEARTBEAT = Duration.ofSeconds(10);

    /** Renders a fragment of {@link #FRAGMENTS}. */
    @FunctionalInterface
    interface Renderer {
        String render(String fragment, Map<String, Object> model);
    }

    private final LogTails tails;
    private final StreamWriters writers;
    private final Renderer renderer;
    private final Set<LiveView> views = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService flusher;
    private volatile boolean closing;

    LiveLogs(LogTails tails, ITemplateEngine templates, StreamWriters writers) {
        this.tails = tails;
        this.writers = writers;
        this.renderer = (fragment, model) -> templates.process(FRAGMENTS, Set.of(fragment), new Context(Locale.ROOT, model)).strip();
        CustomizableThreadFactory threads = new CustomizableThreadFactory("live-logs-");
        threads.setDaemon(true);
        this.flusher = Executors.newScheduledThreadPool(2, threads);
    }

    /**
     * Follows the services' lines from {@code since} on every node that may run them, until the browser goes away;
     * the permit is given back when the view closes.
     */
    SseEmitter open(List<LoggedService> services, Instant since, Permit permit) {
        SseEmitter emitter = new SseEmitter(0L); // lives as long as the page
        if (closing) {
            permit.close();
            emitter.complete();
            return emitter;
        }
        LiveLines lines = tails.follow(services, since);
        LiveView view = new LiveView(emitter, lines, renderer, closed -> {
            views.remove(closed);
            permit.close();
        }, writers.gate());
        views.add(view);
        emitter.onCompletion(view::close);
        emitter.onTimeout(view::close);
        emitter.onError(e -> view.close());
        long heartbeat = HEARTBEAT.toNanos();
        view.flushWith(flusher.scheduleWithFixedDelay(() -> view.flush(heartbeat), 0, FLUSH.toMillis(), TimeUnit.MILLISECONDS));
        return emitter;
    }

    /** Live views open right now (each with its nodes' remote tails). */
    int open() {
        return views.size();
    }

    /**
     * The context announces its closing before any bean stops, so before the web server's graceful shutdown,
     * which would otherwise wait for the open streams: every view ends here, and with it its remote tails.
     */
    @EventListener(ContextClosedEvent.class)
    void closeAll() {
        closing = true;
        List.copyOf(views).forEach(LiveView::close);
        flusher.shutdown();
    }
}
