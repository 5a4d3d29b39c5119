package io.reemo.console.servicelogs;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line of a node's syslog, taken apart for display: which node, which service (and task, when the tag
 * carries one), when, and the service's own message.
 *
 * @param time   the line's time as the node wrote it, shortened to the second and milliseconds
 * @param epochMillis for ordering lines of several nodes; 0 when the line had no readable time
 * @param task   what the tag adds after the service name ({@code 1.x3f…}), or empty
 */
public record SyslogLine(String node, String service, String task, String time, long epochMillis, String message) {

    /** Order for merging several nodes' lines: by time, lines without one keeping their place at the start. */
    static final Comparator<SyslogLine> BY_TIME = Comparator.comparingLong(SyslogLine::epochMillis);

    private static final Pattern LINE = Pattern.compile(
            "^(?<time>[A-Z][a-z]{2} +\\d+ \\d\\d:\\d\\d:\\d\\d|\\d{4}-\\d\\d-\\d\\dT\\S+) (?<host>\\S+) (?<tag>[^\\[: ]+)(?:\\[\\d+])?: ?(?<message>.*)$");
    private static final DateTimeFormatter TRADITIONAL = DateTimeFormatter.ofPattern("yyyy MMM d HH:mm:ss", Locale.ROOT);

    /** Hot path: runs for every line a live view shows. An unreadable line is kept whole as the message. */
    public static SyslogLine parse(String node, String raw, Collection<String> services) {
        Matcher m = LINE.matcher(raw);
        if (!m.matches()) {
            return new SyslogLine(node, "", "", "", 0, raw);
        }
        String tag = m.group("tag");
        String service = serviceOf(tag, services);
        String task = tag.length() > service.length() ? tag.substring(service.length() + 1) : "";
        String time = m.group("time");
        return new SyslogLine(node, service, task, shortTime(time), millisOf(time), m.group("message"));
    }

    /** {@code 2026-11-26 02:30:01.123 node1 reemo_portal.1.x3f | message}: a line of a download. */
    String plainText() {
        return time + " " + node + " " + service + (task.isEmpty() ? "" : "." + task) + " | " + message;
    }

    /** The longest service name the tag starts with, followed by nothing, a dot or a slash; else the tag. */
    private static String serviceOf(String tag, Collection<String> services) {
        String best = tag;
        int bestLength = -1;
        for (String service : services) {
            if (tag.startsWith(service) && service.length() > bestLength && endsAt(tag, service.length())) {
                best = service;
                bestLength = service.length();
            }
        }
        return best;
    }

    private static boolean endsAt(String tag, int index) {
        return index == tag.length() || tag.charAt(index) == '.' || tag.charAt(index) == '/';
    }

    /** {@code 2026-11-26T02:30:01.123456+00:00} → {@code 2026-11-26 02:30:01.123}; the traditional form stays. */
    private static String shortTime(String time) {
        if (!Character.isDigit(time.charAt(0))) {
            return time;
        }
        int zone = Math.max(time.indexOf('+', 19), Math.max(time.indexOf('-', 19), time.indexOf('Z', 19)));
        String local = (zone < 0 ? time : time.substring(0, zone)).replace('T', ' ');
        return local.length() > 23 ? local.substring(0, 23) : local;
    }

    /** Traditional times have no year and no zone: this year, read as UTC, is close enough to merge by. */
    private static long millisOf(String time) {
        try {
            if (Character.isDigit(time.charAt(0))) {
                return OffsetDateTime.parse(time).toInstant().toEpochMilli();
            }
            String normalized = Year.now(ZoneOffset.UTC) + " " + time.replaceAll(" +", " ");
            return LocalDateTime.parse(normalized, TRADITIONAL).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeParseException e) {
            return 0;
        }
    }
}
