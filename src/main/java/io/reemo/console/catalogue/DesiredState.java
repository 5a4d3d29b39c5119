package io.reemo.console.catalogue;

import java.util.List;

/** The whole platform as it should be: one entry per Swarm. */
public record DesiredState(List<DesiredCluster> clusters) {

    public DesiredState {
        clusters = List.copyOf(clusters);
    }
}
