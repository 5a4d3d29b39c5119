package io.reemo.console.security;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Users' own password changes, and the mark on a password the console made up, which must be changed first. */
@Service
public class Passwords {

    private final JdbcUserDetailsManager users;
    private final PasswordEncoder encoder;
    private final JdbcClient db;
    private final AuditLog audit;

    Passwords(JdbcUserDetailsManager users, PasswordEncoder encoder, JdbcClient db, AuditLog audit) {
        this.users = users;
        this.encoder = encoder;
        this.db = db;
        this.audit = audit;
    }

    /** Whether the user still has a password the console made up, which they must change before anything else. */
    public boolean changeRequired(String username) {
        return db.sql("SELECT password_change_required FROM users WHERE username = ?").param(username)
                .query(Boolean.class).optional().orElse(false);
    }

    /** Whether the user signs in against the directory, which keeps their password. */
    private boolean fromDirectory(String username) {
        return db.sql("SELECT source FROM users WHERE username = ?").param(username).query(String.class).optional()
                .filter(UserAccounts.DIRECTORY::equals).isPresent();
    }

    void requireChange(String username) {
        db.sql("UPDATE users SET password_change_required = TRUE WHERE username = ?").param(username).update();
    }

    /**
     * Changes the user's own password after checking the current one and the policy.
     *
     * @return why it was refused, naming the field, or nothing when the password was changed
     */
    @Transactional
    public Optional<String> change(String username, String current, String chosen) {
        if (fromDirectory(username)) {
            return Optional.of("password: your password is the directory's (LDAP or Active Directory): change it there.");
        }
        if (current == null || !encoder.matches(current, users.loadUserByUsername(username).getPassword())) {
            return Optional.of("currentPassword: this is not your current password.");
        }
        if (chosen != null && chosen.equals(current)) {
            return Optional.of("password: choose a password other than the current one.");
        }
        Optional<String> problem = PasswordPolicy.problem(username, chosen);
        if (problem.isPresent()) {
            return problem;
        }
        audit.recordAs(username, "password.change", "user " + username, null);
        db.sql("UPDATE users SET password = ?, password_change_required = FALSE WHERE username = ?")
                .params(encoder.encode(chosen), username).update();
        return Optional.empty();
    }
}
