package io.reemo.console.job;

/** A filter on the job history; {@code null} fields match everything. Newest first. */
public record JobQuery(Long environmentId, JobStatus status, String type, int limit) {
}
