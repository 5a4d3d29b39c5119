package io.reemo.console.swarm;

import java.util.List;

/**
 * One difference between desired and actual state, as the plan page and {@code GET …/plan} show it.
 *
 * @param fields for service updates and adoptions: which fields differ ({@code image}, {@code replicas}, {@code env}…);
 *               an adoption's are what converging would change, adopting as it runs changes none
 * @param detail a human sentence, e.g. {@code image 2.13.10 → 2.14.0}
 */
public record Change(String cluster, Kind kind, String target, List<String> fields, String detail) {

    public enum Kind { CREATE_NETWORK, CREATE_SECRET, CREATE_CONFIG, LABEL_NODE, CREATE_SERVICE, UPDATE_SERVICE, ADOPT_SERVICE,
        REMOVE_SERVICE }

    public Change {
        fields = List.copyOf(fields);
    }
}
