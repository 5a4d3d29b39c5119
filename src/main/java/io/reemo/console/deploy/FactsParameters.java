package io.reemo.console.deploy;

import java.util.List;

/** {@code facts}: the names of the nodes to read, in that order; {@code null} for every node of the environment. */
public record FactsParameters(List<String> nodes) implements JobParameters {

    public FactsParameters {
        nodes = nodes == null ? null : List.copyOf(nodes);
    }
}
