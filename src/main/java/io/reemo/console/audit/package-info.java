/**
 * The audit trail to read: the Audit page and {@code GET /api/v1/audit}, filtered by who, what, environment and time,
 * as JSON or CSV. The records themselves are written by {@code security}'s {@code AuditLog} where each action runs.
 */
@ApplicationModule(allowedDependencies = {"environment", "security"})
package io.reemo.console.audit;

import org.springframework.modulith.ApplicationModule;
