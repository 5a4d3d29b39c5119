package io.reemo.console.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.stereotype.Service;

/** Reading a job's stored log, and writing lines to a running job's log from outside a step. */
@Service
public class JobLog {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final LogStore store;
    private final LogWriter writer;
    private final JobStore jobs;

    JobLog(LogStore store, LogWriter writer, JobStore jobs) {
        this.store = store;
        this.writer = writer;
        this.jobs = jobs;
    }

    /**
     * Appends a line to a running job's log (masked, stored, then shown); inside a step use {@link NodeRun#log}.
     *
     * @throws IllegalStateException when the job is not running
     */
    public LogLine append(long jobId, String step, String node, LogChannel channel, String text) {
        return writer.append(jobId, step, node, channel, text);
    }

    /** Sequence number of the last stored line (0 when there is none). */
    public long lastSeq(long jobId) {
        Long stored = writer.lastStored(jobId);
        return stored != null ? stored : jobs.lastSeq(jobId);
    }

    /** The last {@code count} stored lines. */
    public List<LogLine> tail(long jobId, int count) {
        long last = lastSeq(jobId);
        return store.read(jobId, Math.max(0, last - count), last, count);
    }

    /** Up to {@code count} lines just before {@code beforeSeq}. */
    public List<LogLine> before(long jobId, long beforeSeq, int count) {
        long upTo = beforeSeq - 1;
        return store.read(jobId, Math.max(0, upTo - count), upTo, count);
    }

    /** Up to {@code count} lines after {@code afterSeq}. */
    public List<LogLine> after(long jobId, long afterSeq, int count) {
        return store.read(jobId, afterSeq, Long.MAX_VALUE, count);
    }

    /** The last {@code limit} lines before {@code beforeSeq} matching every given filter ({@code null} = any; text is case-insensitive). */
    public List<LogLine> search(long jobId, long beforeSeq, String step, String node, String text, int limit) {
        return store.search(jobId, beforeSeq, step, node, text, limit);
    }

    /** Writes the whole log as text, page by page, never holding it in memory. */
    public void writeText(long jobId, Writer out) throws IOException {
        lastSeq(jobId); // JobNotFoundException before anything is written
        try {
            store.forEach(jobId, line -> out.write(format(line) + "\n"));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        out.flush();
    }

    /** {@code 2026-11-25T12:00:00.123Z [step] [node] text}. */
    public static String format(LogLine line) {
        return TIME.format(line.time()) + " [" + line.step() + "] [" + line.node() + "] " + line.text();
    }
}
