package io.reemo.console.admin.dashboard;

import io.reemo.console.environment.Cluster;
import io.reemo.console.environment.Environment;
import io.reemo.console.environment.Environments;
import io.reemo.console.health.ClusterState;
import io.reemo.console.health.PortalHealth;
import io.reemo.console.health.SwarmHealth;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * What each environment's nodes run, read at most once per {@code console.dashboard.max-age} whatever the number
 * of viewers polling: every poll gets the shared snapshot, and only a poll that finds it too old starts the one
 * refresh, which all waiting polls share. A poll waits {@code read-wait} at most, then shows the previous snapshot.
 */
@Component
class DashboardSnapshots {

    /**
     * @param takenAt  when the read ended
     * @param took     how long the read took (its clusters and healthchecks in parallel)
     * @param clusters in the environment's order
     */
    record Snapshot(Instant takenAt, Duration took, List<ClusterState> clusters, List<PortalHealth.Check> health) {
    }

    private static final class Slot {
        Snapshot last;
        CompletableFuture<Snapshot> refresh;
    }

    private final Environments environments;
    private final SwarmHealth swarms;
    private final PortalHealth health;
    private final DashboardProperties properties;
    private final Map<Long, Slot> slots = new ConcurrentHashMap<>();
    private final ExecutorService readers;

    DashboardSnapshots(Environments environments, SwarmHealth swarms, PortalHealth health, DashboardProperties properties) {
        this.environments = environments;
        this.swarms = swarms;
        this.health = health;
        this.properties = properties;
        AtomicInteger count = new AtomicInteger();
        this.readers = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "dashboard-read-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The environment's snapshot, refreshed first when too old; empty while the very first read is under way. */
    Optional<Snapshot> current(long environmentId) {
        Slot slot = slots.computeIfAbsent(environmentId, id -> new Slot());
        CompletableFuture<Snapshot> refresh;
        synchronized (slot) {
            if (slot.last != null && slot.last.takenAt().plus(properties.maxAge()).isAfter(Instant.now())) {
                return Optional.of(slot.last);
            }
            // A finished refresh is never reused: its keep() may not have run yet, so it could hand out a stale read forever.
            if (slot.refresh == null || slot.refresh.isDone()) {
                CompletableFuture<Snapshot> read = CompletableFuture.supplyAsync(() -> take(environmentId), readers);
                slot.refresh = read;
                // may run keep() at once, in this thread, when the read is already done
                read.whenComplete((snapshot, error) -> keep(slot, read, snapshot));
                refresh = read;
            } else {
                refresh = slot.refresh;
            }
        }
        try {
            return Optional.of(refresh.get(properties.readWait().toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException | ExecutionException stillReadingOrFailed) {
            synchronized (slot) {
                return Optional.ofNullable(slot.last);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static void keep(Slot slot, CompletableFuture<Snapshot> read, Snapshot snapshot) {
        synchronized (slot) {
            if (snapshot != null && (slot.last == null || snapshot.takenAt().isAfter(slot.last.takenAt()))) {
                slot.last = snapshot;
            }
            if (slot.refresh == read) {
                slot.refresh = null;
            }
        }
    }

    private Snapshot take(long environmentId) {
        Instant start = Instant.now();
        Environment environment = environments.get(environmentId);
        CompletableFuture<List<PortalHealth.Check>> checks = CompletableFuture.supplyAsync(() -> health.check(environment), readers)
                .exceptionally(e -> List.of(new PortalHealth.Check("", "", null, null, "The healthcheck could not be read: " + e.getMessage())));
        List<CompletableFuture<ClusterState>> reads = environment.clusters().stream()
                .map(cluster -> CompletableFuture.supplyAsync(() -> read(environment, cluster), readers)).toList();
        List<ClusterState> clusters = reads.stream().map(CompletableFuture::join).toList();
        Instant end = Instant.now();
        return new Snapshot(end, Duration.between(start, end), clusters, checks.join());
    }

    /** Whatever goes wrong becomes the cluster's problem, in words: the dashboard never shows a stack trace. */
    private ClusterState read(Environment environment, Cluster cluster) {
        try {
            return swarms.read(environment, cluster);
        } catch (RuntimeException e) {
            return ClusterState.unread(cluster.group(), null, Map.of(), "The Swarm could not be read: " + e.getMessage());
        }
    }

    @PreDestroy
    void stop() {
        readers.shutdownNow();
    }
}
