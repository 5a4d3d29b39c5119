package io.reemo.console.deploy.steps;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Task;
import com.github.dockerjava.api.model.TaskState;
import io.reemo.console.catalogue.DesiredCluster;
import io.reemo.console.catalogue.DesiredState;
import io.reemo.console.catalogue.UpdateTags;
import io.reemo.console.deploy.JobSessions;
import io.reemo.console.environment.Cluster;
import io.reemo.console.environment.Environment;
import io.reemo.console.job.NodeRun;
import io.reemo.console.job.Step;
import io.reemo.console.swarm.Change;
import io.reemo.console.swarm.Planner;
import io.reemo.console.swarm.SwarmApplier;
import io.reemo.console.swarm.SwarmReader;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * The apply of an adoption, per cluster. As it runs: the adopted services gain the console's labels and nothing else,
 * and the step proves that no task was replaced. Converging: what the services need around them first (network,
 * secrets, configs, node labels), then one service at a time in the mandatory order (db, api, the others, portal
 * last), each updated in place and converged before the next; one that fails is rolled back by Swarm and stops the
 * adoption there, the services after it left as they run.
 */
@Component
public class AdoptionApply {

    /** Swarm replaces a task within a second of a spec change that needs it; a label change must show none after this. */
    static final Duration RESTART_WATCH = Duration.ofSeconds(3);
    private static final Set<Change.Kind> SERVICE_CHANGES = Set.of(Change.Kind.CREATE_SERVICE, Change.Kind.UPDATE_SERVICE,
            Change.Kind.ADOPT_SERVICE, Change.Kind.REMOVE_SERVICE);

    private final JobSessions sessions;
    private final SwarmApply apply;

    AdoptionApply(JobSessions sessions, SwarmApply apply) {
        this.sessions = sessions;
        this.apply = apply;
    }

    public Step step(Supplier<Environment> environment, Supplier<DesiredState> desired, boolean converge) {
        return Step.onConsole(converge ? "adopt and converge" : "adopt as it runs", run -> {
            Environment env = environment.get();
            boolean done = true;
            for (DesiredCluster cluster : desired.get().clusters()) {
                Cluster model = env.cluster(cluster.group()).orElseThrow();
                DockerClient docker = sessions.docker(run, model.nodes().get(0));
                List<Change> changes = Planner.plan(cluster, SwarmReader.read(docker), service -> true, false);
                done &= converge ? converge(run, env, cluster, docker, changes) : asItRuns(run, cluster, docker, changes);
                if (!done) {
                    break;
                }
            }
            return done ? 0 : 1;
        });
    }

    private boolean asItRuns(NodeRun run, DesiredCluster desired, DockerClient docker, List<Change> changes) {
        List<String> adopted = changes.stream().filter(c -> c.kind() == Change.Kind.ADOPT_SERVICE).map(Change::target).toList();
        if (adopted.isEmpty()) {
            run.system(desired.group() + ": nothing runs without the console's labels");
            return true;
        }
        Set<String> before = runningTasks(docker, adopted);
        new SwarmApplier(docker, desired, null, run::system).adoptAsItRuns(changes);
        pause(RESTART_WATCH);
        Set<String> after = runningTasks(docker, adopted);
        if (!after.equals(before)) {
            run.stderr(desired.group() + ": tasks changed while only labels were added: " + before.size() + " ran before, "
                    + after.stream().filter(before::contains).count() + " of them still run");
            return false;
        }
        run.system(desired.group() + ": " + adopted.size() + " services adopted, all " + before.size()
                + " running tasks kept (no task restarted)");
        return true;
    }

    private boolean converge(NodeRun run, Environment env, DesiredCluster desired, DockerClient docker, List<Change> changes) {
        List<Change> around = changes.stream().filter(c -> !SERVICE_CHANGES.contains(c.kind())).toList();
        if (!around.isEmpty()) {
            apply.applyAndAwait(run, env, desired, docker, around);
        }
        List<Change> services = changes.stream().filter(c -> SERVICE_CHANGES.contains(c.kind()))
                .sorted(Comparator.comparingInt(c -> UpdateTags.rank(desired.service(c.target()).orElseThrow().tag()))).toList();
        for (int i = 0; i < services.size(); i++) {
            Change change = services.get(i);
            run.system(desired.group() + " [" + (i + 1) + "/" + services.size() + "] " + change.kind().name().toLowerCase()
                    .replace('_', ' ') + " " + change.target() + ": " + change.detail());
            if (!apply.applyAndAwait(run, env, desired, docker, List.of(change))) {
                List<String> left = services.subList(i + 1, services.size()).stream().map(Change::target).toList();
                run.stderr(desired.group() + ": stopped at " + change.target() + (left.isEmpty() ? ""
                        : "; left as they run: " + String.join(", ", left)));
                return false;
            }
        }
        if (services.isEmpty()) {
            run.system(desired.group() + ": every service already runs as the console would run it");
        }
        return true;
    }

    /** The IDs of the running tasks of these services. */
    private static Set<String> runningTasks(DockerClient docker, List<String> services) {
        List<Task> tasks = docker.listTasksCmd().withServiceFilter(services.toArray(String[]::new))
                .withStateFilter(TaskState.RUNNING).exec();
        Set<String> ids = new TreeSet<>();
        tasks.forEach(t -> ids.add(t.getId()));
        return ids;
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
