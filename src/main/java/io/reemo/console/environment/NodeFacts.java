package io.reemo.console.environment;

import java.time.Instant;

/**
 * What a facts job found on a node.
 *
 * @param swarmState   {@code inactive}, {@code active}, {@code pending}, {@code error}, {@code locked}, or {@code null} when Docker is absent
 * @param swarmRole    {@code manager}, {@code worker} or {@code null}
 */
public record NodeFacts(Instant gatheredAt, String hostname, String os, String osVersion, int cpus, long memoryMb,
                        long diskFreeGb, String dockerVersion, String swarmState, String swarmRole, String swarmClusterId) {
}
