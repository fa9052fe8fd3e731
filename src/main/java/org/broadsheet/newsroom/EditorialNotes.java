package org.broadsheet.newsroom;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

import org.broadsheet.account.StaffUser;
import org.broadsheet.support.BadRequestException;
import org.broadsheet.support.Rows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The staff's thread of notes on an article: the editor's review before it goes out. Never public. */
@Service
class EditorialNotes {

    private final JdbcClient jdbc;
    private final Clock clock;

    EditorialNotes(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    List<EditorialNote> of(long articleId) {
        return jdbc.sql("SELECT id, author_name, body, created_at FROM editorial_note WHERE article_id = :a ORDER BY id")
                .param("a", articleId).query(Rows.of(EditorialNote.class)).list();
    }

    void add(long articleId, StaffUser by, String body) {
        String text = body == null ? "" : body.strip();
        if (text.isEmpty()) {
            throw new BadRequestException("The note is empty.");
        }
        if (text.length() > 10_000) {
            throw new BadRequestException("A note may be at most 10,000 characters long.");
        }
        jdbc.sql("INSERT INTO editorial_note (article_id, user_id, author_name, body, created_at) VALUES (:a, :u, :n, :b, :t)")
                .param("a", articleId).param("u", by.id()).param("n", by.displayName()).param("b", text)
                .param("t", OffsetDateTime.now(clock)).update();
    }
}
