package io.reemo.console.admin.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.reemo.console.job.Job;
import io.reemo.console.job.JobStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The walk's problem 8: a 1.5-minute-old reading beside a newer job result, shown as if current. */
class FreshnessTest {

    private static final Instant TAKEN = Instant.parse("2026-03-01T10:00:00Z");
    private static final DashboardProperties PROPERTIES = new DashboardProperties(Duration.ofSeconds(4), Duration.ofSeconds(3));

    @Test
    void aReadingOlderThanAPollWaitsIsStaleAndSaysItsAge() {
        Freshness fresh = Freshness.of(TAKEN, TAKEN.plusSeconds(5), PROPERTIES, List.of());
        Freshness old = Freshness.of(TAKEN, TAKEN.plusSeconds(92), PROPERTIES, List.of());

        assertThat(fresh.stale()).isFalse();
        assertThat(fresh.age()).isEqualTo("5 s ago");
        assertThat(old.stale()).isTrue();
        assertThat(old.old()).isEqualTo("92 s");
    }

    @Test
    void jobsThatEndedAfterTheReadingAreNamed() {
        Job before = job(6, TAKEN.minusSeconds(30));
        Job after = job(7, TAKEN.plusSeconds(20));
        Job running = job(8, null);

        assertThat(Freshness.of(TAKEN, TAKEN.plusSeconds(92), PROPERTIES, List.of(before, after, running)).jobsAfter()).containsExactly(7L);
    }

    private static Job job(long id, Instant finishedAt) {
        return new Job(id, "update", 1, "admin", Map.of(), true, finishedAt == null ? JobStatus.RUNNING : JobStatus.FAILED,
                TAKEN.minusSeconds(60), TAKEN.minusSeconds(60), finishedAt, null, 0, List.of());
    }
}
