package io.reemo.console.security;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/** Records who did what to which server; read by the audit page and API. Never give it a secret. */
@Service
public class AuditLog {

    /** The widths of {@code audit_event.username} and {@code target}; the detail is unbounded. */
    private static final int NAME_LENGTH = 64;
    private static final int TARGET_LENGTH = 255;

    private final JdbcClient db;

    AuditLog(JdbcClient db) {
        this.db = db;
    }

    @Schema(description = "One audit record")
    public record AuditEvent(@Schema(description = "ascending in the order the records were written") long id,
                             @Schema(description = "when it was recorded, just before the action ran") OffsetDateTime at,
                             @Schema(description = "who: the signed-in user, the name tried at a failed sign-in, or system") String username,
                             @Schema(description = "what, e.g. job.start, login.failed, user.change, host-key.pin") String action,
                             @Schema(description = "to what, e.g. environment 3 (prod), user alice, address 10.0.0.7 (at most 255 characters)") String target,
                             @Schema(description = "the rest, whole: a job's masked parameters, the role given", nullable = true) String detail) {
    }

    public void record(String action, String target, String detail) {
        recordAs(currentUser(), action, target, detail);
    }

    /** Under a name given: the one tried at a sign-in that failed, the starter of a job that ended on its own thread. */
    public void recordAs(String username, String action, String target, String detail) {
        db.sql("INSERT INTO audit_event (at, username, action, target, detail) VALUES (?, ?, ?, ?, ?)")
                .params(OffsetDateTime.now(), fit(username, NAME_LENGTH), action, fit(target, TARGET_LENGTH), detail)
                .update();
    }

    /** How a record about one environment names it, so that {@link #find} finds it by the environment's id. */
    public static String environmentTarget(long environmentId, String environmentName) {
        return environmentPrefix(environmentId) + environmentName + ")";
    }

    public List<AuditEvent> latest(int limit) {
        return find(new AuditQuery(null, null, null, null, null, null, limit));
    }

    public List<AuditEvent> find(AuditQuery query) {
        StringBuilder where = new StringBuilder("1 = 1");
        List<Object> params = new ArrayList<>();
        if (query.user() != null) {
            where.append(" AND username = ?");
            params.add(query.user());
        }
        if (query.action() != null) {
            where.append(" AND (action = ? OR LEFT(action, ?) = ?)");
            params.addAll(List.of(query.action(), query.action().length() + 1, query.action() + "."));
        }
        if (query.environmentId() != null) {
            // Jobs and draft discards name the environment by id; its creation, change, import, export and deletion
            // say "id N" in the detail (a CLOB, hence LIKE; an id has no wildcard); pins and drift records name it
            // only by name ("name", "name/node ...").
            String prefix = environmentPrefix(query.environmentId());
            where.append(" AND (LEFT(target, ?) = ? OR (action LIKE 'environment.%' OR action LIKE 'inventory.%')"
                    + " AND detail LIKE ?");
            params.addAll(List.of(prefix.length(), prefix, "id " + query.environmentId()));
            if (query.environmentName() != null) {
                where.append(" OR target = ? OR LEFT(target, ?) = ?");
                params.addAll(List.of(query.environmentName(), query.environmentName().length() + 1, query.environmentName() + "/"));
            }
            where.append(")");
        }
        if (query.from() != null) {
            where.append(" AND at >= ?");
            params.add(query.from().atOffset(ZoneOffset.UTC));
        }
        if (query.to() != null) {
            where.append(" AND at <= ?");
            params.add(query.to().atOffset(ZoneOffset.UTC));
        }
        params.add(query.limit());
        return db.sql("SELECT id, at, username, action, target, detail FROM audit_event WHERE " + where + " ORDER BY id DESC LIMIT ?")
                .params(params).query(AuditEvent.class).list();
    }

    private static String environmentPrefix(long environmentId) {
        return "environment " + environmentId + " (";
    }

    /** Cut to the column's width, never between the two halves of a surrogate pair. */
    private static String fit(String text, int width) {
        if (text.length() <= width) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(width - 1)) ? width - 1 : width;
        return text.substring(0, end);
    }

    /** The logged-in user's name, or {@code system} for work the console starts by itself. */
    public static String currentUser() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null || !auth.isAuthenticated() ? "system" : auth.getName();
    }
}
