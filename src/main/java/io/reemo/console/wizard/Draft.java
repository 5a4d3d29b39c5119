package io.reemo.console.wizard;

import io.reemo.console.environment.Environment;
import io.reemo.console.environment.Problem;
import io.reemo.console.security.AuditLog;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The wizard's work in progress: an environment that may still be incomplete or wrong.
 *
 * @param installDocker  whether the install job should install Docker on the nodes first
 * @param importProblems what the inventory importer reported, when the draft came from an import
 * @param lastPage       the page last shown, where "Resume" goes back to
 * @param editsInstalled whether the draft edits an installed environment (its Settings), applied rather than installed
 * @param baseRevision   for a Settings draft, the environment's revision it was made from; {@code null} for a new setup
 */
public record Draft(long id, Environment environment, boolean installDocker, List<Problem> importProblems, OffsetDateTime updatedAt,
                    WizardPage lastPage, boolean editsInstalled, Integer baseRevision) {

    public Draft {
        importProblems = importProblems == null ? List.of() : List.copyOf(importProblems);
        lastPage = lastPage == null ? WizardPage.NODES : lastPage;
    }

    /** With the change, and API_IP kept in step with the API nodes. */
    Draft with(Environment changed) {
        return new Draft(id, DraftShapes.withApiAddresses(changed), installDocker, importProblems, updatedAt, lastPage,
                editsInstalled, baseRevision);
    }

    Draft withInstallDocker(boolean install) {
        return new Draft(id, environment, install, importProblems, updatedAt, lastPage, editsInstalled, baseRevision);
    }

    /** How audit records name what the draft changes: its environment once stored, the draft itself before. */
    String auditTarget() {
        return environment.id() == null ? "setup draft " + id + " (" + environment.name() + ")"
                : AuditLog.environmentTarget(environment.id(), environment.name());
    }

    /** Where the wizard's pages of this draft live. */
    String path(WizardPage page) {
        return "/wizard/" + id + "/" + page.slug();
    }
}
