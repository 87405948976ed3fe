package org.treatyregistry.api.security;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.treatyregistry.core.shared.RegistryException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Revocable tokens that let a calendar client fetch a user's calendar feed without a password (a subscription URL
 * cannot carry one). Only a hash is stored; the token is shown once, when it is made.
 */
@Repository
public class FeedTokens {

    public record Issued(String id, String token, String label, Instant createdAt) {
    }

    public record Listed(String id, String label, Instant createdAt, Instant revokedAt) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public FeedTokens(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Issued issue(String username, String label) {
        if (label != null && label.length() > 200) {
            throw RegistryException.invalid("FIELD_TOO_LONG", "label", "a label is at most 200 characters");
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        String id = UUID.randomUUID().toString();
        Instant now = clock.instant();
        jdbc.update("INSERT INTO feed_token (id, token_hash, username, label, created_at) VALUES (?, ?, ?, ?, ?)",
                id, hash(token), username, label, Timestamp.from(now));
        return new Issued(id, token, label, now);
    }

    public List<Listed> list(String username) {
        return jdbc.query("SELECT id, label, created_at, revoked_at FROM feed_token WHERE username = ? ORDER BY created_at",
                (rs, i) -> new Listed(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                        rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant()), username);
    }

    public void revoke(String username, String id) {
        if (jdbc.update("UPDATE feed_token SET revoked_at = ? WHERE id = ? AND username = ? AND revoked_at IS NULL",
                Timestamp.from(clock.instant()), id, username) == 0) {
            throw RegistryException.notFound("FEED_TOKEN_NOT_FOUND", "id", "no active feed token " + id);
        }
    }

    /** The user a token belongs to, if it is valid and not revoked. */
    public Optional<String> owner(String token) {
        return jdbc.query("SELECT t.username FROM feed_token t JOIN app_user u ON u.username = t.username "
                        + "WHERE t.token_hash = ? AND t.revoked_at IS NULL AND u.enabled = TRUE",
                (rs, i) -> rs.getString(1), hash(token)).stream().findFirst();
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
