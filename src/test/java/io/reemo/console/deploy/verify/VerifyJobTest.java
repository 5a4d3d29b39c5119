package io.reemo.console.deploy.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.reemo.console.deploy.DeploySupport;
import io.reemo.console.deploy.VerifyParameters;
import io.reemo.console.deploy.steps.PlatformCheck;
import io.reemo.console.environment.Environment;
import io.reemo.console.environment.Fixtures;
import io.reemo.console.environment.Topology;
import io.reemo.console.job.Job;
import io.reemo.console.job.JobConflictException;
import io.reemo.console.job.JobStatus;
import io.reemo.console.job.Jobs;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A verify reads only, but not a platform that another job is changing, nor an environment without servers. */
class VerifyJobTest {

    private final Jobs jobs = mock(Jobs.class);
    private final VerifyJob job = new VerifyJob(mock(DeploySupport.class), mock(PlatformCheck.class), jobs);
    private final Environment environment = Fixtures.cluster().withId(5L);

    @Test
    void itReadsOnlySoAnyoneSignedInMayRunIt() {
        assertThat(job.name()).isEqualTo("verify");
        assertThat(job.changing()).isFalse();
        when(jobs.changingJobOn(5L)).thenReturn(Optional.empty());
        assertThat(job.check(environment, new VerifyParameters())).isEmpty();
    }

    @Test
    void whileAJobChangesTheEnvironmentItIsRefusedNamingThatJob() {
        when(jobs.changingJobOn(5L)).thenReturn(Optional.of(new Job(41, "install", 5L, "alice", Map.of(), true, JobStatus.RUNNING,
                Instant.now(), Instant.now(), null, null, 0, List.of())));

        assertThatThrownBy(() -> job.check(environment, new VerifyParameters())).isInstanceOfSatisfying(JobConflictException.class, e -> {
            assertThat(e.blockingJobId()).isEqualTo(41L);
            assertThat(e.getMessage()).startsWith("Job 41 (install, started by alice) is changing the environment now")
                    .endsWith("its last step verifies the platform.");
        });
    }

    @Test
    void anEnvironmentWithoutNodesHasNothingToVerify() {
        Environment empty = new Environment(6L, "empty", Topology.CLUSTER, Map.of(), List.of());
        when(jobs.changingJobOn(6L)).thenReturn(Optional.empty());

        assertThat(job.check(empty, new VerifyParameters())).singleElement()
                .satisfies(p -> assertThat(p.message()).isEqualTo("environment 'empty' has no nodes yet: add its servers first"));
    }
}
