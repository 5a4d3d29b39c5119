package io.reemo.console.deploy.steps;

import com.github.dockerjava.api.DockerClient;
import io.reemo.console.catalogue.DesiredCluster;
import io.reemo.console.catalogue.ServiceSpec;
import io.reemo.console.deploy.FailedVersion;
import io.reemo.console.deploy.FailedVersions;
import io.reemo.console.deploy.TaskFailure;
import io.reemo.console.environment.Cluster;
import io.reemo.console.environment.Edit;
import io.reemo.console.environment.Environment;
import io.reemo.console.environment.Environments;
import io.reemo.console.environment.Node;
import io.reemo.console.environment.RevisionCause;
import io.reemo.console.environment.VariableCatalogue;
import io.reemo.console.job.NodeRun;
import io.reemo.console.swarm.Convergence.Outcome;
import io.reemo.console.swarm.FailedRollout;
import io.reemo.console.swarm.FailedRollout.FailedTask;
import io.reemo.console.swarm.SwarmStatus.ServiceStatus;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * What follows services that did not converge: each version whose tasks failed is remembered with why, node by node,
 * and when Swarm put a service back to the version before (a rollback), the recorded version follows what runs, as
 * one revision by the job. So the configuration never names a version that does not run, and nothing redeploys the
 * failed one unless the operator asks (an update with {@code retryFailed}).
 */
@Component
class RollbackReconciler {

    private final Environments environments;
    private final VariableCatalogue variables;
    private final FailedVersions failedVersions;
    private final TaskOutput output;

    RollbackReconciler(Environments environments, VariableCatalogue variables, FailedVersions failedVersions, TaskOutput output) {
        this.environments = environments;
        this.variables = variables;
        this.failedVersions = failedVersions;
        this.output = output;
    }

    /** These services converged at their versions: none of those failed, whatever happened before. */
    void converged(long environmentId, List<ServiceSpec> services) {
        services.forEach(service -> versionVariable(service).ifPresent(variable ->
                failedVersions.forget(environmentId, variable, ServiceStatus.tag(service.image()))));
    }

    /**
     * @param docker   a manager of the cluster's Swarm
     * @param outcomes the services of the cluster that did not converge
     * @param since    when the apply began: failures of earlier tries are not this job's
     */
    void failed(NodeRun run, long environmentId, DesiredCluster desired, DockerClient docker, List<Outcome> outcomes, Instant since) {
        Environment environment = environments.get(environmentId);
        Cluster cluster = environment.cluster(desired.group()).orElseThrow();
        Map<String, FailedVersion> failures = new LinkedHashMap<>();
        Map<String, String> running = new LinkedHashMap<>();
        Map<String, String> tried = new LinkedHashMap<>();
        for (Outcome outcome : outcomes) {
            Optional<ServiceSpec> spec = desired.service(outcome.service());
            Optional<String> variable = spec.flatMap(this::versionVariable);
            if (variable.isEmpty()) {
                continue;
            }
            String version = ServiceStatus.tag(spec.get().image());
            FailedRollout rollout = FailedRollout.read(docker, spec.get().name(), version, since);
            List<TaskFailure> tasks = rollout.failedTasks().stream().map(task -> failure(docker, cluster, spec.get(), task)).toList();
            if (!tasks.isEmpty() || outcome.rolledBack()) {
                FailedVersion failure = new FailedVersion(variable.get(), version, subject(spec.get()), run.jobId(),
                        OffsetDateTime.now(ZoneOffset.UTC), outcome.rolledBack(), rollout.runningVersion(), tasks);
                failures.merge(variable.get(), failure, RollbackReconciler::together);
            }
            if (rollout.revertedFrom(version)) {
                running.putIfAbsent(variable.get(), rollout.runningVersion());
                tried.putIfAbsent(variable.get(), version);
            }
        }
        failures.values().forEach(failure -> {
            failedVersions.record(environmentId, failure);
            run.stderr(failure.words());
        });
        if (!running.isEmpty()) {
            Environment reconciled = environment;
            for (Map.Entry<String, String> entry : running.entrySet()) {
                reconciled = reconciled.withVariableAsRead(cluster.group(), entry.getKey(), entry.getValue());
            }
            environments.save(reconciled, Edit.of(RevisionCause.ROLLBACK_RECONCILED, run.startedBy()).job(run.jobId()));
            running.forEach((variable, version) -> run.system(variable + ": " + tried.get(variable) + " → " + version
                    + " recorded, the version that runs after the rollback (a revision, cause: "
                    + RevisionCause.ROLLBACK_RECONCILED.label() + ")"));
        }
    }

    private TaskFailure failure(DockerClient docker, Cluster cluster, ServiceSpec spec, FailedTask task) {
        TaskOutput.Lines lines = output.of(docker, task, spec, nodeOf(cluster, task));
        return new TaskFailure(spec.name(), task.node(), task.exitCode(), task.error(), lines.lines(), lines.note());
    }

    /** Swarm names nodes by hostname (facts), which is the inventory name until facts are read, or by address. */
    private static Optional<Node> nodeOf(Cluster cluster, FailedTask task) {
        return cluster.nodes().stream().filter(node -> task.node().equals(node.facts() != null && node.facts().hostname() != null
                ? node.facts().hostname() : node.name()) || node.address().equals(task.address())).findFirst();
    }

    /** Several services of one version variable (the signals) failed at the same version. */
    private static FailedVersion together(FailedVersion first, FailedVersion second) {
        List<TaskFailure> tasks = new ArrayList<>(first.tasks());
        tasks.addAll(second.tasks());
        return new FailedVersion(first.variable(), first.version(), first.subject(), first.jobId(), first.at(),
                first.rolledBack() || second.rolledBack(), first.runningVersion(), tasks);
    }

    private Optional<String> versionVariable(ServiceSpec service) {
        String variable = VariableCatalogue.versionVariable(service.component().imageComponent());
        return variables.find(variable).map(v -> variable);
    }

    private static String subject(ServiceSpec service) {
        return service.tag() != null ? service.tag() : service.name();
    }
}
