package io.reemo.console.node;

import io.reemo.console.environment.Cluster;
import io.reemo.console.environment.Environment;
import io.reemo.console.environment.Node;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sessions that viewers share, one per group of nodes (a cluster), kept open between reads (a read is then a few
 * Docker calls, no SSH handshake) and closed once nobody read through them for {@code console.dashboard.idle-close}.
 * The first node that answers serves; when its session fails, it is dropped and the nodes are tried again in order.
 * Reads of one group wait for each other.
 */
@Component
public class ViewerSessions {

    /**
     * What a read of a group got.
     *
     * @param node        the node that answered, {@code null} when none did
     * @param answer      what the read returned through it, {@code null} when none did
     * @param unreachable node name → why it did not serve, in words, for every node tried before the answer
     */
    public record Served<T>(Node node, T answer, Map<String, String> unreachable) {

        public Served {
            unreachable = Collections.unmodifiableMap(new LinkedHashMap<>(unreachable));
        }
    }

    private static final class Slot {
        final ReentrantLock lock = new ReentrantLock();
        Node node;
        NodeSession session;
        Instant lastUsed;

        void close() {
            if (session != null) {
                session.close();
            }
            node = null;
            session = null;
        }
    }

    private final NodeSessions sessions;
    private final ViewerSessionProperties properties;
    private final Clock clock;
    private final Map<String, Slot> slots = new ConcurrentHashMap<>();

    @Autowired
    ViewerSessions(NodeSessions sessions, ViewerSessionProperties properties) {
        this(sessions, properties, Clock.systemUTC());
    }

    ViewerSessions(NodeSessions sessions, ViewerSessionProperties properties, Clock clock) {
        this.sessions = sessions;
        this.properties = properties;
        this.clock = clock;
    }

    /** The group of a cluster's nodes: every viewer's read of that cluster's Swarm goes through its one session. */
    public static String clusterGroup(Environment environment, Cluster cluster) {
        return environment.id() + "/" + cluster.group();
    }

    /**
     * Reads through the group's kept session, or else through the first of its nodes that answers; a read that
     * throws means its node did not serve. Nodes without a pinned host key are never contacted.
     *
     * @param group names the group across calls, e.g. {@code 3/infra_manager}
     */
    public <T> Served<T> read(String group, List<Node> nodes, Function<NodeSession, T> read) {
        Slot slot = slots.computeIfAbsent(group, key -> new Slot());
        slot.lock.lock();
        try {
            Map<String, String> unreachable = new LinkedHashMap<>();
            if (slot.session != null && nodes.contains(slot.node)) {
                try {
                    T answer = read.apply(slot.session);
                    slot.lastUsed = clock.instant();
                    return new Served<>(slot.node, answer, unreachable);
                } catch (RuntimeException dropped) {
                    // the node or its Docker went away since the last read: connect afresh below, first node first
                }
            }
            slot.close();
            for (Node node : nodes) {
                if (node.hostKeySha256() == null) {
                    unreachable.put(node.name(), "its host key is not pinned yet, and the console connects to pinned nodes only");
                    continue;
                }
                NodeSession fresh;
                try {
                    fresh = sessions.open(node);
                } catch (RuntimeException e) {
                    unreachable.put(node.name(), e.getMessage());
                    continue;
                }
                try {
                    T answer = read.apply(fresh);
                    slot.node = node;
                    slot.session = fresh;
                    slot.lastUsed = clock.instant();
                    return new Served<>(node, answer, unreachable);
                } catch (RuntimeException e) {
                    fresh.close();
                    unreachable.put(node.name(), e.getMessage());
                }
            }
            return new Served<>(null, null, unreachable);
        } finally {
            slot.lock.unlock();
        }
    }

    /** A session being read through is in use, not idle: it is skipped, and its read marks it used. */
    @Scheduled(fixedDelay = 30, timeUnit = TimeUnit.SECONDS)
    void closeIdle() {
        Instant limit = clock.instant().minus(properties.idleClose());
        slots.values().forEach(slot -> {
            if (slot.lock.tryLock()) {
                try {
                    if (slot.session != null && slot.lastUsed.isBefore(limit)) {
                        slot.close();
                    }
                } finally {
                    slot.lock.unlock();
                }
            }
        });
    }

    @PreDestroy
    void closeAll() {
        slots.values().forEach(slot -> {
            slot.lock.lock();
            try {
                slot.close();
            } finally {
                slot.lock.unlock();
            }
        });
    }
}
