package io.reemo.console.job;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A job as stored: what it is, where it stands, and each step's state on each node.
 *
 * @param lastSeq the sequence number of its last log line once finished (while it runs, see {@link JobLog#lastSeq})
 * @param message why it failed, was cancelled or interrupted; {@code null} when it succeeded
 */
public record Job(long id, String type, long environmentId, String startedBy, Map<String, Object> parameters, boolean changing,
                  JobStatus status, Instant createdAt, Instant startedAt, Instant finishedAt, String message, long lastSeq,
                  List<StepState> steps) {

    public record StepState(int index, String name, StepStatus status, Instant startedAt, Instant finishedAt, List<NodeState> nodes) {
    }

    /** @param exitCode what the node's work returned; {@code null} until it finished, or when it threw */
    public record NodeState(String node, StepStatus status, Integer exitCode, Instant startedAt, Instant finishedAt, String message) {
    }

    public boolean finished() {
        return status.isFinished();
    }

    /** Share of node runs that are over, 0–100. */
    public int progressPercent() {
        long total = steps.stream().mapToLong(s -> s.nodes().size()).sum();
        long done = steps.stream().flatMap(s -> s.nodes().stream()).filter(n -> n.status().isFinished()).count();
        return total == 0 ? (finished() ? 100 : 0) : (int) (done * 100 / total);
    }
}
