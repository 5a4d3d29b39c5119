package io.reemo.console.support;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The longest time a job's log went without a line while the job ran, from the job's start to its end: what an operator
 * watching it waited in silence. Read from the lines' own times ({@code GET /api/v1/jobs/{id}/log}).
 *
 * @param length how long
 * @param before the line before the silence ("job start" for the first)
 * @param after  the line that ended it ("job end" for the last)
 */
public record LogSilence(Duration length, String before, String after) {

    public static LogSilence longest(Instant jobStart, Instant jobEnd, String logText) {
        List<Instant> times = new ArrayList<>(List.of(jobStart));
        List<String> lines = new ArrayList<>(List.of("job start"));
        logText.lines().filter(l -> !l.isBlank()).forEach(line -> {
            times.add(Instant.parse(line.substring(0, line.indexOf(' '))));
            lines.add(line);
        });
        times.add(jobEnd);
        lines.add("job end");
        LogSilence longest = new LogSilence(Duration.ZERO, "", "");
        for (int i = 1; i < times.size(); i++) {
            Duration gap = Duration.between(times.get(i - 1), times.get(i));
            if (gap.compareTo(longest.length) > 0) {
                longest = new LogSilence(gap, lines.get(i - 1), lines.get(i));
            }
        }
        return longest;
    }

    @Override
    public String toString() {
        return length.toMillis() + " ms without a line, between\n  " + before + "\nand\n  " + after;
    }
}
