package io.reemo.console.swarm;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.model.ServiceUpdateState;
import com.github.dockerjava.api.model.Task;
import com.github.dockerjava.api.model.TaskState;
import com.github.dockerjava.api.model.TaskStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TaskProgressTest {

    private static final Instant CHANGED = Instant.parse("2026-12-07T10:00:00Z");
    private static final Map<String, String> NODES = Map.of("n1", "node1", "n2", "node2", "n3", "node3");

    @Test
    void aRollingUpdateCountsTheNewTasksAndNamesEachTaskOnItsWay() {
        List<Task> tasks = List.of(
                task("a", "n1", TaskState.RUNNING, TaskState.RUNNING, CHANGED.plusSeconds(2)),
                task("b", "n2", TaskState.RUNNING, TaskState.STARTING, CHANGED.plusSeconds(5)),
                task("c", "n3", TaskState.SHUTDOWN, TaskState.RUNNING, CHANGED.minusSeconds(600)),
                task("d", "n3", TaskState.RUNNING, TaskState.RUNNING, CHANGED.minusSeconds(600)));

        TaskProgress progress = TaskProgress.of("reemo_api", ServiceUpdateState.UPDATING, tasks, 3, CHANGED, NODES);

        assertThat(progress.text()).isEqualTo("reemo_api: updating, 1/3 replaced; node2 starting, node3 old task stopping");
        assertThat(progress.brief()).isEqualTo("1/3 replaced");
    }

    @Test
    void onceEveryTaskIsReplacedItSaysThatSwarmWatchesThem() {
        List<Task> tasks = List.of(task("a", "n1", TaskState.RUNNING, TaskState.RUNNING, CHANGED.plusSeconds(2)));

        assertThat(TaskProgress.of("traefik", ServiceUpdateState.UPDATING, tasks, 1, CHANGED, NODES).text())
                .isEqualTo("traefik: updating, 1/1 replaced; Swarm watches the new tasks");
    }

    @Test
    void aNewServiceCountsItsRunningTasksAndARollbackSaysSo() {
        List<Task> tasks = List.of(task("a", "n1", TaskState.RUNNING, TaskState.PREPARING, CHANGED),
                task("b", null, TaskState.RUNNING, TaskState.PENDING, CHANGED));

        assertThat(TaskProgress.of("reemo_portal", null, tasks, 2, null, NODES).text())
                .isEqualTo("reemo_portal: 0/2 running; (not placed yet) waiting for a place, node1 preparing (image, mounts)");
        assertThat(TaskProgress.of("reemo_api", ServiceUpdateState.ROLLBACK_STARTED, List.of(), 2, CHANGED, NODES).text())
                .startsWith("reemo_api: rolling back, 0/2 replaced");
    }

    private static Task task(String id, String node, TaskState desired, TaskState state, Instant created) {
        return new Task().withId(id).withNodeId(node).withDesiredState(desired).withCreatedAt(created.toString())
                .withStatus(new TaskStatus().withState(state));
    }
}
