package io.reemo.console.deploy.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.ContainerSpec;
import com.github.dockerjava.api.model.Service;
import com.github.dockerjava.api.model.SwarmNode;
import com.github.dockerjava.api.model.SwarmNodeDescription;
import com.github.dockerjava.api.model.SwarmNodeStatus;
import com.github.dockerjava.api.model.Task;
import com.github.dockerjava.api.model.TaskSpec;
import com.github.dockerjava.api.model.TaskState;
import com.github.dockerjava.api.model.TaskStatus;
import com.github.dockerjava.api.model.TaskStatusContainerStatus;
import io.reemo.console.catalogue.Component;
import io.reemo.console.catalogue.DesiredCluster;
import io.reemo.console.catalogue.ServiceSpec;
import io.reemo.console.deploy.FailedVersion;
import io.reemo.console.deploy.FailedVersions;
import io.reemo.console.environment.Cluster;
import io.reemo.console.environment.Fixtures;
import io.reemo.console.environment.InMemoryEnvironments;
import io.reemo.console.environment.Revision;
import io.reemo.console.environment.RevisionCause;
import io.reemo.console.environment.VariableCatalogue;
import io.reemo.console.job.LogChannel;
import io.reemo.console.swarm.Convergence.Outcome;
import io.reemo.console.environment.EffectiveVariables;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** After a failed update: the failed version remembered with why, the recorded version back to what runs, as a revision. */
class RollbackReconcilerTest {

    private static final String IMAGE = "10.199.0.100:5000/reemoinfraapi:";
    private static final Instant APPLY = Instant.now().minusSeconds(20);

    private final InMemoryEnvironments environments = new InMemoryEnvironments();
    private final FailedVersions failedVersions = mock(FailedVersions.class);
    private final TaskOutput output = mock(TaskOutput.class);
    private final RollbackReconciler reconciler = new RollbackReconciler(environments, new VariableCatalogue(), failedVersions, output);
    private final DockerClient docker = mock(DockerClient.class, RETURNS_DEEP_STUBS);
    private final RecordingRun run = new RecordingRun("console");

    @Test
    void aRolledBackUpdateIsRememberedWithWhyAndTheRecordedVersionReturnsToTheOneThatRunsAsARevisionOfTheJob() {
        long id = environments.save(Fixtures.withAll(Fixtures.cluster(), "DOCKER_VERSION_API", "2.14.1-broken"), Fixtures.BY_TEST).id();
        swarmRuns("2.14.0", List.of(running("t1", "2.14.0"), failed("t2", "2.14.1-broken")));
        when(output.of(eq(docker), any(), any(), any())).thenReturn(new TaskOutput.Lines(
                List.of("api 2.14.1-broken started on 3f2a", "api 2.14.1-broken: broken on purpose, exiting"), null));

        reconciler.failed(run, id, desired("2.14.1-broken"), docker, List.of(rolledBack()), APPLY);

        assertThat(environments.get(id).vars()).containsEntry("DOCKER_VERSION_API", "2.14.0");
        Revision revision = environments.revisions(id).get(0);
        assertThat(revision.cause()).isEqualTo(RevisionCause.ROLLBACK_RECONCILED);
        assertThat(revision.jobId()).isEqualTo(1L);
        assertThat(revision.user()).isEqualTo("admin");
        assertThat(revision.changes()).singleElement().satisfies(change -> {
            assertThat(change.field()).isEqualTo("/vars/DOCKER_VERSION_API");
            assertThat(change.before()).isEqualTo("2.14.1-broken");
            assertThat(change.after()).isEqualTo("2.14.0");
        });
        ArgumentCaptor<FailedVersion> failure = ArgumentCaptor.forClass(FailedVersion.class);
        verify(failedVersions).record(eq(id), failure.capture());
        assertThat(failure.getValue().jobId()).isEqualTo(1L);
        assertThat(failure.getValue().variable()).isEqualTo("DOCKER_VERSION_API");
        assertThat(failure.getValue().words()).isEqualTo("api 2.14.1-broken failed (task exited 1 on infra2: api 2.14.1-broken started"
                + " on 3f2a / api 2.14.1-broken: broken on purpose, exiting) and was rolled back to 2.14.0");
        assertThat(run.on(LogChannel.STDERR)).containsExactly(failure.getValue().words());
        assertThat(run.on(LogChannel.SYSTEM)).containsExactly("DOCKER_VERSION_API: 2.14.1-broken → 2.14.0 recorded, the version"
                + " that runs after the rollback (a revision, cause: rollback reconciled)");
    }

