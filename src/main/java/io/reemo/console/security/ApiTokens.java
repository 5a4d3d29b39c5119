package io.reemo.console.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Service;

/**
 * Bearer tokens for scripts. A token is shown once when created; only its SHA-256 is stored,
 * so the database never holds a usable token.
 */
@Service
public class ApiTokens {

    private static final String PREFIX = "rct_";
    private final JdbcClient db;
    private final UserDetailsService users;
    private final SecureRandom random = new SecureRandom();

    ApiTokens(JdbcClient db, UserDetailsService users) {
        this.db = db;
        this.users = users;
    }

    public record IssuedToken(long id, String name, String token) {
    }

    public record TokenInfo(long id, String name, String username, OffsetDateTime createdAt, OffsetDateTime lastUsedAt) {
    }

    public IssuedToken issue(String username, String name) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = PREFIX + HexFormat.of().formatHex(bytes);
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        db.sql("INSERT INTO api_token (name, username, token_sha256, created_at) VALUES (?, ?, ?, ?)")
                .params(name, username, sha256(token), OffsetDateTime.now())
                .update(keys, "id");
        return new IssuedToken(keys.getKey().longValue(), name, token);
    }

    /** The user a presented token belongs to, if it is a live token. */
    Optional<String> owner(String presented) {
        if (!presented.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String hash = sha256(presented);
        Optional<String> user = db.sql("SELECT username FROM api_token WHERE token_sha256 = ?")
                .param(hash).query(String.class).optional();
        user.ifPresent(u -> db.sql("UPDATE api_token SET last_used_at = ? WHERE token_sha256 = ?")
                .params(OffsetDateTime.now(), hash).update());
        return user;
    }

    UserDetails userDetails(String username) {
        return users.loadUserByUsername(username);
    }

    public List<TokenInfo> list(String username) {
        return db.sql("SELECT id, name, username, created_at, last_used_at FROM api_token WHERE username = ? ORDER BY id")
                .param(username).query(TokenInfo.class).list();
    }

    public boolean revoke(String username, long id) {
        return db.sql("DELETE FROM api_token WHERE id = ? AND username = ?").params(id, username).update() == 1;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
