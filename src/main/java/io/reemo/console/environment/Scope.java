package io.reemo.console.environment;

/**
 * Where a variable may be set in the inventory (the vendor's scope rule: a variable meant for a group
 * must not be set in {@code all}, and the other way round).
 */
public enum Scope {
    /** {@code all.vars} only. */
    ALL("all.vars"),
    /** Vars of a cluster group ({@code infra_manager}, {@code api_manager}, {@code portaluser_manager},
     *  {@code portaladmin_manager}) or of {@code portal_manager}; not {@code all}, not a host. */
    GROUP("the vars of a cluster group (infra_manager, portaluser_manager, portaladmin_manager, api_manager)"),
    /** Vars of the group that runs the API ({@code infra_manager} or {@code api_manager}) or of one of its hosts. */
    API_GROUP("the vars of the API group (infra_manager or api_manager) or of one of its hosts"),
    /** The vendor does not say: {@code all}, a group or a host. */
    ANYWHERE("all.vars, a group or a host"),
    /** A command-line switch ({@code --extra-vars}); the console sets it itself for the action that needs it. */
    CLI("the command line (--extra-vars), set by the console for the action that needs it"),
    /** Belongs to another vendor role (reemo-relayws, reemo-provision): kept and passed through, unused here. */
    OTHER_ROLE("another role's inventory (reemo-relayws or reemo-provision)");

    private final String description;

    Scope(String description) {
        this.description = description;
    }

    /** Where the variable belongs, in words for an error message. */
    public String description() {
        return description;
    }
}
