package io.reemo.console.deploy.steps;

import io.reemo.console.catalogue.DesiredCluster;
import io.reemo.console.catalogue.ServiceSpec;
import io.reemo.console.swarm.SwarmStatus.ServiceStatus;
import io.reemo.console.swarm.SwarmStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a cluster's Swarm runs what the configuration asks for: every desired service present, at its image, with
 * all its tasks running that image, and no rolling update under way. Swarm counts a task as running only once its container's
 * healthcheck has passed (until then it is "starting"), so a running task is a healthy one.
 */
final class ServiceChecks {

    /** Update states in which the service is not settled yet, or stopped half-way. */
    private static final Set<String> UNSETTLED = Set.of("updating", "paused", "rollback started", "rollback paused");

    private ServiceChecks() {
    }

    static List<CheckLine> judge(DesiredCluster desired, SwarmStatus swarm) {
        List<CheckLine> lines = new ArrayList<>();
        long schedulable = swarm.nodes().stream().filter(n -> n.state().equals("ready") && n.availability().equals("active")).count();
        for (ServiceSpec spec : desired.services()) {
            Optional<ServiceStatus> running = swarm.services().stream().filter(s -> s.name().equals(spec.name())).findFirst();
            lines.add(running.map(status -> judge(spec, status, schedulable))
                    .orElseGet(() -> CheckLine.fail(spec.name() + ": not in the Swarm of " + desired.group() + "; an install creates it")));
        }
        swarm.services().stream().filter(s -> desired.service(s.name()).isEmpty()).forEach(s -> lines.add(CheckLine.fail(s.name()
                + ": runs in the Swarm of " + desired.group() + " but the configuration has no such service; an install removes it")));
        return lines;
    }

    private static CheckLine judge(ServiceSpec spec, ServiceStatus status, long schedulable) {
        String name = spec.name();
        String image = withoutDigest(status.image());
        if (!image.equals(spec.image())) {
            return CheckLine.fail(name + ": runs " + image + " where the configuration asks for " + spec.image());
        }
        if (UNSETTLED.contains(status.updateState())) {
            return CheckLine.fail(name + ": its update is " + status.updateState()
                    + (status.updateMessage().isBlank() ? "" : " (" + status.updateMessage() + ")"));
        }
        if (spec.runOnce()) {
            return runOnce(spec, status);
        }
        long expected = spec.global() ? schedulable : spec.replicas();
        if (status.desired() != expected) {
            return CheckLine.fail(name + ": Swarm asks for " + status.desired() + " task(s) where the configuration asks for "
                    + expected + (spec.global() ? " (one per ready node)" : "") + "; an install sets it back");
        }
        if (status.running() != expected) {
            return CheckLine.fail(name + ": " + status.running() + " of " + expected + " task(s) running and healthy"
                    + (status.nodes().isEmpty() ? "" : " (on " + nodes(status) + ")"));
        }
        if (!status.runningVersions().stream().allMatch(status.version()::equals)) {
            return CheckLine.fail(name + ": its tasks run " + String.join(" and ", status.runningVersions()) + " where the configuration"
                    + " asks for " + status.version() + " (tasks not replaced yet)");
        }
        if (expected == 0) {
            return CheckLine.pass(name + ": 0 tasks, as the configuration asks, " + status.version());
        }
        return CheckLine.pass(name + ": " + status.running() + "/" + expected + " task(s) running and healthy"
                + (spec.global() ? " (one per node)" : "") + ", " + status.version() + ", on " + nodes(status));
    }

    /**
     * A task that runs to completion (reemo_db): nothing of it runs outside a database run, whether Swarm asks for no task
     * (as the console leaves it) or keeps one that ended (the role's 0/1).
     */
    private static CheckLine runOnce(ServiceSpec spec, ServiceStatus status) {
        if (status.running() > 0) {
            return CheckLine.fail(spec.name() + ": " + status.running() + " task(s) running: a database run is under way");
        }
        return CheckLine.pass(spec.name() + ": 0 tasks running, as it should be outside a database run"
                + (status.desired() > 0 ? " (its last run ended)" : "") + ", " + status.version());
    }

    /** The nodes the running tasks are on, each once. */
    private static String nodes(ServiceStatus status) {
        return String.join(", ", status.nodes().stream().distinct().toList());
    }

    private static String withoutDigest(String image) {
        int at = image.indexOf('@');
        return at < 0 ? image : image.substring(0, at);
    }
}
