package io.reemo.console.admin.dashboard;

import java.util.List;

/**
 * The version of one image component across an environment's services, as its tasks run it, for the list of
 * environments.
 *
 * @param component the image component ({@code api}, {@code portal}…)
 * @param running   the versions its services' tasks run, each once (two during a rolling update)
 * @param recorded  the version the settings give it
 */
record RunningVersion(String component, List<String> running, String recorded) {

    RunningVersion {
        running = List.copyOf(running);
    }

    public boolean differs() {
        return !running.equals(List.of(recorded));
    }

    /** {@code api 2.14.0}, or {@code api 2.14.0 (recorded 2.14.1-broken)}. */
    @Override
    public String toString() {
        return component + " " + String.join(" and ", running) + (differs() ? " (recorded " + recorded + ")" : "");
    }
}
