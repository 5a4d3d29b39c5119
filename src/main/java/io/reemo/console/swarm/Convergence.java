package io.reemo.console.swarm;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Service;
import com.github.dockerjava.api.model.ServiceUpdateState;
import com.github.dockerjava.api.model.ServiceUpdateStatus;
import com.github.dockerjava.api.model.SwarmNode;
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
import java.util.stream.Collectors;

/** Waits until services run as planned, or reports which did not and why (task errors, rollbacks). */
public final class Convergence {

    private static final Duration POLL = Duration.ofSeconds(1);
    /** Swarm stamps the spec change and the start of its rolling update separately. */
    static final Duration CLOCK_SLACK = Duration.ofSeconds(1);
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
     * @param progress     gets where the waited-for tasks stand, at least every second or so ({@link WaitNarration})
     * @param report       gets each outcome as soon as it is known
     */
    public static List<Outcome> await(DockerClient docker, List<String> services, Map<String, Instant> rollingSince,
                                      Duration timeout, Consumer<String> progress, Consumer<Outcome> report) {
        Instant deadline = Instant.now().plus(timeout);
        Map<String, Outcome> done = new LinkedHashMap<>();
        Map<String, TaskProgress> pending = new LinkedHashMap<>();
        List<SwarmNode> nodes = docker.listSwarmNodesCmd().exec();
        Map<String, String> nodeNames = SwarmReader.hostnames(nodes);
        int readyNodes = (int) nodes.stream()
                .filter(n -> n.getStatus() != null && "ready".equalsIgnoreCase(String.valueOf(n.getStatus().getState()))).count();
        WaitNarration narration = new WaitNarration(progress);
        while (true) {
            for (String name : services) {
                if (done.containsKey(name)) {
                    continue;
                }
                Reading reading = read(docker, name, readyNodes, rollingSince.get(name), nodeNames);
                if (reading.outcome() != null) {
                    done.put(name, reading.outcome());
                    pending.remove(name);
                    report.accept(reading.outcome());
                    narration.heard();
                } else {
                    pending.put(name, reading.progress());
                    narration.progress(reading.progress());
                }
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
            narration.ifQuiet(() -> pending.values().stream().map(p -> p.service() + " " + p.brief()).collect(Collectors.joining(", ")));
            sleep();
        }
    }

    /** A service's outcome once it has one; until then, where its tasks stand. */
    private record Reading(Outcome outcome, TaskProgress progress) {

        static Reading done(Outcome outcome) {
            return new Reading(outcome, null);
        }

        static Reading waiting(TaskProgress progress) {
            return new Reading(null, progress);
        }
    }

    private static Reading read(DockerClient docker, String name, int readyNodes, Instant changedAt, Map<String, String> nodeNames) {
        Optional<Service> found = SwarmReader.service(docker, name);
        if (found.isEmpty()) {
            return Reading.done(new Outcome(name, false, false, "service does not exist"));
        }
        Service service = found.get();
        ServiceUpdateStatus update = service.getUpdateStatus();
        ServiceUpdateState state = update == null ? null : update.getState();
        if (changedAt != null && (update == null || update.getStartedAt() == null
                || update.getStartedAt().toInstant().isBefore(changedAt.minus(CLOCK_SLACK)))) {
            return Reading.waiting(TaskProgress.notStarted(name));
        }
        if (state == ServiceUpdateState.PAUSED || state == ServiceUpdateState.ROLLBACK_PAUSED) {
            return Reading.done(new Outcome(name, false, false, "update paused: " + update.getMessage()));
        }
        var mode = service.getSpec().getMode();
        long desired = mode.getGlobal() != null ? readyNodes : mode.getReplicated().getReplicas();
        List<Task> tasks = docker.listTasksCmd().withServiceFilter(service.getId()).exec();
        Reading waiting = Reading.waiting(TaskProgress.of(name, state, tasks, desired, changedAt, nodeNames));
        if (state == ServiceUpdateState.UPDATING || state == ServiceUpdateState.ROLLBACK_STARTED) {
            return waiting;
        }
        long running = tasks.stream()
                .filter(t -> t.getDesiredState() == TaskState.RUNNING && t.getStatus().getState() == TaskState.RUNNING)
                .count();
        if (state == ServiceUpdateState.ROLLBACK_COMPLETED) {
            // Reported once the previous version runs in full again, so that the operator reads a settled state.
            return running == desired ? Reading.done(new Outcome(name, false, true, "update failed and was rolled back to"
                    + " the previous version (" + update.getMessage() + "); " + running + "/" + desired + " running again"))
                    : waiting;
        }
        if (running == desired) {
            return Reading.done(new Outcome(name, true, false, "converged, " + running + "/" + desired + " running"));
        }
        long failures = tasks.stream().filter(t -> FAILED.contains(t.getStatus().getState())).count();
        if (failures >= GIVE_UP_AFTER_FAILURES) {
            return Reading.done(new Outcome(name, false, false, failures + " tasks failed, " + running + "/" + desired
                    + " running: " + lastTaskError(docker, name)));
        }
        return waiting;
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
