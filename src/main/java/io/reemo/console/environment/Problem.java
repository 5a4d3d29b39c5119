package io.reemo.console.environment;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Comparator;

/**
 * One finding of the validator or the inventory importer. Errors block saving and deploying; warnings do not.
 * Messages never contain a secret value.
 *
 * @param variable the variable concerned, or {@code null}
 * @param host     the host (node) concerned, or {@code null}
 * @param where    where it was found, e.g. {@code all.vars}, {@code vars of group infra_manager}, or {@code null}
 * @param line     1-based line in the imported file, {@code null} when not imported or not applicable
 * @param column   1-based column, as {@code line}
 */
public record Problem(Severity severity, String code, String variable, String host, String where, String message,
                      Integer line, Integer column) {

    public enum Severity { ERROR, WARNING }

    /** By line and column (problems without a position last), errors before warnings on the same spot. */
    public static final Comparator<Problem> READING_ORDER = Comparator
            .comparing(Problem::line, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Problem::column, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Problem::severity);

    public static Problem error(String code, String message) {
        return new Problem(Severity.ERROR, code, null, null, null, message, null, null);
    }

    public static Problem warning(String code, String message) {
        return new Problem(Severity.WARNING, code, null, null, null, message, null, null);
    }

    @JsonIgnore
    public boolean isError() {
        return severity == Severity.ERROR;
    }

    public Problem variable(String name) {
        return new Problem(severity, code, name, host, where, message, line, column);
    }

    public Problem host(String name) {
        return new Problem(severity, code, variable, name, where, message, line, column);
    }

    /** Sets {@code where}, and {@code host} when the location is a host. */
    public Problem at(Location location) {
        String hostName = location.level() == Location.Level.HOST ? location.name() : host;
        return new Problem(severity, code, variable, hostName, location.describe(), message, line, column);
    }

    public Problem position(SourcePositions.Position position) {
        return position == null ? this
                : new Problem(severity, code, variable, host, where, message, position.line(), position.column());
    }
}
