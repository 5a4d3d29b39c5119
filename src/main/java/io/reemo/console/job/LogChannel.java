package io.reemo.console.job;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Which channel a log line came on: the remote command's stdout or stderr, or the console itself
 * ({@code system}). Lines keep it in their {@code stream} field, the name the API and the table use.
 */
public enum LogChannel {
    STDOUT, STDERR, SYSTEM;

    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    static LogChannel fromCode(String code) {
        return switch (code) {
            case "o" -> STDOUT;
            case "e" -> STDERR;
            default -> SYSTEM;
        };
    }

    String code() {
        return switch (this) {
            case STDOUT -> "o";
            case STDERR -> "e";
            case SYSTEM -> "s";
        };
    }
}
