package org.broadsheet.account;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.broadsheet.support.Rows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class AccountRepository {

    private final JdbcClient jdbc;

    AccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record UserRow(long id, String email, String displayName, String passwordHash, String role, boolean enabled,
                   Long authorId, OffsetDateTime createdAt) {
    }

    record TokenRow(long id, String purpose, String tokenHash, Long userId, String email, String role,
                    OffsetDateTime expiresAt, OffsetDateTime usedAt) {
    }

    private static final String USER = "SELECT id, email, display_name, password_hash, role, enabled, author_id, created_at FROM app_user ";

    long countUsers() {
        return jdbc.sql("SELECT COUNT(*) FROM app_user").query(Long.class).single();
    }

    /** Administrators who can sign in: enabled, with a password (imported and invited accounts have none yet). */
    long countActiveAdministrators() {
        return jdbc.sql("""
                SELECT COUNT(*) FROM app_user
                WHERE role = :role AND enabled = TRUE AND password_hash IS NOT NULL""")
                .param("role", Role.ADMINISTRATOR.name()).query(Long.class).single();
    }

    Optional<UserRow> byEmail(String email) {
        return jdbc.sql(USER + "WHERE LOWER(email) = LOWER(:email)").param("email", email).query(Rows.of(UserRow.class)).optional();
    }

    Optional<UserRow> byId(long id) {
        return jdbc.sql(USER + "WHERE id = :id").param("id", id).query(Rows.of(UserRow.class)).optional();
    }

    List<UserRow> all() {
        return jdbc.sql(USER + "ORDER BY display_name, email").query(Rows.of(UserRow.class)).list();
    }

    List<UserRow> withRoles(List<String> roles) {
        return jdbc.sql(USER + "WHERE role IN (:roles) AND enabled = TRUE ORDER BY id").param("roles", roles)
                .query(Rows.of(UserRow.class)).list();
    }

    List<UserRow> writingAs(List<Long> authorIds) {
        return jdbc.sql(USER + "WHERE author_id IN (:authors) AND enabled = TRUE ORDER BY id").param("authors", authorIds)
                .query(Rows.of(UserRow.class)).list();
    }

    long insert(String email, String displayName, String passwordHash, Role role, Long authorId, OffsetDateTime now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO app_user (email, display_name, password_hash, role, enabled, author_id, created_at)
                VALUES (:email, :name, :hash, :role, TRUE, :author, :now)""")
                .param("email", email).param("name", displayName).param("hash", passwordHash)
                .param("role", role.name()).param("author", authorId).param("now", now)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    void setPassword(long userId, String hash) {
        jdbc.sql("UPDATE app_user SET password_hash = :hash WHERE id = :id").param("hash", hash).param("id", userId).update();
    }

    void rename(long userId, String name) {
        jdbc.sql("UPDATE app_user SET display_name = :name WHERE id = :id").param("name", name).param("id", userId).update();
    }

    void setRole(long userId, Role role) {
        jdbc.sql("UPDATE app_user SET role = :role WHERE id = :id").param("role", role.name()).param("id", userId).update();
    }

    void setEnabled(long userId, boolean enabled) {
        jdbc.sql("UPDATE app_user SET enabled = :enabled WHERE id = :id").param("enabled", enabled).param("id", userId).update();
    }

    void setAuthor(long userId, Long authorId) {
        jdbc.sql("UPDATE app_user SET author_id = :author WHERE id = :id").param("author", authorId).param("id", userId).update();
    }

    void insertToken(String purpose, String hash, Long userId, String email, Role role, OffsetDateTime expiresAt,
                     OffsetDateTime now) {
        jdbc.sql("""
                INSERT INTO account_token (purpose, token_hash, user_id, email, role, expires_at, created_at)
                VALUES (:purpose, :hash, :user, :email, :role, :expires, :now)""")
                .param("purpose", purpose).param("hash", hash).param("user", userId).param("email", email)
                .param("role", role == null ? null : role.name()).param("expires", expiresAt).param("now", now)
                .update();
    }

    Optional<TokenRow> token(String purpose, String hash) {
        return jdbc.sql("""
                SELECT id, purpose, token_hash, user_id, email, role, expires_at, used_at FROM account_token
                WHERE purpose = :purpose AND token_hash = :hash""")
                .param("purpose", purpose).param("hash", hash).query(Rows.of(TokenRow.class)).optional();
    }

    /** Marks a token used; false when another request used it first. */
    boolean useToken(long id, OffsetDateTime now) {
        return jdbc.sql("UPDATE account_token SET used_at = :now WHERE id = :id AND used_at IS NULL")
                .param("now", now).param("id", id).update() == 1;
    }

    void expireUnused(String purpose, OffsetDateTime now) {
        jdbc.sql("UPDATE account_token SET expires_at = :now WHERE purpose = :purpose AND used_at IS NULL AND expires_at > :now")
                .param("purpose", purpose).param("now", now).update();
    }
}
