package io.reemo.console.job;

import java.time.Instant;

/**
 * One stored line of a job's log. {@code seq} counts from 1 per job, without gaps, in the order the
 * lines were stored; it is the SSE event id, so a client resumes after the last one it saw.
 * {@code stream} is the line's {@link LogChannel}, under the field name of the API's JSON.
 */
public record LogLine(long seq, Instant time, String step, String node, LogChannel stream, String text) {
}
