package io.reemo.console.deploy.maintenance;

import io.reemo.console.catalogue.Component;
import io.reemo.console.catalogue.DesiredState;
import io.reemo.console.catalogue.ServiceSpec;
import io.reemo.console.deploy.DeploySupport;
import io.reemo.console.deploy.JobSessions;
import io.reemo.console.deploy.JobType;
import io.reemo.console.deploy.MaintenanceParameters;
import io.reemo.console.deploy.ParameterProblem;
import io.reemo.console.deploy.desired.DesiredStates;
import io.reemo.console.deploy.steps.ImagePull;
import io.reemo.console.deploy.steps.PlatformCheck;
import io.reemo.console.deploy.steps.SwarmApply;
import io.reemo.console.environment.Cluster;
import io.reemo.console.environment.Environment;
import io.reemo.console.job.Step;
import io.reemo.console.security.Roles;
import io.reemo.console.swarm.SwarmReader;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * {@code maintenance}: {@code enable: true} points the user portal URL at the maintenance page; {@code false}
 * points it back at the portal and removes the page. Only Traefik's routes and the maintenance service change:
 * the API, the database and the signals are never touched (product-calls.md §15). The last step proves that the portal
 * URL serves what it should now, the maintenance page or the portal ({@link PlatformCheck}).
 */
@org.springframework.stereotype.Component
class MaintenanceJob implements JobType<MaintenanceParameters> {

    private static final Predicate<ServiceSpec> ROUTING =
            s -> s.component() == Component.TRAEFIK || s.component() == Component.MAINTENANCE;

    private final DeploySupport support;
    private final DesiredStates desiredStates;
    private final ImagePull images;
    private final SwarmApply apply;
    private final JobSessions sessions;
    private final PlatformCheck platformCheck;

    MaintenanceJob(DeploySupport support, DesiredStates desiredStates, ImagePull images, SwarmApply apply, JobSessions sessions,
                   PlatformCheck platformCheck) {
        this.support = support;
        this.desiredStates = desiredStates;
        this.images = images;
        this.apply = apply;
        this.sessions = sessions;
        this.platformCheck = platformCheck;
    }

    @Override
    public String name() {
        return "maintenance";
    }

    @Override
    public boolean changing() {
        return true;
    }

    @Override
    public String role() {
        return Roles.OPERATOR;
    }

    @Override
    public Class<MaintenanceParameters> parametersType() {
        return MaintenanceParameters.class;
    }

    /** Nothing to check: the switch is the only parameter, and its type makes it on or off. */
    @Override
    public List<ParameterProblem> check(Environment environment, MaintenanceParameters parameters) {
        return List.of();
    }

    @Override
    public List<Step> plan(Environment environment, MaintenanceParameters parameters) {
        boolean enable = parameters.enable();
        long id = environment.id();
        Supplier<Environment> current = support.current(id);
        Supplier<DesiredState> desired = () -> desiredStates.forApply(current.get(), enable);
        List<Step> steps = new ArrayList<>();
        if (enable) {
            steps.add(images.step(environment, current, desired, ROUTING));
        }
        steps.add(Step.onConsole("switch", run -> {
            support.records().setMaintenance(id, enable);
            run.system(enable ? "Maintenance on: the user portal URL serves the maintenance page."
                    : "Maintenance off: the user portal URL serves the portal again.");
            return 0;
        }));
        steps.add(apply.step("routes", current, desired, ROUTING, false));
        if (!enable) {
            steps.add(Step.onConsole("cleanup", run -> {
                for (Cluster cluster : current.get().clusters()) {
                    var docker = sessions.docker(run, cluster.nodes().get(0));
                    SwarmReader.service(docker, Component.MAINTENANCE.serviceName()).ifPresent(service -> {
                        run.system(cluster.group() + ": remove " + Component.MAINTENANCE.serviceName());
                        docker.removeServiceCmd(service.getId()).exec();
                    });
                }
                return 0;
            }));
        }
        steps.add(platformCheck.step(current));
        return steps;
    }
}
