package io.reemo.console.swarm;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Service;
import com.github.dockerjava.api.model.SwarmNode;
import com.github.dockerjava.api.model.Task;
import com.github.dockerjava.api.model.TaskState;
import com.github.dockerjava.api.model.TaskStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A service that did not converge, read back from Swarm instead of assumed: the version its tasks run now (after a
 * rollback, the one before) and, per node, the last of its tasks that failed at the version it was given.
 *
 * @param specVersion    the version its spec names now: after a rollback, the one before; {@code null} when the service is gone
 * @param runningVersion the version all its running tasks run; the version its spec names when none runs or they
 *                       run several; {@code null} when the service is gone
 * @param failedTasks    per node the latest task that failed at the tried version, by node name
 */
public record FailedRollout(String service, String specVersion, String runningVersion, List<FailedTask> failedTasks) {

    private static final Set<TaskState> FAILED = Set.of(TaskState.FAILED, TaskState.REJECTED);
    /** Swarm's clock and the console's may differ a little; a task made just before the apply started is not an older try. */
    private static final Duration CLOCK_SLACK = Duration.ofSeconds(30);

    public FailedRollout {
        failedTasks = List.copyOf(failedTasks);
    }

    /**
     * One failed task.
     *
     * @param taskId      Swarm's id of the task, to read its output through a manager
     * @param node        the Swarm node's hostname
     * @param address     the Swarm node's address, to find it among the environment's nodes
     * @param exitCode    its container's exit code; {@code null} when no container ran
     * @param error       Swarm's error ({@code task: non-zero exit (1)}, {@code No such image: …}); empty if none
     * @param createdAt   when Swarm made it; {@code null} if Swarm did not say
     * @param endedAt     when it failed; {@code null} if Swarm did not say
     */
    public record FailedTask(String taskId, String node, String address, Integer exitCode, String error,
                             Instant createdAt, Instant endedAt) {
    }

    /**
     * @param triedVersion the image tag the service was given (what failed)
     * @param since        when the apply began: failures of older tries do not count
     */
    public static FailedRollout read(DockerClient docker, String service, String triedVersion, Instant since) {
        Optional<Service> found = SwarmReader.service(docker, service);
        if (found.isEmpty()) {
            return new FailedRollout(service, null, null, List.of());
        }
        List<Task> tasks = docker.listTasksCmd().withServiceFilter(found.get().getId()).exec();
        return of(found.get(), tasks, docker.listSwarmNodesCmd().exec(), triedVersion, since);
    }

    static FailedRollout of(Service service, List<Task> tasks, List<SwarmNode> nodes, String triedVersion, Instant since) {
        Map<String, SwarmNode> byId = nodes.stream().collect(Collectors.toMap(SwarmNode::getId, Function.identity()));
        Instant earliest = since.minus(CLOCK_SLACK);
        Map<String, FailedTask> latestPerNode = new TreeMap<>();
        tasks.stream()
                .filter(t -> t.getStatus() != null && FAILED.contains(t.getStatus().getState()))
                .filter(t -> triedVersion.equals(version(t)))
                .filter(t -> instant(t.getCreatedAt()) == null || !instant(t.getCreatedAt()).isBefore(earliest))
                .map(t -> failed(t, byId.get(t.getNodeId())))
                .sorted(Comparator.comparing(FailedTask::endedAt, Comparator.nullsFirst(Comparator.naturalOrder())))
                .forEach(task -> latestPerNode.put(task.node(), task));
        String specVersion = Planner.imageTag(service.getSpec().getTaskTemplate().getContainerSpec().getImage());
        return new FailedRollout(service.getSpec().getName(), specVersion, runningVersion(tasks, specVersion),
                List.copyOf(latestPerNode.values()));
    }

    /** Whether Swarm put the service back to another version than the tried one: a rollback. */
    public boolean revertedFrom(String triedVersion) {
        return specVersion != null && !specVersion.equals(triedVersion);
    }

    private static String runningVersion(List<Task> tasks, String specVersion) {
        Set<String> running = tasks.stream()
                .filter(t -> t.getDesiredState() == TaskState.RUNNING && t.getStatus() != null && t.getStatus().getState() == TaskState.RUNNING)
                .map(FailedRollout::version).filter(Objects::nonNull).collect(Collectors.toSet());
        return running.size() == 1 ? running.iterator().next() : specVersion;
    }

    private static FailedTask failed(Task task, SwarmNode node) {
        TaskStatus status = task.getStatus();
        var container = status.getContainerStatus();
        boolean ran = container != null && container.getContainerID() != null && !container.getContainerID().isBlank();
        Integer exitCode = ran ? container.getExitCode() : null;
        return new FailedTask(task.getId(), node == null ? task.getNodeId() : node.getDescription().getHostname(),
                node == null || node.getStatus() == null ? null : node.getStatus().getAddress(),
                exitCode, status.getErr() == null ? "" : status.getErr().strip(),
                instant(task.getCreatedAt()), instant(status.getTimestamp()));
    }

    private static String version(Task task) {
        return task.getSpec() == null || task.getSpec().getContainerSpec() == null ? null
                : Planner.imageTag(task.getSpec().getContainerSpec().getImage());
    }

    private static Instant instant(String rfc3339) {
        try {
            return rfc3339 == null || rfc3339.isBlank() ? null : Instant.parse(rfc3339);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
