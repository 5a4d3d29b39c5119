package io.reemo.console.servicelogs;

import io.reemo.console.secrets.SecretMasker;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One viewer's live lines: every node's follow feeds it, and each {@link #drain()} hands over what came since, masked
 * and merged by time, with the nodes' states when one changed. Closing it stops every node's remote tail.
 */
public final class LiveLines implements NodeFollow.Listener {

    /** Lines kept waiting for the viewer; a flood beyond this drops the oldest and says how many. */
    public static final int MAX_PENDING = 5000;

    /**
     * What came since the last drain.
     *
     * @param lines   ordered by time, so that the nodes' lines merge
     * @param dropped lines of a flood that were not kept
     * @param states  every node's state when one changed since, else {@code null}
     */
    public record Batch(List<SyslogLine> lines, long dropped, List<NodeState> states) {

        /** Nothing to tell the viewer. */
        public boolean quiet() {
            return lines.isEmpty() && dropped == 0 && states == null;
        }
    }

    private final Set<String> services;
    private final SecretMasker masker;
    private final List<NodeFollow> follows = new ArrayList<>();
    private final Map<String, NodeState> states = new LinkedHashMap<>();
    private final ArrayDeque<SyslogLine> pending = new ArrayDeque<>();
    private long dropped;
    private boolean statesChanged = true;
    private boolean closed;

    /** @param services the names a line's syslog tag is matched against */
    public LiveLines(Set<String> services, SecretMasker masker) {
        this.services = services;
        this.masker = masker;
    }

    /** A follow added after the lines closed is stopped at once. */
    public void add(NodeFollow follow) {
        synchronized (this) {
            if (!closed) {
                follows.add(follow);
                states.putIfAbsent(follow.node(), NodeState.connecting(follow.node()));
                return;
            }
        }
        follow.close();
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

    /** What came since the last drain; the lines wait no more. */
    public Batch drain() {
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
        batch.sort(SyslogLine.BY_TIME);
        return new Batch(batch, droppedNow, changed);
    }

    /** Idempotent: stops every node's follow. */
    public void close() {
        List<NodeFollow> toStop;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            toStop = List.copyOf(follows);
        }
        toStop.forEach(NodeFollow::close);
    }
}
