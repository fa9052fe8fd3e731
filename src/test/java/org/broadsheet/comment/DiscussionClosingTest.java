package org.broadsheet.comment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import org.broadsheet.change.ChangeLog;
import org.broadsheet.support.ReadMostlyCaches;
import org.broadsheet.testing.ChangeLogs;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/** A discussion that closes by the calendar leaves the page cache, so that its form goes from the article page. */
@SpringBootTest
@AutoConfigureMockMvc
class DiscussionClosingTest {

    static final String ARTICLE = CommentPostingTest.ARTICLE;

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DiscussionSettings settings;
    @Autowired
    CommentRepository repository;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    ReadMostlyCaches caches;
    @Autowired
    ChangeLog changeLog;

    String formToken() throws Exception {
        return Jsoup.parse(mvc.perform(get(ARTICLE)).andReturn().getResponse().getContentAsString())
                .selectFirst("form.comment-form input[name=token]").val();
    }

    /** The job as it runs at {@code now} with discussions closing after {@code days} days. */
    DiscussionClosing closingAt(OffsetDateTime now, int days) {
        DiscussionSettings.Settings base = settings.current();
        DiscussionSettings.Settings closing = new DiscussionSettings.Settings(base.openByDefault(), days,
                base.holdFirstComment(), base.holdAll(), base.maxLinks(), base.maxDepth(), base.perPage(),
                base.newestFirst(), base.ipPerHour(), base.emailPerHour(), base.retentionDays(), base.disallowedWords(),
                base.disallowedIps(), base.disallowedEmails(), base.moderatorEmails(), base.notifyAuthors());
        DiscussionSettings fixed = new DiscussionSettings(jdbc, events, caches) {
            @Override
            public Settings current() {
                return closing;
            }
        };
        return new DiscussionClosing(repository, fixed, events, transactions, Clock.fixed(now.toInstant(), ZoneOffset.UTC));
    }

    @Test
    void anArticlePageIsRenderedAnewWhenItsDiscussionCloses() throws Exception {
        settings.save(Map.of("close_after_days", "0"));
        ChangeLogs.settle(changeLog);   // the save comes back through the change log and empties the page cache
        long articleId = jdbc.sql("SELECT id FROM article WHERE slug = 'the-sanctions-ratchet'").query(Long.class).single();
        OffsetDateTime published = jdbc.sql("SELECT published_at FROM article WHERE id = :id").param("id", articleId)
                .query(OffsetDateTime.class).single();
        String cached = formToken();
        assertThat(formToken()).as("served from the page cache").isEqualTo(cached);

        // A day before it closes nothing happens; the minute after, the page is dropped and made again.
        assertThat(closingAt(published.plusMinutes(1), 1).closeDue()).doesNotContain(articleId);
        assertThat(formToken()).isEqualTo(cached);
        assertThat(closingAt(published.plusDays(1).plusMinutes(1), 1).closeDue()).contains(articleId);
        assertThat(formToken()).as("rendered anew").isNotEqualTo(cached);
    }
}
