package io.reemo.console.deploy.steps;

import com.github.dockerjava.api.DockerClient;
import io.reemo.console.catalogue.DesiredCluster;
import io.reemo.console.catalogue.DesiredState;
import io.reemo.console.catalogue.ServiceSpec;
import io.reemo.console.deploy.DeployException;
import io.reemo.console.deploy.JobSessions;
import io.reemo.console.environment.Cluster;
import io.reemo.console.environment.Environment;
import io.reemo.console.environment.VariableCatalogue;
import io.reemo.console.job.NodeRun;
import io.reemo.console.job.Step;
import io.reemo.console.node.RegistryAuth;
import io.reemo.console.swarm.Change;
import io.reemo.console.swarm.Convergence.Outcome;
import io.reemo.console.swarm.Convergence;
import io.reemo.console.swarm.Planner;
import io.reemo.console.swarm.SwarmApplier;
import io.reemo.console.swarm.SwarmReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Plan, then apply, then watch: per cluster, the changes between the desired and the actual Swarm are made
 * exactly, and the services touched must converge. A service whose update fails rolls back (Swarm's
 * update_config) and fails the step, saying so and why ({@link RollbackReconciler}: the failed version is
 * remembered, the recorded version follows what runs).
 */
@Component
public class SwarmApply {

    static final Duration CONVERGE_TIMEOUT = Duration.ofMinutes(5);
    /** The changes that write a service spec, whose services must then converge. */
    private static final Set<Change.Kind> SERVICE_WRITES = Set.of(Change.Kind.CREATE_SERVICE, Change.Kind.UPDATE_SERVICE,
            Change.Kind.ADOPT_SERVICE);

    private final JobSessions sessions;
    private final VariableCatalogue variables;
    private final RollbackReconciler reconciler;

    SwarmApply(JobSessions sessions, VariableCatalogue variables, RollbackReconciler reconciler) {
        this.sessions = sessions;
        this.variables = variables;
        this.reconciler = reconciler;
    }

    /**
     * @param full also removes managed services the catalogue no longer has (full updates and installs)
     */
    public Step step(String name, Supplier<Environment> environment, Supplier<DesiredState> desired,
              Predicate<ServiceSpec> scope, boolean full) {
        return Step.onConsole(name, run -> {
            Environment env = environment.get();
            boolean allConverged = true;
            for (DesiredCluster cluster : desired.get().clusters()) {
                allConverged &= applyCluster(run, env, cluster, scope, full);
            }
            return allConverged ? 0 : 1;
        });
    }

    private boolean applyCluster(NodeRun run, Environment env, DesiredCluster desired, Predicate<ServiceSpec> scope, boolean full) {
        Cluster cluster = env.cluster(desired.group()).orElseThrow();
        DockerClient docker = sessions.docker(run, cluster.nodes().get(0));
        List<Change> changes = Planner.plan(desired, SwarmReader.read(docker), scope, full);
        if (changes.isEmpty()) {
            run.system(desired.group() + ": nothing to change");
            return true;
        }
        List<String> unadopted = changes.stream().filter(c -> c.kind() == Change.Kind.ADOPT_SERVICE).map(Change::target).toList();
        if (!unadopted.isEmpty()) {
            throw new DeployException(desired.group() + ": " + unadopted.size() + " service(s) of the catalogue run without the"
                    + " console (" + String.join(", ", unadopted) + "): this platform was installed by other means. Adopt it"
                    + " first (job type adopt); nothing was changed.");
        }
        run.system(desired.group() + ": " + changes.size() + " change(s)");
        return applyAndAwait(run, env, desired, docker, changes);
    }

    /**
     * Makes {@code changes} on the cluster's Swarm and waits until every service they touch has converged; a service
     * that does not is rolled back by Swarm and reported. Whether all converged.
     */
    boolean applyAndAwait(NodeRun run, Environment env, DesiredCluster desired, DockerClient docker, List<Change> changes) {
        Cluster cluster = env.cluster(desired.group()).orElseThrow();
        var auth = RegistryAuth.of(variables.effective(env, cluster));
        SwarmApplier applier = new SwarmApplier(docker, desired, auth, run::system);
        Instant since = Instant.now();
        applier.apply(changes);
        List<String> touched = changes.stream().filter(c -> SERVICE_WRITES.contains(c.kind())).map(Change::target).toList();
        List<Outcome> outcomes = Convergence.await(docker, touched, applier.rollingSince(), CONVERGE_TIMEOUT, run::system, outcome -> {
            String line = outcome.service() + ": " + outcome.detail();
            if (outcome.converged()) {
                run.system(line);
            } else {
                run.stderr(line);
            }
        });
        reconciler.converged(env.id(), outcomes.stream().filter(Outcome::converged)
                .flatMap(outcome -> desired.service(outcome.service()).stream()).toList());
        List<Outcome> failed = outcomes.stream().filter(outcome -> !outcome.converged()).toList();
        if (!failed.isEmpty()) {
            reconciler.failed(run, env.id(), desired, docker, failed, since);
        }
        return failed.isEmpty();
    }
}
