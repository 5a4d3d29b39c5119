package io.reemo.console.wizard;

import io.reemo.console.environment.Environment;
import io.reemo.console.environment.Problem;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The wizard's work in progress: an environment that may still be incomplete or wrong.
 *
 * @param installDocker  whether the install job should install Docker on the nodes first
 * @param importProblems what the inventory importer reported, when the draft came from an import
 */
public record Draft(long id, Environment environment, boolean installDocker, List<Problem> importProblems, OffsetDateTime updatedAt) {

    public Draft {
        importProblems = importProblems == null ? List.of() : List.copyOf(importProblems);
    }

    /** With the change, and API_IP kept in step with the API nodes. */
    Draft with(Environment changed) {
        return new Draft(id, DraftShapes.withApiAddresses(changed), installDocker, importProblems, updatedAt);
    }

    Draft withInstallDocker(boolean install) {
        return new Draft(id, environment, install, importProblems, updatedAt);
    }
}
