package io.reemo.console.job;

import java.io.IOException;
import java.util.List;

/**
 * Where a {@link LogFollow} delivers a job's lines: the API's JSON events ({@link JobLogJsonStream}), the job
 * page's HTML fragments ({@code jobs.JobLogHtmlStream}), a test. Calls come from one thread at a time.
 * An {@link IOException} ends the follow.
 */
public interface LogSink {

    /** The next lines, in sequence order, each exactly once. */
    void lines(List<LogLine> lines) throws IOException;

    /** The job's state changed (a step or node started or ended). */
    default void jobChanged(Job job) throws IOException {
    }

    /** Nothing to send for a while: keep the connection open. */
    void heartbeat() throws IOException;

    /** Every line up to {@code job.lastSeq()} was delivered and the job is over. */
    void end(Job job) throws IOException;

    /** The follow is over (after {@link #end}, or because the client left or the console stops). */
    void close();
}
