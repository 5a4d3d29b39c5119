package io.reemo.console.deploy;

/**
 * {@code verify}: no fields. Proves that the platform serves: every service converged, each portal URL and entry point
 * answering through each Traefik node, the healthcheck tree when enabled.
 */
public record VerifyParameters() implements JobParameters {

    /** The step that verifies: all of a {@code verify} job, and the last step of install, update and maintenance. */
    public static final String STEP = "verify";
}