    @Test
    void aServiceSwarmLeftAtTheTriedVersionKeepsItRecordedButTheVersionIsStillRememberedAsFailed() {
        long id = environments.save(Fixtures.withAll(Fixtures.cluster(), "DOCKER_VERSION_API", "2.14.1-broken"), Fixtures.BY_TEST).id();
        int revisions = environments.revisions(id).size();
        swarmRuns("2.14.1-broken", List.of(failed("t2", "2.14.1-broken")));
        when(output.of(eq(docker), any(), any(), any())).thenReturn(new TaskOutput.Lines(List.of("broken on purpose"), null));

        reconciler.failed(run, id, desired("2.14.1-broken"), docker,
                List.of(new Outcome("reemo_api", false, false, "4 tasks failed, 0/4 running")), APPLY);

        assertThat(environments.get(id).vars()).containsEntry("DOCKER_VERSION_API", "2.14.1-broken");
        assertThat(environments.revisions(id)).hasSize(revisions);
        verify(failedVersions).record(eq(id), any());
    }

    @Test
    void aVersionThatConvergesIsNoLongerAFailedOne() {
        reconciler.converged(3, desired("2.14.1-broken").services());

        verify(failedVersions).forget(3, "DOCKER_VERSION_API", "2.14.1-broken");
        verify(failedVersions, never()).record(anyLong(), any());
    }

    private void swarmRuns(String specVersion, List<Task> tasks) {
        Service service = new Service().withId("svc").withSpec(new com.github.dockerjava.api.model.ServiceSpec().withName("reemo_api")
                .withTaskTemplate(new TaskSpec().withContainerSpec(new ContainerSpec().withImage(IMAGE + specVersion))));
        when(docker.listServicesCmd().withNameFilter(any()).exec()).thenReturn(List.of(service));
        when(docker.listTasksCmd().withServiceFilter(anyString()).exec()).thenReturn(tasks);
        when(docker.listSwarmNodesCmd().exec()).thenReturn(List.of(new SwarmNode().withId("n2")
                .withDescription(new SwarmNodeDescription().withHostname("infra2")).withStatus(new SwarmNodeStatus().withAddress("10.0.0.2"))));
    }

    private static DesiredCluster desired(String version) {
        ServiceSpec api = new ServiceSpec("reemo_api", Component.API, IMAGE + version, 4, 4, List.of(), new TreeMap<>(), List.of(),
                List.of(), List.of(), List.of(), List.of(), Map.of("tag", "reemo_api"), false);
        return new DesiredCluster(Cluster.INFRA, List.of("infra1"), "reemo_net", "vip", Map.of(), List.of(), List.of(api),
                EffectiveVariables.DEFAULT_UPDATE_MONITOR);
    }

    private static Outcome rolledBack() {
        return new Outcome("reemo_api", false, true, "update failed and was rolled back to the previous version");
    }

    private static Task running(String id, String version) {
        return new Task().withId(id).withNodeId("n2").withDesiredState(TaskState.RUNNING).withCreatedAt(Instant.now().toString())
                .withSpec(new TaskSpec().withContainerSpec(new ContainerSpec().withImage(IMAGE + version)))
                .withStatus(new TaskStatus().withState(TaskState.RUNNING));
    }

    private static Task failed(String id, String version) {
        return new Task().withId(id).withNodeId("n2").withDesiredState(TaskState.SHUTDOWN).withCreatedAt(Instant.now().toString())
                .withSpec(new TaskSpec().withContainerSpec(new ContainerSpec().withImage(IMAGE + version)))
                .withStatus(new TaskStatus().withState(TaskState.FAILED).withErr("task: non-zero exit (1)").withTimestamp(Instant.now().toString())
                        .withContainerStatus(new TaskStatusContainerStatus().withContainerID("c1").withExitCode(1)));
    }
}
