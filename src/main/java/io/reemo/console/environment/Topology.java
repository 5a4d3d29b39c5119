package io.reemo.console.environment;

/** The three shapes of a Reemo Infra platform the console installs. */
public enum Topology {
    /** One server in {@code infra_manager}. */
    SINGLE,
    /** Several managers in one {@code infra_manager} Swarm (3 in the vendor's examples). */
    CLUSTER,
    /** Separate Swarms: {@code api_manager}, and {@code portaluser_manager} / {@code portaladmin_manager} under {@code portal_manager}. */
    DEDICATED
}
