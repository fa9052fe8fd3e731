package org.broadsheet.comment;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.concurrent.ThreadLocalRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.broadsheet.support.Rows;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Signed, time-limited tokens for the comment form, in place of a session CSRF token.
 *
 * <p>Why this is safe: article pages are served from a page cache, so a per-session token cannot be baked into
 * them. The comment form is an anonymous action, so cross-site request forgery has little to forge: the token
 * proves that the form was served by this site for this article within {@link #MAX_AGE}, and carries when it was
 * served (the spam filter's time-to-submit). It is an HMAC-SHA256 with a random secret kept in the database, so
 * every node issues and accepts the same tokens and nobody can mint one. The one thing a session adds — a
 * signed-in staff member posting as themselves — is only honoured for same-origin requests (see
 * {@code CommentController}), which a forged cross-site form cannot produce.
 */
@Component
class FormTokens {

    static final Duration MAX_AGE = Duration.ofDays(7);
    private static final String SECRET = "form_secret";

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private volatile byte[] secret;
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    FormTokens(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        // The secret may first be needed while a page is read in a read-only transaction: it is made in its own.
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Reads or makes the secret at start, before the first reader's page needs it. */
    @EventListener(ApplicationReadyEvent.class)
    void prepareSecret() {
        secret();
    }

    /** When a verified token was issued, and its random part (which feeds the idempotency key). */
    record Issued(long articleId, Instant issuedAt, String nonce) {
    }

    String issue(long articleId, Instant now) {
        // The nonce tells two forms apart (it feeds the idempotency key); it is not a secret — the HMAC is
        // what makes a token unforgeable — so a fast per-thread generator serves, where SecureRandom would
        // serialise every page render on the system's entropy source.
        byte[] random = new byte[12];
        ThreadLocalRandom.current().nextBytes(random);
        String payload = articleId + "." + now.getEpochSecond() + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        return payload + "." + sign(payload);
    }

    /** The token's facts when it is genuine, for this article, and not older than {@link #MAX_AGE}. */
    Optional<Issued> verify(String token, long articleId, Instant now) {
        return genuine(token, articleId).filter(t -> !t.issuedAt().isAfter(now.plusSeconds(60))
                && !t.issuedAt().plus(MAX_AGE).isBefore(now));
    }

    /** Whether the token was made by this site for this article, but longer than {@link #MAX_AGE} ago. */
    boolean expired(String token, long articleId, Instant now) {
        return genuine(token, articleId).filter(t -> t.issuedAt().plus(MAX_AGE).isBefore(now)).isPresent();
    }

    private Optional<Issued> genuine(String token, long articleId) {
        if (token == null || token.length() > 200) {
            return Optional.empty();
        }
        int lastDot = token.lastIndexOf('.');
        if (lastDot < 0) {
            return Optional.empty();
        }
        String payload = token.substring(0, lastDot);
        if (!MessageDigest.isEqual(sign(payload).getBytes(StandardCharsets.US_ASCII),
                token.substring(lastDot + 1).getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        String[] parts = payload.split("\\.");
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            long forArticle = Long.parseLong(parts[0]);
            Instant issuedAt = Instant.ofEpochSecond(Long.parseLong(parts[1]));
            if (forArticle != articleId) {
                return Optional.empty();
            }
            return Optional.of(new Issued(forArticle, issuedAt, parts[2]));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** A signature for a value (such as the address of a held comment's notice) that only this site can make. */
    String sign(String value) {
        // doFinal leaves the Mac reset and keyed, ready for the next value.
        return Base64.getUrlEncoder().withoutPadding().encodeToString(macs.get().doFinal(value.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * A keyed HMAC for the calling thread: every article page signs a token, and looking up the algorithm's
     * provider and keying a new Mac each time cost more than the signature. A Mac is not thread-safe, hence one
     * per thread.
     */
    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret(), "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    boolean verifySignature(String value, String signature) {
        return signature != null && MessageDigest.isEqual(sign(value).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }

    /** The shared secret: made once by whichever node needs it first, then read by all. */
    private byte[] secret() {
        byte[] s = secret;
        if (s != null) {
            return s;
        }
        Optional<String> stored = ownTransaction.execute(tx -> read());
        if (stored.isEmpty()) {
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            try {
                ownTransaction.executeWithoutResult(tx -> jdbc.sql(
                                "INSERT INTO discussion_setting (name, setting_value) VALUES (:n, :v)")
                        .param("n", SECRET).param("v", HexFormat.of().formatHex(fresh)).update());
            } catch (DuplicateKeyException anotherNodeWasFirst) {
                // fall through and use theirs
            }
            stored = ownTransaction.execute(tx -> read());
        }
        s = HexFormat.of().parseHex(stored.orElseThrow());
        secret = s;
        return s;
    }

    private Optional<String> read() {
        return jdbc.sql("SELECT setting_value FROM discussion_setting WHERE name = :n").param("n", SECRET)
                .query(String.class).optional();
    }
}
