package io.reemo.console.jobs;

import io.reemo.console.job.LogLine;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** A log line as the page shows it: time of day (UTC) and the stream as a CSS class. */
record LogLineView(long seq, String time, String step, String node, String stream, String text) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    static List<LogLineView> of(List<LogLine> lines) {
        return lines.stream().map(l -> new LogLineView(l.seq(), TIME.format(l.time()), l.step(), l.node(), l.stream().value(), l.text()))
                .toList();
    }
}
