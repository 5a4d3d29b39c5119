package io.reemo.console.deploy.steps;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.ContainerSpec;
import com.github.dockerjava.api.model.Service;
import com.github.dockerjava.api.model.ServiceModeConfig;
import com.github.dockerjava.api.model.ServiceReplicatedModeOptions;
import com.github.dockerjava.api.model.ServiceSpec;
import com.github.dockerjava.api.model.Task;
import com.github.dockerjava.api.model.TaskState;
import io.reemo.console.catalogue.Component;
import io.reemo.console.deploy.DeployException;
import io.reemo.console.deploy.DeploymentRecords;
import io.reemo.console.deploy.JobSessions;
import io.reemo.console.environment.Cluster;
import io.reemo.console.environment.EffectiveVariables;
import io.reemo.console.environment.Environment;
import io.reemo.console.environment.VariableCatalogue;
import io.reemo.console.job.NodeRun;
import io.reemo.console.job.Step;
import io.reemo.console.swarm.SwarmReader;
import io.reemo.console.swarm.SwarmStateException;
import io.reemo.console.swarm.TaskLogs;
import io.reemo.console.swarm.TaskProgress;
import io.reemo.console.swarm.WaitNarration;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Runs {@code reemo_db} to completion (product-calls.md §11): one replica, wait for its task to end, report its exit
 * code and output, back to zero replicas. With {@code INIT_DB} it initialises the database, once per environment.
 */
@org.springframework.stereotype.Component
public class DatabaseRun {

    private static final Duration TIMEOUT = Duration.ofMinutes(15);
    private static final Duration LOG_TIMEOUT = Duration.ofSeconds(30);
    private static final Set<TaskState> ENDED = Set.of(TaskState.COMPLETE, TaskState.FAILED, TaskState.REJECTED,
            TaskState.SHUTDOWN, TaskState.ORPHANED, TaskState.REMOVE);
    static final List<String> INIT_VARIABLES = List.of("INIT_MINIMUM_PASSWORD_LENGTH", "INIT_PASSWORD_REQUIRE_LETTERS",
            "INIT_PASSWORD_REQUIRE_DIGITS", "INIT_PASSWORD_REQUIRE_SPECIALCHAR");

    private final JobSessions sessions;
    private final VariableCatalogue variables;
    private final DeploymentRecords records;

    DatabaseRun(JobSessions sessions, VariableCatalogue variables, DeploymentRecords records) {
        this.sessions = sessions;
        this.variables = variables;
        this.records = records;
    }

    public Step step(Supplier<Environment> environment, boolean initDb) {
        return Step.onConsole(initDb ? "database init" : "database update", run -> {
            Environment env = environment.get();
            Cluster cluster = env.clusters().stream().filter(Cluster::servesApi).findFirst()
                    .orElseThrow(() -> new DeployException("no cluster runs the API side, so there is no reemo_db to run"));
            DockerClient docker = sessions.docker(run, cluster.nodes().get(0));
            int exit = runOnce(run, docker, variables.effective(env, cluster), initDb);
            if (exit == 0 && initDb) {
                records.markDatabaseInitialized(env.id(), run.jobId());
                run.system("Database initialised; the console will not initialise it again.");
            }
            return exit;
        });
    }

