package io.reemo.console.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bearer tokens for scripts. A token is shown once when created; only its SHA-256 is stored,
 * so the database never holds a usable token. Each expires (90 days unless asked, at most 366).
 */
@Service
public class ApiTokens {

    private static final String PREFIX = "rct_";
    private final JdbcClient db;
    private final UserDetailsService users;
    private final AuditLog audit;
    private final DirectoryRoles directoryRoles;
    private final SecureRandom random = new SecureRandom();

    ApiTokens(JdbcClient db, UserDetailsService users, AuditLog audit, DirectoryRoles directoryRoles) {
        this.db = db;
        this.users = users;
        this.audit = audit;
        this.directoryRoles = directoryRoles;
    }

    public record IssuedToken(long id, String name, String token) {
    }

    public record TokenInfo(long id, String name, String username, OffsetDateTime createdAt, OffsetDateTime lastUsedAt,
                            OffsetDateTime expiresAt) {
    }

    /** A token lives this long unless asked otherwise, and never longer than {@link #MAX_DAYS}. */
    public static final int DEFAULT_DAYS = 90;
    public static final int MAX_DAYS = 366;
    /** The width of {@code api_token.name}. */
    public static final int MAX_NAME_LENGTH = 100;
    /** How stale {@code last_used_at} may be: a busy script must not write the token's row on every request. */
    private static final Duration USE_RECORDED_EVERY = Duration.ofMinutes(1);

    /** Audited in the token's transaction: a token whose record could not be written is never handed out. */
    @Transactional
    public IssuedToken issue(String username, String name, int days) {
        if (name == null || name.isBlank() || name.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("name: give the token a name of 1 to " + MAX_NAME_LENGTH
                    + " characters, saying what uses it.");
        }
        if (days < 1 || days > MAX_DAYS) {
            throw new IllegalArgumentException("expiresInDays: a token lives 1 to " + MAX_DAYS + " days; give a number in that range.");
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = PREFIX + HexFormat.of().formatHex(bytes);
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        OffsetDateTime now = OffsetDateTime.now();
        db.sql("INSERT INTO api_token (name, username, token_sha256, created_at, expires_at) VALUES (?, ?, ?, ?, ?)")
                .params(name, username, sha256(token), now, now.plusDays(days))
                .update(keys, "id");
        long id = keys.getKey().longValue();
        audit.recordAs(username, "api-token.issue", tokenTarget(id, name), "expires " + now.plusDays(days).toInstant());
        return new IssuedToken(id, name, token);
    }

    /** The user a presented token belongs to, if it is a live token. */
    Optional<String> owner(String presented) {
        if (!presented.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String hash = sha256(presented);
        OffsetDateTime now = OffsetDateTime.now();
        Optional<String> user = db.sql("SELECT username FROM api_token WHERE token_sha256 = ? AND expires_at > ?")
                .params(hash, now).query(String.class).optional();
        user.ifPresent(u -> db.sql("UPDATE api_token SET last_used_at = ? WHERE token_sha256 = ?"
                        + " AND (last_used_at IS NULL OR last_used_at < ?)")
                .params(now, hash, now.minus(USE_RECORDED_EVERY)).update());
        return user;
    }

    /**
     * The token owner's account as it is now; a directory user's role is what their groups give now, and they have
     * none when the directory no longer gives them one.
     */
    Optional<UserDetails> userDetails(String username) {
        UserDetails user = users.loadUserByUsername(username);
        boolean fromDirectory = db.sql("SELECT source FROM users WHERE username = ?").param(username).query(String.class)
                .optional().filter(UserAccounts.DIRECTORY::equals).isPresent();
        if (!fromDirectory) {
            return Optional.of(user);
        }
        return directoryRoles.roleNow(username).map(role -> User.withUserDetails(user).authorities("ROLE_" + role).build());
    }

    public List<TokenInfo> list(String username) {
        return db.sql("SELECT id, name, username, created_at, last_used_at, expires_at FROM api_token WHERE username = ? ORDER BY id")
                .param(username).query(TokenInfo.class).list();
    }

    /** Audited in the revocation's transaction; a token that is not the user's is neither revoked nor recorded. */
    @Transactional
    public boolean revoke(String username, long id) {
        Optional<String> name = db.sql("SELECT name FROM api_token WHERE id = ? AND username = ?").params(id, username)
                .query(String.class).optional();
        name.ifPresent(n -> {
            audit.recordAs(username, "api-token.revoke", tokenTarget(id, n), null);
            db.sql("DELETE FROM api_token WHERE id = ?").param(id).update();
        });
        return name.isPresent();
    }

    private static String tokenTarget(long id, String name) {
        return "token " + id + " (" + name + ")";
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
