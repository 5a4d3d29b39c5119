package io.reemo.console.admin.logs;

import io.reemo.console.job.SseText;
import io.reemo.console.secrets.SecretMasker;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Consumer;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One browser's live view: the nodes' follows feed it lines, and every flush sends what came since as one
 * {@code lines} event (ordered by time, so nodes merge) and, when a node's state changed, a {@code nodes} event.
 * Closing it, for whatever reason (the browser went away, the server stops), stops every node's remote tail.
 */
final class LiveView implements NodeFollow.Listener {

    /** Lines kept waiting for the browser; a flood beyond this drops the oldest and says how many. */
    static final int MAX_PENDING = 5000;

    private final SseEmitter emitter;
    private final Set<String> services;
    private final SecretMasker masker;
    private final LiveLogs.Renderer renderer;
    private final Consumer<LiveView> onClose;
    private final List<NodeFollow> follows = new ArrayList<>();
    private final Map<String, NodeState> states = new LinkedHashMap<>();
    private ArrayDeque<SyslogLine> pending = new ArrayDeque<>();
    private long dropped;
    private boolean statesChanged = true;
    private long lastSentNanos = System.nanoTime();
    private volatile boolean closed;
    private volatile ScheduledFuture<?> flushing;

    LiveView(SseEmitter emitter, Set<String> services, SecretMasker masker, LiveLogs.Renderer renderer, Consumer<LiveView> onClose) {
        this.emitter = emitter;
        this.services = services;
        this.masker = masker;
        this.renderer = renderer;
        this.onClose = onClose;
    }

    /** A follow added after the view closed is stopped at once. */
    void add(NodeFollow follow) {
        synchronized (this) {
            if (!closed) {
                follows.add(follow);
                states.putIfAbsent(follow.node(), NodeState.connecting(follow.node()));
                return;
            }
        }
        follow.close();
    }

    /** The view's flush timer, cancelled when the view closes (at once if it already did). */
    void flushWith(ScheduledFuture<?> task) {
        this.flushing = task;
        if (closed) {
            task.cancel(false);
        }
    }

    /** Hot path: every line of every node. */
    @Override
    public void line(String node, String raw) {
        SyslogLine line = SyslogLine.parse(node, masker.mask(raw), services);
        synchronized (this) {
            if (pending.size() >= MAX_PENDING) {
                pending.removeFirst();
                dropped++;
            }
            pending.add(line);
        }
    }

    @Override
    public synchronized void following(String node, String file) {
        setState(new NodeState(node, "following", file));
    }

    @Override
    public void notice(String node, String text) {
        line(node, text);
    }

    @Override
    public synchronized void stopped(String node, String why) {
        setState(new NodeState(node, "stopped", masker.mask(why)));
    }

    private void setState(NodeState state) {
        states.put(state.node(), state);
        statesChanged = true;
    }

    /** Runs on the flush timer: sends what came since the last flush, or a heartbeat now and then. */
    void flush(long heartbeatNanos) {
        if (closed) {
            return;
        }
        List<SyslogLine> batch;
        List<NodeState> changed = null;
        long droppedNow;
        synchronized (this) {
            batch = new ArrayList<>(pending);
            pending.clear();
            droppedNow = dropped;
            dropped = 0;
            if (statesChanged) {
                changed = List.copyOf(states.values());
                statesChanged = false;
            }
        }
        SseText events = new SseText();
        if (changed != null) {
            events.event("nodes", null, renderer.render("nodes", Map.of("states", changed)));
        }
        if (!batch.isEmpty() || droppedNow > 0) {
            batch.sort(SyslogLine.BY_TIME);
            events.event("lines", null, renderer.render("lines", Map.of("lines", batch, "dropped", droppedNow)));
        }
        long now = System.nanoTime();
        boolean idle = changed == null && batch.isEmpty() && droppedNow == 0;
        if (idle && now - lastSentNanos < heartbeatNanos) {
            return;
        }
        if (idle) {
            events.comment("heartbeat"); // a browser that went away shows up as a failed write
        }
        try {
            events.sendTo(emitter);
            lastSentNanos = now;
        } catch (IOException | IllegalStateException e) {
            close();
        }
    }

    /** Idempotent: stops the flushes and every node's follow, and completes the stream. */
    void close() {
        List<NodeFollow> toStop;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            toStop = List.copyOf(follows);
        }
        ScheduledFuture<?> task = flushing;
        if (task != null) {
            task.cancel(false);
        }
        toStop.forEach(NodeFollow::close);
        try {
            emitter.complete();
        } catch (IllegalStateException alreadyDone) {
            // the stream had already ended
        }
        onClose.accept(this);
    }
}
