package org.broadsheet.change;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.context.annotation.Import;

/** Runs on H2 here and on PostgreSQL in {@link ChangeLogRepositoryPostgresTest}. */
@JdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import(ChangeLogRepository.class)
class ChangeLogRepositoryTest {

    private static final OffsetDateTime T = OffsetDateTime.of(2026, 11, 25, 12, 0, 0, 0, ZoneOffset.UTC);

    @Autowired
    ChangeLogRepository repository;

    @Test
    void appendsRowsInSequenceAndReadsThemBackAfterAPosition() {
        long start = repository.maxSeq();
        long first = repository.append("article", 7, 7L, "UPDATED", "node-a", T);
        long second = repository.append("comment", 3, 7L, "UPDATED", "node-b", T.plusSeconds(1));
        assertThat(second).isGreaterThan(first);
        assertThat(repository.maxSeq()).isEqualTo(second);

        List<ContentChanged> rows = repository.after(start, 10);
        assertThat(rows).extracting(ContentChanged::seq).containsExactly(first, second);
        ContentChanged comment = rows.get(1);
        assertThat(comment.entity()).isEqualTo("comment");
        assertThat(comment.entityId()).isEqualTo(3);
        assertThat(comment.articleId()).isEqualTo(7L);
        assertThat(comment.nodeId()).isEqualTo("node-b");
        assertThat(comment.createdAt().toInstant()).isEqualTo(T.plusSeconds(1).toInstant());
        assertThat(repository.after(first, 10)).extracting(ContentChanged::seq).containsExactly(second);
        assertThat(repository.after(start, 1)).hasSize(1);
    }

    @Test
    void pruningRemovesOnlyOldRows() {
        repository.append("article", 1, 1L, "DELETED", "node-a", T.minusDays(30));
        long recent = repository.append("article", 2, 2L, "UPDATED", "node-a", T);
        assertThat(repository.deleteBefore(T.minusDays(7))).isGreaterThanOrEqualTo(1);
        assertThat(repository.after(0, 100)).extracting(ContentChanged::seq).contains(recent)
                .allMatch(seq -> seq > 0);
        assertThat(repository.after(0, 100)).noneMatch(r -> r.createdAt().isBefore(T.minusDays(7)));
    }
}
