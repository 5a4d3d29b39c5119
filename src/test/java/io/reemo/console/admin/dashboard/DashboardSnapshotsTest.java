package io.reemo.console.admin.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.reemo.console.environment.Environments;
import io.reemo.console.environment.Fixtures;
import io.reemo.console.health.ClusterState;
import io.reemo.console.health.PortalHealth;
import io.reemo.console.health.SwarmHealth;
import io.reemo.console.swarm.SwarmStatus;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Many viewers polling at once cost one read of the nodes; a slow read never holds a poll longer than read-wait. */
class DashboardSnapshotsTest {

    private final AtomicInteger reads = new AtomicInteger();
    private final SwarmHealth swarms = mock(SwarmHealth.class);
    private final PortalHealth health = mock(PortalHealth.class);
    private final Environments environments = mock(Environments.class);
    private volatile long readMillis = 300;
    private DashboardSnapshots snapshots;

    @AfterEach
    void stop() {
        snapshots.stop();
    }

    @Test
    void concurrentPollsShareOneReadAndAFreshSnapshotIsServedAsItIs() throws Exception {
        snapshots = snapshots(Duration.ofSeconds(10), Duration.ofSeconds(2));
        ExecutorService viewers = Executors.newFixedThreadPool(20);
        List<Callable<Optional<DashboardSnapshots.Snapshot>>> polls = java.util.Collections.nCopies(20, () -> snapshots.current(7));
        List<Future<Optional<DashboardSnapshots.Snapshot>>> answers = viewers.invokeAll(polls);
        viewers.shutdown();

        for (Future<Optional<DashboardSnapshots.Snapshot>> answer : answers) {
            assertThat(answer.get()).isPresent();
        }
        assertThat(reads).hasValue(1);
        assertThat(snapshots.current(7).orElseThrow().took()).isGreaterThanOrEqualTo(Duration.ofMillis(readMillis));
        assertThat(reads).hasValue(1);
    }

    @Test
    void aSlowReadShowsThePreviousSnapshotAfterReadWait() throws Exception {
        snapshots = snapshots(Duration.ZERO, Duration.ofMillis(200));
        readMillis = 50;
        // a loaded machine may need more than read-wait for this first read: wait until it is kept
        Optional<DashboardSnapshots.Snapshot> kept = snapshots.current(7);
        for (int i = 0; kept.isEmpty() && i < 100; i++) {
            Thread.sleep(50);
            kept = snapshots.current(7);
        }
        DashboardSnapshots.Snapshot first = kept.orElseThrow();
        readMillis = 2_000;

        long start = System.nanoTime();
        Optional<DashboardSnapshots.Snapshot> during = snapshots.current(7);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
        assertThat(during).containsSame(first);
    }

    private DashboardSnapshots snapshots(Duration maxAge, Duration readWait) {
        when(environments.get(7)).thenReturn(Fixtures.cluster().withId(7L));
        when(health.check(any())).thenReturn(List.of());
        when(swarms.read(any(), any())).thenAnswer(call -> {
            reads.incrementAndGet();
            Thread.sleep(readMillis);
            return ClusterState.read("infra_manager", "infra1", new SwarmStatus(List.of(), List.of()), Map.of());
        });
        return new DashboardSnapshots(environments, swarms, health, new DashboardProperties(maxAge, readWait));
    }
}
