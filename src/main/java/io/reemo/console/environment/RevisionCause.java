package io.reemo.console.environment;

/** Why an environment changed: every stored change names one, so its history reads as what happened. */
public enum RevisionCause {
    /** The row existed before the console kept revisions: this first revision records it as it was. */
    HISTORY_START("recorded when history began"),
    WIZARD("setup wizard"),
    SETTINGS("settings applied"),
    API("API"),
    INVENTORY_IMPORT("inventory imported"),
    UPDATE_JOB("update job"),
    ROLLBACK_RECONCILED("rollback reconciled"),
    DRIFT_ACCEPTED("running state accepted"),
    ADOPTION("adoption"),
    HOST_KEY("host key pinned"),
    FACTS("node facts read");

    private final String label;

    RevisionCause(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
