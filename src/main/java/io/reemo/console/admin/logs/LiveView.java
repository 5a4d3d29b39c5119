package io.reemo.console.admin.logs;

import io.reemo.console.job.SseText;
import io.reemo.console.job.StreamWriters;
import io.reemo.console.servicelogs.LiveLines;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Consumer;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One browser's live view: every flush sends what the nodes' lines brought since as one {@code lines} event (merged
 * by time) and, when a node's state changed, a {@code nodes} event. Closing it, for whatever reason (the browser
 * went away, the server stops), stops every node's remote tail.
 */
final class LiveView {

    private final SseEmitter emitter;
    private final LiveLines lines;
    private final LiveLogs.Renderer renderer;
    private final Consumer<LiveView> onClose;
    private final StreamWriters.Gate writes;
    private long lastSentNanos = System.nanoTime();
    private volatile boolean closed;
    private volatile ScheduledFuture<?> flushing;

    LiveView(SseEmitter emitter, LiveLines lines, LiveLogs.Renderer renderer, Consumer<LiveView> onClose, StreamWriters.Gate writes) {
        this.emitter = emitter;
        this.lines = lines;
        this.renderer = renderer;
        this.onClose = onClose;
        this.writes = writes;
    }

    /** The view's flush timer, cancelled when the view closes (at once if it already did). */
    void flushWith(ScheduledFuture<?> task) {
        this.flushing = task;
        if (closed) {
            task.cancel(false);
        }
    }

    /**
     * Runs on the flush timer: sends what came since the last flush, or a heartbeat now and then. The send runs on a
     * writer thread; while it runs, the lines wait in {@link LiveLines} (which keeps the newest), and a browser that
     * stopped reading is closed once its send is stuck.
     */
    void flush(long heartbeatNanos) {
        if (closed) {
            return;
        }
        if (writes.stalled()) {
            writes.bypass(this::close); // closing waits for the stuck write to fail: not on the timer
            return;
        }
        if (writes.busy()) {
            return;
        }
        LiveLines.Batch batch = lines.drain();
        SseText events = new SseText();
        if (batch.states() != null) {
            events.event("nodes", null, renderer.render("nodes", Map.of("states", batch.states())));
        }
        if (!batch.lines().isEmpty() || batch.dropped() > 0) {
            events.event("lines", null, renderer.render("lines", Map.of("lines", batch.lines(), "dropped", batch.dropped())));
        }
        long now = System.nanoTime();
        if (batch.quiet() && now - lastSentNanos < heartbeatNanos) {
            return;
        }
        if (batch.quiet()) {
            events.comment("heartbeat"); // a browser that went away shows up as a failed write
        }
        lastSentNanos = now;
        writes.offer(() -> {
            try {
                events.sendTo(emitter);
            } catch (IOException | IllegalStateException e) {
                close();
            }
        });
    }

    /** Idempotent: stops the flushes and every node's follow, and completes the stream. */
    void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        ScheduledFuture<?> task = flushing;
        if (task != null) {
            task.cancel(false);
        }
        lines.close();
        try {
            emitter.complete();
        } catch (IllegalStateException alreadyDone) {
            // the stream had already ended
        }
        onClose.accept(this);
    }
}
