package io.reemo.console.security;

import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/** Records who did what to which server; read by the audit page and API. Never give it a secret. */
@Service
public class AuditLog {

    /** The width of {@code audit_event.username}. */
    private static final int NAME_LENGTH = 64;

    private final JdbcClient db;

    AuditLog(JdbcClient db) {
        this.db = db;
    }

    public record AuditEvent(long id, OffsetDateTime at, String username, String action, String target, String detail) {
    }

    public void record(String action, String target, String detail) {
        recordAs(currentUser(), action, target, detail);
    }

    /** For what happens before anyone is signed in (a sign-in that failed): under the name that was tried. */
    void recordAs(String username, String action, String target, String detail) {
        String name = username.length() > NAME_LENGTH ? username.substring(0, NAME_LENGTH) : username;
        db.sql("INSERT INTO audit_event (at, username, action, target, detail) VALUES (?, ?, ?, ?, ?)")
                .params(OffsetDateTime.now(), name, action, target, detail)
                .update();
    }

    public List<AuditEvent> latest(int limit) {
        return db.sql("SELECT id, at, username, action, target, detail FROM audit_event ORDER BY id DESC LIMIT ?")
                .param(limit).query(AuditEvent.class).list();
    }

    /** The logged-in user's name, or {@code system} for work the console starts by itself. */
    public static String currentUser() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null || !auth.isAuthenticated() ? "system" : auth.getName();
    }
}
