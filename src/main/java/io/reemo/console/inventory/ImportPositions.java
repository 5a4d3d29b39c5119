package io.reemo.console.inventory;

import io.reemo.console.environment.Location;
import io.reemo.console.environment.SourcePositions;
import java.util.HashMap;
import java.util.Map;

/** Where each group, host and variable of an imported file was written. */
final class ImportPositions implements SourcePositions {

    private final Map<Location, Position> locations = new HashMap<>();
    private final Map<Location, Map<String, Position>> variables = new HashMap<>();

    void location(Location location, Position position) {
        locations.putIfAbsent(location, position);
    }

    void variable(Location location, String variable, Position position) {
        variables.computeIfAbsent(location, l -> new HashMap<>()).putIfAbsent(variable, position);
    }

    /** The variable's own line, else the line of the group or host it concerns. */
    @Override
    public Position of(Location location, String variable) {
        Position exact = variable == null ? null : variables.getOrDefault(location, Map.of()).get(variable);
        return exact != null ? exact : locations.get(location);
    }
}
