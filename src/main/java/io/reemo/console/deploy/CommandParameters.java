package io.reemo.console.deploy;

import java.time.Duration;
import java.util.List;

/**
 * {@code command}.
 *
 * @param command        the shell command to run on each node
 * @param nodes          the names of the nodes to run it on, in that order; {@code null} for every node
 * @param timeoutSeconds how long it may run on a node, up to {@link #MAX_TIMEOUT}; {@code null} for {@link #DEFAULT_TIMEOUT}
 */
public record CommandParameters(String command, List<String> nodes, Long timeoutSeconds) implements JobParameters {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofHours(1);
    public static final Duration MAX_TIMEOUT = Duration.ofHours(24);
    /** What {@code timeoutSeconds} takes: said by the check of the value and by a reader of a value that is no whole number. */
    public static final String TIMEOUT_RULE = "'timeoutSeconds' must be a whole number of seconds from 1 to " + MAX_TIMEOUT.toSeconds();

    public CommandParameters {
        nodes = nodes == null ? null : List.copyOf(nodes);
    }

    public Duration timeout() {
        return timeoutSeconds == null ? DEFAULT_TIMEOUT : Duration.ofSeconds(timeoutSeconds);
    }
}
