package io.reemo.console.swarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.github.dockerjava.api.model.ContainerSpec;
import com.github.dockerjava.api.model.Service;
import com.github.dockerjava.api.model.ServiceSpec;
import com.github.dockerjava.api.model.SwarmNode;
import com.github.dockerjava.api.model.SwarmNodeDescription;
import com.github.dockerjava.api.model.SwarmNodeStatus;
import com.github.dockerjava.api.model.Task;
import com.github.dockerjava.api.model.TaskSpec;
import com.github.dockerjava.api.model.TaskState;
import com.github.dockerjava.api.model.TaskStatus;
import com.github.dockerjava.api.model.TaskStatusContainerStatus;
import io.reemo.console.swarm.FailedRollout.FailedTask;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A service after a failed update, as Swarm's tasks tell it: what runs, and which tasks failed where and how. */
class FailedRolloutTest {

    private static final String REPOSITORY = "10.199.0.100:5000/reemoinfraapi:";
    private static final Instant APPLY = Instant.parse("2026-12-07T02:10:00Z");
    private static final List<SwarmNode> NODES = List.of(node("n1", "node1", "10.199.0.1"), node("n2", "node2", "10.199.0.2"),
            node("n3", "node3", "10.199.0.3"));

    @Test
    void afterARollbackTheTasksRunThePreviousVersionAndTheLatestFailureOfEachNodeIsKept() {
        Service service = service("2.14.0");
        List<Task> tasks = List.of(
                running("t1", "n1", "2.14.0"), running("t2", "n2", "2.14.0"), running("t3", "n3", "2.14.0"),
                failed("t4", "n2", "2.14.1-broken", 1, "2026-12-07T02:10:03Z"),
                failed("t5", "n2", "2.14.1-broken", 1, "2026-12-07T02:10:09Z"),
                failed("t6", "n3", "2.14.1-broken", 1, "2026-12-07T02:10:05Z"),
                // an older try of the same version, before this apply, and a failure of another version
                failed("t0", "n1", "2.14.1-broken", 1, "2026-12-06T23:00:00Z"),
                failed("t7", "n1", "2.13.10", 2, "2026-12-07T02:10:04Z"));

        FailedRollout rollout = FailedRollout.of(service, tasks, NODES, "2.14.1-broken", APPLY);

        assertThat(rollout.specVersion()).isEqualTo("2.14.0");
        assertThat(rollout.runningVersion()).isEqualTo("2.14.0");
        assertThat(rollout.revertedFrom("2.14.1-broken")).isTrue();
        assertThat(rollout.failedTasks()).extracting(FailedTask::taskId, FailedTask::node, FailedTask::address, FailedTask::exitCode,
                FailedTask::error).containsExactly(
                tuple("t5", "node2", "10.199.0.2", 1, "task: non-zero exit (1)"),
                tuple("t6", "node3", "10.199.0.3", 1, "task: non-zero exit (1)"));
        assertThat(rollout.failedTasks().get(0).endedAt()).isEqualTo(Instant.parse("2026-12-07T02:10:10Z"));
    }

    @Test
    void aServiceLeftAtTheTriedVersionWasNotRolledBackAndATaskWithoutContainerHasNoExitCode() {
        Task rejected = failed("t1", "n1", "9.9.9", 0, "2026-12-07T02:10:03Z");
        rejected.getStatus().withState(TaskState.REJECTED).withErr("No such image: " + REPOSITORY + "9.9.9").withContainerStatus(null);

        FailedRollout rollout = FailedRollout.of(service("9.9.9"), List.of(rejected), NODES, "9.9.9", APPLY);

        assertThat(rollout.revertedFrom("9.9.9")).isFalse();
        assertThat(rollout.runningVersion()).as("nothing runs: the spec's version").isEqualTo("9.9.9");
        assertThat(rollout.failedTasks()).singleElement().satisfies(task -> {
            assertThat(task.exitCode()).isNull();
            assertThat(task.error()).startsWith("No such image");
        });
    }

    @Test
    void tasksOfSeveralVersionsRunningMeanTheSpecsVersionIsTheOneThatRuns() {
        List<Task> tasks = List.of(running("t1", "n1", "2.14.0"), running("t2", "n2", "2.13.10"));

        assertThat(FailedRollout.of(service("2.14.0"), tasks, NODES, "2.14.1-broken", APPLY).runningVersion()).isEqualTo("2.14.0");
    }

    private static Service service(String version) {
        return new Service().withId("svc").withSpec(new ServiceSpec().withName("reemo_api").withTaskTemplate(
                new TaskSpec().withContainerSpec(new ContainerSpec().withImage(REPOSITORY + version + "@sha256:0123"))));
    }

    private static Task running(String id, String node, String version) {
        return task(id, node, version, "2026-12-07T02:10:20Z").withDesiredState(TaskState.RUNNING)
                .withStatus(new TaskStatus().withState(TaskState.RUNNING).withTimestamp("2026-12-07T02:10:21Z"));
    }

    private static Task failed(String id, String node, String version, int exitCode, String at) {
        return task(id, node, version, at).withDesiredState(TaskState.SHUTDOWN)
                .withStatus(new TaskStatus().withState(TaskState.FAILED).withErr("task: non-zero exit (" + exitCode + ")")
                        .withTimestamp(Instant.parse(at).plusSeconds(1).toString())
                        .withContainerStatus(new TaskStatusContainerStatus().withContainerID("c-" + id).withExitCode(exitCode)));
    }

    private static Task task(String id, String node, String version, String createdAt) {
        return new Task().withId(id).withNodeId(node).withServiceId("svc").withCreatedAt(createdAt)
                .withSpec(new TaskSpec().withContainerSpec(new ContainerSpec().withImage(REPOSITORY + version + "@sha256:0123")));
    }

    private static SwarmNode node(String id, String hostname, String address) {
        return new SwarmNode().withId(id).withDescription(new SwarmNodeDescription().withHostname(hostname))
                .withStatus(new SwarmNodeStatus().withAddress(address));
    }
}
