package io.reemo.console.job;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where a log line came from: the remote command's two streams, or the console itself. */
public enum LogStream {
    STDOUT, STDERR, SYSTEM;

    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    static LogStream fromCode(String code) {
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
