package io.reemo.console.admin.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Times as the dashboard writes them: UTC, to the second, like the job pages and the nodes' logs. */
final class When {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private When() {
    }

    static String utc(Instant instant) {
        return instant == null ? "" : UTC.format(instant);
    }

    /** "4 s ago", "3 min ago", "2 h ago", "5 days ago". */
    static String ago(Instant instant, Instant now) {
        long seconds = Math.max(0, Duration.between(instant, now).toSeconds());
        if (seconds < 120) {
            return seconds + " s ago";
        }
        if (seconds < 7200) {
            return seconds / 60 + " min ago";
        }
        return seconds < 172_800 ? seconds / 3600 + " h ago" : seconds / 86_400 + " days ago";
    }
}
