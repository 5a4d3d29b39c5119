package io.reemo.console.admin.logs;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A time typed into a log form: a moment in UTC ({@code 2026-11-26 14:05}, seconds optional, or ISO 8601 with
 * its zone) or a span back from now ({@code 15m}, {@code 2h}, {@code 1d}). Blank means "no bound".
 */
final class TimeInput {

    static final String HELP = "A UTC time such as 2026-11-26 14:05, or how long ago: 30s, 15m, 2h, 1d.";
    private static final Pattern AGO = Pattern.compile("(\\d{1,6})\\s*([smhd])");
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd[' ']['T']HH:mm[:ss]");

    private TimeInput() {
    }

    /** @throws IllegalArgumentException with a message for the field when the text is neither form */
    static Instant parse(String text, Instant now) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip();
        Matcher ago = AGO.matcher(value);
        if (ago.matches()) {
            long amount = Long.parseLong(ago.group(1));
            return now.minus(switch (ago.group(2)) {
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            });
        }
        try {
            return LocalDateTime.parse(value, LOCAL).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException notLocal) {
            try {
                return OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("\"" + value + "\" is not a time. " + HELP);
            }
        }
    }
}