    private int runOnce(NodeRun run, DockerClient docker, EffectiveVariables vars, boolean initDb) throws InterruptedException {
        String name = Component.DB.serviceName();
        Service service = SwarmReader.service(docker, name)
                .orElseThrow(() -> new DeployException(name + " does not exist: apply the services first"));
        ServiceSpec original = service.getSpec();
        ContainerSpec container = original.getTaskTemplate().getContainerSpec();
        // docker-java's withers change the spec they are called on: keep the env to restore before the first update,
        // or the scale-back would leave INIT_DB=true in the service for the next start to initialise the database again
        List<String> desiredEnv = container.getEnv() == null ? null : List.copyOf(container.getEnv());
        List<String> env = new ArrayList<>(desiredEnv == null ? List.of() : desiredEnv);
        if (initDb) {
            env.add("INIT_DB=true");
            INIT_VARIABLES.forEach(v -> vars.text(v).ifPresent(value -> env.add(v + "=" + value)));
        }
        Instant started = Instant.now();
        run.system("Starting " + name + " (" + container.getImage().replaceFirst("@.*", "") + ")" + (initDb ? " with INIT_DB" : ""));
        update(docker, service, original, 1, env);
        Optional<Task> task = awaitEnd(run, docker, service.getId(), started);
        task.ifPresent(t -> printLogs(run, docker, t)); // before scaling back: that removes the task and its output
        update(docker, SwarmReader.service(docker, name).orElseThrow(), original, 0, desiredEnv);
        if (task.isEmpty()) {
            run.stderr(name + " did not finish within " + TIMEOUT.toMinutes() + " minutes; it was scaled back to 0");
            return 1;
        }
        Integer exitCode = task.get().getStatus().getContainerStatus() == null ? null : task.get().getStatus().getContainerStatus().getExitCode();
        int exit = exitCode == null ? 1 : exitCode.intValue();
        if (task.get().getStatus().getState() == TaskState.COMPLETE && exit == 0) {
            run.system(name + " finished: exit code 0; scaled back to 0 replicas (0/1 is its normal state).");
            return 0;
        }
        run.stderr(name + " ended " + task.get().getStatus().getState() + " with exit code " + exitCode
                + (task.get().getStatus().getErr() == null ? "" : ": " + task.get().getStatus().getErr()));
        return exit == 0 ? 1 : exit;
    }

    private static void update(DockerClient docker, Service current, ServiceSpec original, int replicas, List<String> env) {
        ContainerSpec container = original.getTaskTemplate().getContainerSpec().withEnv(env);
        var task = original.getTaskTemplate().withContainerSpec(container)
                .withForceUpdate(Optional.ofNullable(current.getSpec().getTaskTemplate().getForceUpdate()).orElse(0) + 1);
        ServiceSpec spec = original.withTaskTemplate(task)
                .withMode(new ServiceModeConfig().withReplicated(new ServiceReplicatedModeOptions().withReplicas(replicas)));
        docker.updateServiceCmd(current.getId(), spec).withVersion(current.getVersion().getIndex()).exec();
    }

    /** Narrated: where its task stands, said when it changes and at least every second or so. */
    private static Optional<Task> awaitEnd(NodeRun run, DockerClient docker, String serviceId, Instant started)
            throws InterruptedException {
        Instant deadline = started.plus(TIMEOUT);
        Map<String, String> nodes = SwarmReader.nodeHostnames(docker);
        WaitNarration narration = new WaitNarration(run::system);
        String name = Component.DB.serviceName();
        while (Instant.now().isBefore(deadline)) {
            List<Task> tasks = docker.listTasksCmd().withServiceFilter(serviceId).exec().stream()
                    .filter(t -> t.getCreatedAt() != null && Instant.parse(t.getCreatedAt()).isAfter(started.minusSeconds(1)))
                    .toList();
            Optional<Task> newest = tasks.stream().max(Comparator.comparing(Task::getCreatedAt));
            if (newest.isPresent() && ENDED.contains(newest.get().getStatus().getState())) {
                return newest;
            }
            TaskProgress progress = TaskProgress.of(name, null, tasks, 1, null, nodes);
            narration.progress(progress);
            narration.ifQuiet(progress::text);
            Thread.sleep(1000);
        }
        return Optional.empty();
    }

    /** What the task printed, into the job log; said in words when Docker cannot give it. */
    private static void printLogs(NodeRun run, DockerClient docker, Task task) {
        try {
            TaskLogs.read(docker, task.getId(), null, LOG_TIMEOUT, run::stdout);
        } catch (SwarmStateException e) {
            run.system("Its output could not be read (" + e.getMessage() + "); it is in the node's syslog under reemo_db.");
        }
    }
}
