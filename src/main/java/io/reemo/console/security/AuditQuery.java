package io.reemo.console.security;

import java.time.Instant;
import org.springframework.lang.Nullable;

/**
 * A filter on the audit log; {@code null} fields match everything. Newest first.
 *
 * @param action          an action ({@code job.start}) or its family ({@code login} matches {@code login.failed} too)
 * @param environmentId   records about this environment: its jobs, and its creation, change, import, export and deletion
 * @param environmentName the environment's name when it still exists: its pins and drift records name it only so
 * @param from            inclusive
 * @param to              inclusive
 */
public record AuditQuery(@Nullable String user, @Nullable String action, @Nullable Long environmentId,
                         @Nullable String environmentName, @Nullable Instant from, @Nullable Instant to, int limit) {
}
