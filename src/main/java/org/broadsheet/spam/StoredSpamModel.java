package org.broadsheet.spam;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.broadsheet.support.Rows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The learned filter's weights in the database ({@code spam_model}), shared by every node. Each node scores
 * with an in-memory copy and reloads it when the stored version has changed (one small query per comment).
 * A lesson locks the row, so that lessons taught on two nodes at once are applied one after the other.
 */
@Repository
class StoredSpamModel {

    private record Snapshot(long version, LogisticModel model) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AtomicReference<Snapshot> snapshot = new AtomicReference<>(new Snapshot(-1, new LogisticModel()));

    StoredSpamModel(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The current model; callers must not change it. */
    LogisticModel current() {
        long version = jdbc.sql("SELECT version FROM spam_model WHERE id = 1").query(Long.class).single();
        Snapshot s = snapshot.get();
        if (s.version() == version) {
            return s.model();
        }
        Snapshot fresh = jdbc.sql("SELECT version, weights FROM spam_model WHERE id = 1")
                .query((rs, n) -> new Snapshot(rs.getLong(1), LogisticModel.fromBytes(rs.getBytes(2)))).single();
        snapshot.set(fresh);
        return fresh.model();
    }

    /** Whether the stored model was written by an older version (other features) and so needs a refit. */
    boolean outdated() {
        byte[] stored = jdbc.sql("SELECT weights FROM spam_model WHERE id = 1").query(byte[].class).optional().orElse(null);
        return !LogisticModel.current(stored);
    }

    /** Teaches the stored model one decision. */
    @Transactional
    void learn(String text, String article, boolean spam) {
        byte[] stored = jdbc.sql("SELECT weights FROM spam_model WHERE id = 1 FOR UPDATE").query(byte[].class).optional().orElse(null);
        LogisticModel model = LogisticModel.fromBytes(stored);
        model.learn(TextFeatures.of(text, article), spam);
        save(model);
    }

    /** Replaces the model with one fitted on all these decisions. */
    @Transactional
    void replace(List<int[]> features, List<Boolean> labels) {
        jdbc.sql("SELECT version FROM spam_model WHERE id = 1 FOR UPDATE").query(Long.class).single();
        save(ModelTraining.fit(features, labels));
    }

    private void save(LogisticModel model) {
        jdbc.sql("UPDATE spam_model SET weights = :w, examples = :e, version = version + 1, updated_at = :at WHERE id = 1")
                .param("w", model.toBytes()).param("e", model.examples()).param("at", OffsetDateTime.now(clock)).update();
    }
}
