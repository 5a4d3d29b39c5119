package io.reemo.console.admin.dashboard;

import java.time.Instant;

/**
 * An environment's health in one line, for the list of environments.
 *
 * @param takenAt when the nodes were read, {@code null} while the first read is under way
 */
record Glance(Level level, String summary, Instant takenAt) {
}
