package io.reemo.console.job;

import java.time.Instant;

/**
 * One stored line of a job's log. {@code seq} counts from 1 per job, without gaps, in the order the
 * lines were stored; it is the SSE event id, so a client resumes after the last one it saw.
 */
public record LogLine(long seq, Instant time, String step, String node, LogStream stream, String text) {
}
