package io.reemo.console.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
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
 * audited in the same transaction. Administrators change others only, so the one making a change stays an enabled
 * administrator and the console always keeps one.
 */
@Service
public class UserAccounts {

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");

    /**
     * A user as the API and the users page show it: never a password or its hash.
     *
     * @param passwordChangeRequired the user must choose their own password at their next sign-in
     * @param source                 {@code local}: the password is the console's; {@code directory}: it is the LDAP
     *                               directory's, and the role is the one its groups gave at the last sign-in
     */
    public record Account(String username, String role, boolean enabled, boolean passwordChangeRequired, String source) {

        public boolean fromDirectory() {
            return DIRECTORY.equals(source);
        }
    }

    static final String DIRECTORY = "directory";

    private static final String SELECT_ACCOUNT = "SELECT u.username, SUBSTRING(a.authority, 6) AS role, u.enabled,"
            + " u.password_change_required, u.source FROM users u JOIN authorities a ON a.username = u.username";

    private final JdbcUserDetailsManager users;
    private final PasswordEncoder encoder;
    private final JdbcClient db;
    private final AuditLog audit;
    private final Passwords passwords;

    UserAccounts(JdbcUserDetailsManager users, PasswordEncoder encoder, JdbcClient db, AuditLog audit, Passwords passwords) {
        this.users = users;
        this.encoder = encoder;
        this.db = db;
        this.audit = audit;
        this.passwords = passwords;
    }

    public List<Account> list() {
        return db.sql(SELECT_ACCOUNT + " ORDER BY u.username").query(Account.class).list();
    }

    /**
     * @param changeAtFirstSignIn the password is one the admin handed over, which its user replaces at their first
     *                            sign-in, as after a reset
     */
    @Transactional
    public Account create(String username, String password, String role, boolean changeAtFirstSignIn) {
        if (!validName(username)) {
            throw refused("username: use 1 to 64 letters, digits, dots, dashes, underscores or @, starting with a letter or digit.");
        }
        requireRole(role);
        requirePolicy(username, password);
        if (users.userExists(username)) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "username: a user named " + username + " exists already.");
        }
        audit.record("user.create", "user " + username,
                "role " + role + (changeAtFirstSignIn ? ", password to change at first sign-in" : ""));
        users.createUser(User.withUsername(username).password(encoder.encode(password)).roles(role).build());
        if (changeAtFirstSignIn) {
            passwords.requireChange(username);
        }
        return account(username);
    }

    /**
     * Changes what is given ({@code null}: left as it is). A reset password must be changed by its user at their next
     * sign-in, as the first admin's generated one is. Nobody changes themselves here: {@code admin}, who asks, stays
     * an enabled administrator; their own password is changed with {@link Passwords#change}.
     */
    @Transactional
    public Account change(String admin, String username, String role, Boolean enabled, String password) {
        if (username.equals(admin)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "user: you do not change your own role, enabled or password"
                    + " here; another administrator does, and you change your own password on your account page.");
        }
        Account before = account(username);
        if (before.fromDirectory() && (password != null || (role != null && !role.equals(before.role())))) {
            throw refused((password != null ? "password" : "role") + ": " + username + " signs in against the directory,"
                    + " which keeps their password, and their role follows their directory groups at each sign-in;"
                    + " here you can only disable or enable them.");
        }
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
        boolean removesAnAdmin = Roles.ADMIN.equals(before.role()) && before.enabled()
                && (Boolean.FALSE.equals(enabled) || role != null && !Roles.ADMIN.equals(role));
        if (removesAnAdmin) {
            requireAnotherAdmin(admin, username);
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

    /**
     * Two administrators disabling each other at once must not leave the console without one: the enabled users are
     * locked until this change commits, so such changes run one after the other, and the second one finds that its
     * administrator is no longer one. Who asks is another enabled administrator, so one is always left.
     */
    private void requireAnotherAdmin(String admin, String username) {
        db.sql("SELECT username FROM users WHERE enabled = TRUE FOR UPDATE").query(String.class).list();
        List<String> admins = db.sql("SELECT u.username FROM users u JOIN authorities a ON a.username = u.username"
                + " WHERE u.enabled = TRUE AND a.authority = ?").param("ROLE_" + Roles.ADMIN).query(String.class).list();
        if (!admins.contains(admin)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "user: you are no longer an enabled administrator;"
                    + " another administrator changed that a moment ago.");
        }
    }

    static boolean validName(String username) {
        return username != null && USERNAME.matcher(username).matches();
    }


    /**
     * Records a directory user at their sign-in, so that administrators see them, can disable them here, and their API
     * tokens carry their role: made at the first, their role set to what their groups give now at each.
     *
     * A local user of that name is never touched: the caller checked there is none.
     */
    @Transactional
    public void signedInFromDirectory(String username, String role) {
        Optional<Account> known = find(username);
        if (known.isEmpty()) {
            audit.recordAs(username, "user.create", "user " + username, "from the directory, role " + role + " by its groups");
            // a password nobody knows: the directory checks this user's, never the console
            users.createUser(User.withUsername(username).password(encoder.encode(UUID.randomUUID() + "" + UUID.randomUUID()))
                    .roles(role).build());
            db.sql("UPDATE users SET source = ? WHERE username = ?").params(DIRECTORY, username).update();
        } else if (!known.get().role().equals(role)) {
            audit.recordAs(username, "user.change", "user " + username, "role " + known.get().role() + " -> " + role + " by the directory's groups");
            db.sql("UPDATE authorities SET authority = ? WHERE username = ?").params("ROLE_" + role, username).update();
        }
    }

    /** The user of that name, if the console knows one, local or from the directory. */
    Optional<Account> find(String username) {
        return db.sql(SELECT_ACCOUNT + " WHERE u.username = ?").param(username).query(Account.class).optional();
    }

    public Account account(String username) {
        return find(username)
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
