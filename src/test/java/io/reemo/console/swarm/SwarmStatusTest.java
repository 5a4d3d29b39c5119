package io.reemo.console.swarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.ContainerSpec;
import com.github.dockerjava.api.model.Service;
import com.github.dockerjava.api.model.ServiceModeConfig;
import com.github.dockerjava.api.model.ServiceReplicatedModeOptions;
import com.github.dockerjava.api.model.ServiceSpec;
import com.github.dockerjava.api.model.Task;
import com.github.dockerjava.api.model.TaskSpec;
import com.github.dockerjava.api.model.TaskState;
import com.github.dockerjava.api.model.TaskStatus;
import io.reemo.console.swarm.SwarmStatus.ServiceStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The version a service runs is read from its running tasks, not from its spec. */
class SwarmStatusTest {

    private static final String REPOSITORY = "10.199.0.100:5000/reemoinfraapi:";

    @Test
    void duringARollingUpdateBothVersionsRunAndTheSpecNamesTheNewOne() {
        ServiceStatus api = read(REPOSITORY + "2.14.0", task(REPOSITORY + "2.13.10@sha256:0a", TaskState.RUNNING),
                task(REPOSITORY + "2.14.0@sha256:0b", TaskState.RUNNING), task(REPOSITORY + "2.14.0", TaskState.PREPARING));

        assertThat(api.runningVersions()).containsExactly("2.13.10", "2.14.0");
        assertThat(api.version()).isEqualTo("2.14.0");
        assertThat(api.running()).isEqualTo(2);
    }

    @Test
    void afterARollbackTheTasksRunThePreviousVersion() {
        ServiceStatus api = read(REPOSITORY + "2.13.10", task(REPOSITORY + "2.13.10", TaskState.RUNNING));

        assertThat(api.runningVersions()).containsExactly("2.13.10");
    }

    @Test
    void noRunningTaskRunsNoVersion() {
        assertThat(read(REPOSITORY + "2.13.10").runningVersions()).isEmpty();
    }

    private static ServiceStatus read(String specImage, Task... tasks) {
        DockerClient docker = mock(DockerClient.class, RETURNS_DEEP_STUBS);
        Service service = new Service().withId("api-id").withSpec(new ServiceSpec().withName("reemo_api")
                .withTaskTemplate(new TaskSpec().withContainerSpec(new ContainerSpec().withImage(specImage)))
                .withMode(new ServiceModeConfig().withReplicated(new ServiceReplicatedModeOptions().withReplicas(2))));
        when(docker.listSwarmNodesCmd().exec()).thenReturn(List.of());
        when(docker.listTasksCmd().withStateFilter(any(TaskState[].class)).exec()).thenReturn(List.of(tasks));
        when(docker.listServicesCmd().withLabelFilter(any(java.util.Map.class)).exec()).thenReturn(List.of(service));
        return SwarmStatus.read(docker).services().get(0);
    }

    private static Task task(String image, TaskState state) {
        return new Task().withServiceId("api-id").withNodeId("n1").withStatus(new TaskStatus().withState(state))
                .withSpec(new TaskSpec().withContainerSpec(new ContainerSpec().withImage(image)));
    }
}
