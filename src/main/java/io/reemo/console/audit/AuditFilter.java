package io.reemo.console.audit;

import io.reemo.console.environment.EnvironmentNotFoundException;
import io.reemo.console.environment.Environments;
import io.reemo.console.security.AuditQuery;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.lang.Nullable;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The audit filters as the page's form and the API's query string carry them; a blank field filters nothing. Public
 * for the page's template to read back.
 *
 * @param environment an environment's id
 * @param from        an ISO-8601 instant; a date and time without a zone (the page's picker) is UTC
 * @param limit       {@value #DEFAULT_LIMIT} when left out, at most {@value #MAX_LIMIT}
 */
public record AuditFilter(@Nullable String user, @Nullable String action, @Nullable Long environment, @Nullable String from,
                   @Nullable String to, @Nullable Integer limit) {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    /** What is wrong, by field: only a time can be. */
    Map<String, String> problems() {
        Map<String, String> problems = new LinkedHashMap<>();
        checkTime(problems, "from", from);
        checkTime(problems, "to", to);
        return problems;
    }

    private static void checkTime(Map<String, String> problems, String field, @Nullable String value) {
        if (!text(value).isEmpty() && instant(text(value)) == null) {
            problems.put(field, "'" + field + "' must be an ISO-8601 instant such as 2026-03-01T09:30:00Z (a time without a zone is UTC)");
        }
    }

    /** The query, once {@link #problems()} is empty; an environment that is gone is still found by its id. */
    AuditQuery query(Environments environments) {
        String name = null;
        if (environment != null) {
            try {
                name = environments.get(environment).name();
            } catch (EnvironmentNotFoundException gone) {
                // its records name it by id; those that name it by name only are not told apart from a namesake's
            }
        }
        return new AuditQuery(blankToNull(user), blankToNull(action), environment, name, instant(text(from)), instant(text(to)), rows());
    }

    int rows() {
        return limit == null ? DEFAULT_LIMIT : Math.max(1, Math.min(limit, MAX_LIMIT));
    }

    /** The API's query for the same records, as the page's export links carry it: {@code ?user=alice&format=csv}. */
    String exportQuery(String format) {
        Map<String, String> given = new TreeMap<>(Map.of("user", text(user), "action", text(action),
                "environment", environment == null ? "" : environment.toString(), "from", text(from), "to", text(to),
                "limit", limit == null ? "" : limit.toString(), "format", format));
        given.values().removeIf(String::isEmpty);
        UriComponentsBuilder query = UriComponentsBuilder.newInstance();
        given.keySet().forEach(name -> query.queryParam(name, "{" + name + "}"));
        // Values as template variables: encoded strictly, so a "+" in a time's offset stays a plus
        return query.encode().buildAndExpand(given).toUriString();
    }

    @Nullable
    private static Instant instant(String text) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException withoutZone) {
            try {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notATime) {
                return null;
            }
        }
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value.strip();
    }

    @Nullable
    private static String blankToNull(@Nullable String value) {
        return text(value).isEmpty() ? null : value.strip();
    }
}
