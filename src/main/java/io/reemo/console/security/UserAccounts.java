package io.reemo.console.security;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * The console's local users: made, given a role, disabled and given a new password by administrators, each change
 * audited in the same transaction. Administrators change others only ({@code UserController}), so the one making a
 * change stays an enabled administrator.
 */
@Service
public class UserAccounts {

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");

    /** A user as the API and the users page show it: never a password or its hash. */
    public record Account(String username, String role, boolean enabled) {
    }

    private final JdbcUserDetailsManager users;
    private final PasswordEncoder encoder;
    private final JdbcClient db;
    private final AuditLog audit;

    UserAccounts(JdbcUserDetailsManager users, PasswordEncoder encoder, JdbcClient db, AuditLog audit) {
        this.users = users;
        this.encoder = encoder;
        this.db = db;
        this.audit = audit;
    }

    public List<Account> list() {
        return db.sql("SELECT u.username, SUBSTRING(a.authority, 6) AS role, u.enabled FROM users u"
                + " JOIN authorities a ON a.username = u.username ORDER BY u.username").query(Account.class).list();
    }

    @Transactional
    public Account create(String username, String password, String role) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw refused("username: use 1 to 64 letters, digits, dots, dashes, underscores or @, starting with a letter or digit.");
        }
        requireRole(role);
        requirePolicy(username, password);
        if (users.userExists(username)) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "username: a user named " + username + " exists already.");
        }
        audit.record("user.create", "user " + username, "role " + role);
        users.createUser(User.withUsername(username).password(encoder.encode(password)).roles(role).build());
        return account(username);
    }

    /**
     * Changes what is given ({@code null}: left as it is). A reset password must be changed by its user at their next
     * sign-in, as the first admin's generated one is.
     */
    @Transactional
    public Account change(String username, String role, Boolean enabled, String password) {
        Account before = account(username);
        List<String> changes = new ArrayList<>();
        if (role != null && !role.equals(before.role())) {
            requireRole(role);
            changes.add("role " + before.role() + " -> " + role);
        }
        if (enabled != null && enabled != before.enabled()) {
            changes.add(enabled ? "enabled" : "disabled");
        }
        if (password != null) {
            requirePolicy(username, password);
            changes.add("password reset");
        }
        if (changes.isEmpty()) {
            return before;
        }
        audit.record("user.change", "user " + username, String.join(", ", changes));
        if (role != null) {
            db.sql("UPDATE authorities SET authority = ? WHERE username = ?").params("ROLE_" + role, username).update();
        }
        if (enabled != null) {
            db.sql("UPDATE users SET enabled = ? WHERE username = ?").params(enabled, username).update();
        }
        if (password != null) {
            db.sql("UPDATE users SET password = ?, password_change_required = TRUE WHERE username = ?")
                    .params(encoder.encode(password), username).update();
        }
        return account(username);
    }

    public Account account(String username) {
        return db.sql("SELECT u.username, SUBSTRING(a.authority, 6) AS role, u.enabled FROM users u"
                        + " JOIN authorities a ON a.username = u.username WHERE u.username = ?").param(username)
                .query(Account.class).optional()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no user named " + username + "."));
    }

    private static void requireRole(String role) {
        if (role == null || !Roles.ALL.contains(role)) {
            throw refused("role: use ADMIN, OPERATOR or VIEWER.");
        }
    }

    private static void requirePolicy(String username, String password) {
        PasswordPolicy.problem(username, password).ifPresent(problem -> {
            throw refused(problem);
        });
    }

    private static ResponseStatusException refused(String why) {
        return new ResponseStatusException(HttpStatus.BAD_REQUEST, why);
    }
}
