package org.broadsheet.comment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import org.broadsheet.account.AccountService;
import org.broadsheet.account.Role;
import org.broadsheet.account.StaffUser;
import org.broadsheet.article.ArticleService;
import org.broadsheet.testing.MailServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

@SpringBootTest
@Import(MailServer.class)
class ModeratorMailTest {

    @Autowired
    GreenMail mail;
    @Autowired
    CommentService comments;
    @Autowired
    FormTokens tokens;
    @Autowired
    DiscussionSettings settings;
    @Autowired
    AccountService accounts;
    @Autowired
    ArticleService articles;
    @Autowired
    JdbcClient jdbc;

    long articleId;

    @BeforeEach
    void setUp() {
        articleId = jdbc.sql("SELECT id FROM article WHERE slug = 'the-sanctions-ratchet'").query(Long.class).single();
    }

    void postHeldComment(String name, String text) {
        CommentService.Posted posted = comments.post(
                new CommentService.Target(articleId, CommentPostingTest.ARTICLE, "http://localhost" + CommentPostingTest.ARTICLE, "en", true),
                new CommentForm(name, name.toLowerCase() + System.nanoTime() + "@example.net", "", text, "",
                        tokens.issue(articleId, Instant.now().minusSeconds(60)), ""),
                new CommentService.Sender("198.51.100.9", "UA", "", null));
        assertThat(posted.status()).isEqualTo(CommentStatus.PENDING);
    }

    /** A staff account that writes as the article's n-th author. */
    StaffUser authorAccount(int n, String email) {
        StaffUser user = accounts.create(email, "Author " + n, "correct horse battery", Role.AUTHOR);
        accounts.linkAuthor(user.id(), articles.links(articleId).authorIds().get(n));
        return user;
    }

    MimeMessage[] to(String address) {
        return mail.getReceivedMessagesForDomain(address);
    }

    @Test
    void moderatorsAreEmailedAboutACommentAwaitingModeration() throws Exception {
        settings.save(Map.of("hold_first_comment", "true", "ip_per_hour", "0", "email_per_hour", "0", "notify_authors", "false",
                "moderator_emails", "desk@meridian.example\nnight@meridian.example"));
        postHeldComment("Quinn", "Please moderate me.");
        MailServer.await(mail, "desk@meridian.example", 1);
        MailServer.await(mail, "night@meridian.example", 1);
        MimeMessage message = to("night@meridian.example")[0];
        assertThat(message.getSubject()).contains("awaiting moderation").contains("Quinn");
        assertThat(GreenMailUtil.getBody(message)).contains("Please moderate me.")
                .containsPattern("Moderate it: https?://[^/\\s]+/newsroom/comments/\\?status=PENDING#c\\d+");
        // One message each: moderators do not see one another's addresses.
        assertThat(message.getAllRecipients()).hasSize(1);
        assertThat(to("desk@meridian.example")).hasSize(1);
    }

    @Test
    void theArticlesAuthorsAreEmailedTooWhenTheSettingIsOnAndSomeoneWhoIsBothGetsOneMessage() throws Exception {
        String both = "both" + System.nanoTime() + "@meridian.example";
        String author = "author" + System.nanoTime() + "@meridian.example";
        authorAccount(0, both);
        authorAccount(1, author);
        String moderator = "moderator" + System.nanoTime() + "@meridian.example";
        settings.save(Map.of("hold_first_comment", "true", "ip_per_hour", "0", "email_per_hour", "0",
                "moderator_emails", moderator + "\n" + both.toUpperCase(), "notify_authors", "false"));

        postHeldComment("Rhea", "A question for the authors, before approval.");
        MailServer.await(mail, moderator, 1);
        MailServer.await(mail, both, 1);
        assertThat(to(author)).isEmpty();
        assertThat(to(both)).hasSize(1);

        settings.save(Map.of("notify_authors", "true"));
        postHeldComment("Sven", "Another question for the authors.");
        MailServer.await(mail, moderator, 2);
        MailServer.await(mail, author, 1);
        MailServer.await(mail, both, 2);
        assertThat(to(author)).hasSize(1);
        assertThat(GreenMailUtil.getBody(to(author)[0])).contains("Another question for the authors.");
        assertThat(to(moderator)).hasSize(2);
        // A moderator who also wrote the article: one message per comment, not two.
        assertThat(to(both)).hasSize(2);
    }

    @Test
    void disabledAuthorAccountsAreNotEmailed() {
        String gone = "gone" + System.nanoTime() + "@meridian.example";
        StaffUser user = authorAccount(0, gone);
        StaffUser admin = accounts.create("admin" + System.nanoTime() + "@meridian.example", "Admin", "correct horse battery", Role.ADMINISTRATOR);
        accounts.setEnabled(user.id(), false, admin);
        settings.save(Map.of("hold_first_comment", "true", "ip_per_hour", "0", "email_per_hour", "0",
                "moderator_emails", "", "notify_authors", "true"));
        postHeldComment("Tove", "Nobody should hear of this one but the queue.");
        assertThat(to(gone)).isEmpty();
    }
}
