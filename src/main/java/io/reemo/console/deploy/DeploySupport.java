package io.reemo.console.deploy;

import io.reemo.console.catalogue.DesiredCluster;
import io.reemo.console.catalogue.DesiredState;
import io.reemo.console.catalogue.ServiceSpec;
import io.reemo.console.deploy.desired.DesiredStates;
import io.reemo.console.environment.Cluster;
import io.reemo.console.environment.Environment;
import io.reemo.console.environment.EnvironmentValidator;
import io.reemo.console.environment.Environments;
import io.reemo.console.environment.Problem;
import io.reemo.console.job.Step;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/** What every deploy job type needs: the environment and its desired state as they are when a step runs. */
@Component
public class DeploySupport {

    private final Environments environments;
    private final DesiredStates desiredStates;
    private final DeploymentRecords records;
    private final EnvironmentValidator validator;

    DeploySupport(Environments environments, DesiredStates desiredStates, DeploymentRecords records, EnvironmentValidator validator) {
        this.environments = environments;
        this.desiredStates = desiredStates;
        this.records = records;
        this.validator = validator;
    }

    public Supplier<Environment> current(long environmentId) {
        return () -> environments.get(environmentId);
    }

    /** The desired state with the maintenance switch as recorded. */
    public Supplier<DesiredState> desired(long environmentId) {
        return desired(environmentId, Map.of());
    }

    /** As {@link #desired(long)}, with {@code versions} set as an update sets them ({@link #withVersions}), before they are saved. */
    public Supplier<DesiredState> desired(long environmentId, Map<String, String> versions) {
        return () -> desiredStates.forApply(withVersions(environments.get(environmentId), versions), records.maintenance(environmentId));
    }

    /**
     * The environment with version variables set as the update job sets them: where each cluster reads them (all.vars
     * unless a group overrides one), so that every cluster runs the version asked for.
     */
    public static Environment withVersions(Environment environment, Map<String, String> versions) {
        Environment updated = environment;
        for (Map.Entry<String, String> version : versions.entrySet()) {
            updated = updated.withVariableIn(null, version.getKey(), version.getValue());
            for (Cluster cluster : environment.clusters()) {
                updated = updated.withVariableAsRead(cluster.group(), version.getKey(), version.getValue());
            }
        }
        return updated;
    }

    /** Blocking validation problems refuse the job before anything runs, each named. */
    public void requireValid(Environment environment, List<ParameterProblem> problems) {
        validator.validate(environment).stream().filter(p -> p.severity() == Problem.Severity.ERROR)
                .forEach(p -> problems.add(new ParameterProblem(null, "environment: " + p.message())));
    }

    /** The job's last lines: what runs where, at which version. */
    public Step summary(Supplier<DesiredState> desired) {
        return Step.onConsole("summary", run -> {
            for (DesiredCluster cluster : desired.get().clusters()) {
                run.system(cluster.group() + " on " + String.join(", ", cluster.managerOrder()) + ":");
                for (ServiceSpec service : cluster.services()) {
                    String replicas = service.global() ? "global" : String.valueOf(service.replicas());
                    run.system("  " + service.name() + "  " + service.image().substring(service.image().lastIndexOf('/') + 1)
                            + "  replicas " + replicas);
                }
            }
            return 0;
        });
    }

    public DeploymentRecords records() {
        return records;
    }
}
