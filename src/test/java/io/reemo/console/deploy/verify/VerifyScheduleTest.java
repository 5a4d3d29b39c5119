package io.reemo.console.deploy.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.reemo.console.deploy.JobLauncher;
import io.reemo.console.deploy.VerifyParameters;
import io.reemo.console.deploy.VerifyResults;
import io.reemo.console.environment.Environments;
import io.reemo.console.environment.Fixtures;
import io.reemo.console.job.Job;
import io.reemo.console.job.JobStatus;
import io.reemo.console.job.Jobs;
import io.reemo.console.security.Roles;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/** Every interval, a verify job on each installed environment that no job is busy with; never when the interval is 0. */
class VerifyScheduleTest {

    private static final long IDLE = 1;
    private static final long BUSY = 2;
    private static final long NEW = 3;

    private final Environments environments = mock(Environments.class);
    private final Jobs jobs = mock(Jobs.class);
    private final VerifyResults results = mock(VerifyResults.class);
    private final JobLauncher launcher = mock(JobLauncher.class);
    private final ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();

    @BeforeEach
    void threeEnvironments() {
        scheduler.initialize();
        when(environments.list()).thenReturn(List.of(Fixtures.single().withId(IDLE), Fixtures.cluster().withId(BUSY),
                Fixtures.dedicated().withId(NEW)));
        when(jobs.hasSucceeded(IDLE, "install")).thenReturn(true);
        when(jobs.hasSucceeded(BUSY, "install")).thenReturn(true);
        when(results.last(anyLong())).thenReturn(Optional.empty());
        when(jobs.anyUnfinished(BUSY)).thenReturn(true);
    }

    @AfterEach
    void stopScheduler() {
        scheduler.shutdown();
    }

    @Test
    void eachRoundVerifiesTheInstalledEnvironmentsNoJobIsBusyWith() {
        VerifySchedule schedule = schedule(Duration.ofMillis(50));
        schedule.start();
        try {
            verify(launcher, timeout(5000).atLeast(2)).start(eq(IDLE), any(VerifyParameters.class), eq(VerifySchedule.STARTER));
            verify(launcher, never()).start(eq(BUSY), any(VerifyParameters.class), any());
            verify(launcher, never()).start(eq(NEW), any(VerifyParameters.class), any());
            assertThat(schedule.isRunning()).isTrue();
        } finally {
            schedule.stop();
        }
        assertThat(schedule.isRunning()).isFalse();
        assertThat(VerifySchedule.STARTER.getName()).isEqualTo("console.verify.interval");
        assertThat(Roles.atLeast(VerifySchedule.STARTER, Roles.OPERATOR)).as("the launcher lets it start verify").isTrue();
        assertThat(Roles.isAdmin(VerifySchedule.STARTER)).isFalse();
    }

    @Test
    void anEnvironmentVerifiedBeforeCountsAsInstalledAndARefusalWaitsForTheNextRound() {
        when(results.last(NEW)).thenReturn(Optional.of(new VerifyResults.VerifyResult(install(NEW), false, Instant.now(), List.of())));
        when(launcher.start(eq(IDLE), any(VerifyParameters.class), any())).thenThrow(new IllegalStateException("no nodes"));

        schedule(Duration.ofMinutes(10)).verifyIdleEnvironments();

        verify(launcher).start(eq(NEW), any(VerifyParameters.class), eq(VerifySchedule.STARTER));
    }

    @Test
    void anIntervalOfZeroOrNoneSchedulesNothingAndANegativeOneIsRefusedNamingTheSetting() throws InterruptedException {
        VerifySchedule off = schedule(Duration.ZERO);
        off.start();
        Thread.sleep(200);
        assertThat(off.isRunning()).isFalse();
        verify(launcher, never()).start(anyLong(), any(VerifyParameters.class), any());
        assertThat(new VerifyProperties(null).scheduled()).isFalse();
        assertThatThrownBy(() -> new VerifyProperties(Duration.ofMinutes(-5)))
                .hasMessage("console.verify.interval is PT-5M: give a positive duration such as 10m, or 0 for never");
    }

    private VerifySchedule schedule(Duration interval) {
        return new VerifySchedule(new VerifyProperties(interval), scheduler, environments, jobs, results, launcher);
    }

    private static Job install(long environmentId) {
        return new Job(environmentId * 10, "install", environmentId, "admin", Map.of(), true, JobStatus.SUCCEEDED, Instant.now(),
                Instant.now(), Instant.now(), null, 10, List.of());
    }
}
