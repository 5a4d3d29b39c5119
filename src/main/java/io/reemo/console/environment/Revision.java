package io.reemo.console.environment;

import java.time.Instant;
import java.util.List;

/**
 * One stored change of an environment. Numbers start at 1 with the environment's creation and grow by one with
 * every save that changed something.
 *
 * @param user    who made it; {@code null} only for {@link RevisionCause#HISTORY_START}
 * @param jobId   the job that made it, if a job did
 * @param changes what changed, secrets shown as changed and never with their values
 */
public record Revision(int number, Instant at, String user, RevisionCause cause, Long jobId, List<FieldChange> changes) {

    public Revision {
        changes = List.copyOf(changes);
    }
}
