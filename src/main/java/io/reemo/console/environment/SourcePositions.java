package io.reemo.console.environment;

/**
 * Where things were in an imported file, so that the validator's problems carry a line and column.
 * An environment built in the console (not imported) uses {@link #NONE}.
 */
public interface SourcePositions {

    SourcePositions NONE = (location, variable) -> null;

    /** 1-based line and column. */
    record Position(int line, int column) {
    }

    /**
     * @param variable a variable set at that location, or {@code null} for the location itself (a host entry, a group)
     * @return the position, or {@code null} when unknown
     */
    Position of(Location location, String variable);
}
