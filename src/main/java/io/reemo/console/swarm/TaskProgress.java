package io.reemo.console.swarm;

import com.github.dockerjava.api.model.ServiceUpdateState;
import com.github.dockerjava.api.model.Task;
import com.github.dockerjava.api.model.TaskState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where one service's tasks stand while the console waits on Swarm, in words for the job log: how many run the new spec,
 * and each task on its way up or down with its node (for reemo_api: updating, 2/4 replaced; node3 starting, node4 old
 * task stopping). The text changes only when the tasks do, so that a repeated reading is not a new line.
 *
 * @param service the service's name
 * @param brief   the counts alone ("2/4 replaced"), for a line that sums up several services
 * @param text    the whole reading
 */
public record TaskProgress(String service, String brief, String text) {

    /**
     * @param update    the service's update state, {@code null} for a service that is being created
     * @param changedAt when the console changed the spec of a service whose tasks are replaced; {@code null} otherwise
     * @param nodeNames Swarm node ID → hostname
     */
    public static TaskProgress of(String service, ServiceUpdateState update, List<Task> tasks, long desired, Instant changedAt,
                           Map<String, String> nodeNames) {
        List<Task> wanted = tasks.stream().filter(t -> t.getDesiredState() == TaskState.RUNNING)
                .sorted(Comparator.comparing((Task t) -> node(t, nodeNames)).thenComparing(Task::getId))
                .toList();
        long ready = wanted.stream().filter(t -> state(t) == TaskState.RUNNING && isNew(t, changedAt)).count();
        List<String> moving = new ArrayList<>();
        for (Task task : wanted) {
            if (state(task) != TaskState.RUNNING) {
                moving.add(node(task, nodeNames) + " " + words(state(task)));
            }
        }
        tasks.stream().filter(t -> t.getDesiredState() != TaskState.RUNNING && state(t) == TaskState.RUNNING)
                .forEach(t -> moving.add(node(t, nodeNames) + " old task stopping"));
        String brief = ready + "/" + desired + (changedAt == null ? " running" : " replaced");
        String watching = ready == desired && changedAt != null ? "; Swarm watches the new tasks" : "";
        String text = service + ": " + phase(update, changedAt) + brief + (moving.isEmpty() ? watching : "; " + String.join(", ", moving));
        return new TaskProgress(service, brief, text);
    }

    /** Before Swarm has taken up the change: its old tasks still run as they were. */
    static TaskProgress notStarted(String service) {
        return new TaskProgress(service, "not started", service + ": the change is made, Swarm has not started replacing its tasks yet");
    }

    private static String phase(ServiceUpdateState update, Instant changedAt) {
        if (update == ServiceUpdateState.ROLLBACK_STARTED) {
            return "rolling back, ";
        }
        return changedAt != null ? "updating, " : "";
    }

    private static boolean isNew(Task task, Instant changedAt) {
        return changedAt == null || task.getCreatedAt() == null
                || !Instant.parse(task.getCreatedAt()).isBefore(changedAt.minus(Convergence.CLOCK_SLACK));
    }

    private static TaskState state(Task task) {
        return task.getStatus() == null ? TaskState.NEW : task.getStatus().getState();
    }

    private static String node(Task task, Map<String, String> nodeNames) {
        return task.getNodeId() == null ? "(not placed yet)" : nodeNames.getOrDefault(task.getNodeId(), task.getNodeId());
    }

    /** Swarm's task states as an operator reads them; "preparing" is mostly pulling the image. */
    private static String words(TaskState state) {
        return switch (state) {
            case NEW, ALLOCATED, PENDING -> "waiting for a place";
            case ASSIGNED, ACCEPTED -> "assigned";
            case PREPARING -> "preparing (image, mounts)";
            case READY, STARTING -> "starting";
            default -> state.name().toLowerCase(Locale.ROOT);
        };
    }
}
