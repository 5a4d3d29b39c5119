package io.reemo.console.admin.logs;

import io.reemo.console.servicelogs.LogPattern;
import io.reemo.console.servicelogs.LoggedService;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which services and time range a log form asked for, checked against what the environment runs.
 *
 * @param problems by form field ({@code services}, {@code from}, {@code until}): what to fix, in words
 */
record LogSelection(List<LoggedService> services, Instant from, Instant until, Map<String, String> problems) {

    /**
     * @param chosen the ticked service names; none means every service when {@code noneMeansAll}, else a problem
     */
    static LogSelection of(List<LoggedService> known, List<String> chosen, boolean noneMeansAll, String from, String until,
                           Instant now) {
        Map<String, String> problems = new LinkedHashMap<>();
        Set<String> wanted = Set.copyOf(chosen == null ? List.of() : chosen);
        List<LoggedService> services = wanted.isEmpty() && noneMeansAll ? known
                : known.stream().filter(service -> wanted.contains(service.name())).toList();
        List<String> unknown = wanted.stream().filter(name -> known.stream().noneMatch(s -> s.name().equals(name))).sorted().toList();
        if (!unknown.isEmpty()) {
            problems.put("services", "This environment runs no service named " + String.join(", ", unknown) + ".");
        } else if (services.isEmpty()) {
            problems.put("services", "Tick at least one service.");
        }
        Instant start = time("from", from, now, problems);
        Instant end = time("until", until, now, problems);
        if (start != null && end != null && !start.isBefore(end)) {
            problems.put("until", "Must be after the start of the range.");
        }
        return new LogSelection(services, start, end, problems);
    }

    /** The same selection, also naming the pattern's problem if it has one; a {@code null} pattern has none. */
    LogSelection checking(LogPattern pattern) {
        if (pattern == null || pattern.problem().isEmpty()) {
            return this;
        }
        Map<String, String> more = new LinkedHashMap<>(problems);
        more.put("pattern", pattern.problem().get());
        return new LogSelection(services, from, until, more);
    }

    boolean valid() {
        return problems.isEmpty();
    }

    private static Instant time(String field, String text, Instant now, Map<String, String> problems) {
        try {
            return TimeInput.parse(text, now);
        } catch (IllegalArgumentException e) {
            problems.put(field, e.getMessage());
            return null;
        }
    }
}
