package io.reemo.console.environment;

/**
 * Who changes an environment and why, given with every save so that the change becomes a {@link Revision}.
 *
 * @param user         the signed-in user, or the user who started the job
 * @param jobId        the job that made the change, {@code null} for a change made from a page or the API
 * @param baseRevision the revision the change was made from; when the stored one is newer the save is refused
 *                     ({@link StaleRevisionException}) instead of silently undoing what changed since. {@code null}
 *                     for changes computed from the stored environment inside the save's own transaction.
 */
public record Edit(RevisionCause cause, String user, Long jobId, Integer baseRevision) {

    public static Edit of(RevisionCause cause, String user) {
        return new Edit(cause, user, null, null);
    }

    public Edit job(long id) {
        return new Edit(cause, user, id, baseRevision);
    }

    public Edit basedOn(int revision) {
        return new Edit(cause, user, jobId, revision);
    }
}
