package io.reemo.console.swarm;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Service;
import com.github.dockerjava.api.model.ServiceUpdateState;
import com.github.dockerjava.api.model.ServiceUpdateStatus;
import com.github.dockerjava.api.model.Task;
import com.github.dockerjava.api.model.TaskState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/** Waits until services run as planned, or reports which did not and why (task errors, rollbacks). */
public final class Convergence {

    private static final Duration POLL = Duration.ofSeconds(1);
    /** Swarm stamps the spec change and the start of its rolling update separately. */
    private static final Duration CLOCK_SLACK = Duration.ofSeconds(1);
    private static final Set<TaskState> FAILED = Set.of(TaskState.FAILED, TaskState.REJECTED);
    /** Swarm retries a task that cannot start forever; after this many failures the error is not a passing one. */
    private static final int GIVE_UP_AFTER_FAILURES = 4;

    /** How one service ended. */
    public record Outcome(String service, boolean converged, boolean rolledBack, String detail) {
    }

    private Convergence() {
    }

    /**
     * @param rollingSince services being replaced task by task ({@link SwarmApplier#rollingSince()}): they count only
     *                     once Swarm has reported an update that started after that time
     * @param report       gets each outcome as soon as it is known
     */
    public static List<Outcome> await(DockerClient docker, List<String> services, Map<String, Instant> rollingSince,
                                      Duration timeout, Consumer<Outcome> report) {
        Instant deadline = Instant.now().plus(timeout);
        Map<String, Outcome> done = new LinkedHashMap<>();
        int readyNodes = (int) docker.listSwarmNodesCmd().exec().stream()
                .filter(n -> n.getStatus() != null && "ready".equalsIgnoreCase(String.valueOf(n.getStatus().getState()))).count();
        while (true) {
            for (String name : services) {
                if (done.containsKey(name)) {
                    continue;
                }
                check(docker, name, readyNodes, rollingSince.get(name)).ifPresent(outcome -> {
                    done.put(name, outcome);
                    report.accept(outcome);
                });
            }
            if (done.size() == services.size()) {
                return new ArrayList<>(done.values());
            }
            if (Instant.now().isAfter(deadline)) {
                for (String name : services) {
                    done.computeIfAbsent(name, n -> {
                        Outcome outcome = new Outcome(n, false, false, "not converged after " + timeout.toSeconds() + " s: " + lastTaskError(docker, n));
                        report.accept(outcome);
                        return outcome;
                    });
                }
                return new ArrayList<>(done.values());
            }
            sleep();
        }
    }

    private static Optional<Outcome> check(DockerClient docker, String name, int readyNodes, Instant changedAt) {
        Optional<Service> found = SwarmReader.service(docker, name);
        if (found.isEmpty()) {
            return Optional.of(new Outcome(name, false, false, "service does not exist"));
        }
        Service service = found.get();
        ServiceUpdateStatus update = service.getUpdateStatus();
        ServiceUpdateState state = update == null ? null : update.getState();
        if (changedAt != null && (update == null || update.getStartedAt() == null
                || update.getStartedAt().toInstant().isBefore(changedAt.minus(CLOCK_SLACK)))) {
            return Optional.empty();
        }
        if (state == ServiceUpdateState.PAUSED || state == ServiceUpdateState.ROLLBACK_PAUSED) {
            return Optional.of(new Outcome(name, false, false, "update paused: " + update.getMessage()));
        }
        if (state == ServiceUpdateState.UPDATING || state == ServiceUpdateState.ROLLBACK_STARTED) {
            return Optional.empty();
        }
        var mode = service.getSpec().getMode();
        long desired = mode.getGlobal() != null ? readyNodes : mode.getReplicated().getReplicas();
        List<Task> tasks = docker.listTasksCmd().withServiceFilter(service.getId()).exec();
        long running = tasks.stream()
                .filter(t -> t.getDesiredState() == TaskState.RUNNING && t.getStatus().getState() == TaskState.RUNNING)
                .count();
        if (state == ServiceUpdateState.ROLLBACK_COMPLETED) {
            // Reported once the previous version runs in full again, so that the operator reads a settled state.
            return running == desired ? Optional.of(new Outcome(name, false, true, "update failed and was rolled back to"
                    + " the previous version (" + update.getMessage() + "); " + running + "/" + desired + " running again"))
                    : Optional.empty();
        }
        if (running == desired) {
            return Optional.of(new Outcome(name, true, false, "converged, " + running + "/" + desired + " running"));
        }
        long failures = tasks.stream().filter(t -> FAILED.contains(t.getStatus().getState())).count();
        if (failures >= GIVE_UP_AFTER_FAILURES) {
            return Optional.of(new Outcome(name, false, false, failures + " tasks failed, " + running + "/" + desired
                    + " running: " + lastTaskError(docker, name)));
        }
        return Optional.empty();
    }

    private static String lastTaskError(DockerClient docker, String name) {
        return SwarmReader.service(docker, name).map(service -> docker.listTasksCmd().withServiceFilter(service.getId()).exec()
                .stream().map(Task::getStatus).filter(s -> s.getErr() != null && !s.getErr().isBlank())
                .map(s -> s.getErr()).reduce((a, b) -> b).orElse("no task error reported")).orElse("service missing");
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SwarmStateException("interrupted while waiting for services to converge");
        }
    }
}
