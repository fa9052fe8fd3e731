package org.broadsheet.comment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

@SpringBootTest(properties = {"spring.mail.host=127.0.0.1", "spring.mail.port=3025"})
class ModeratorMailTest {

    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP);

    @Autowired
    CommentService comments;
    @Autowired
    FormTokens tokens;
    @Autowired
    DiscussionSettings settings;
    @Autowired
    JdbcClient jdbc;

    @Test
    void moderatorsAreEmailedAboutACommentAwaitingModeration() throws Exception {
        settings.save(Map.of("hold_first_comment", "true", "moderator_emails", "desk@meridian.example\nnight@meridian.example"));
        long articleId = jdbc.sql("SELECT id FROM article WHERE slug = 'the-sanctions-ratchet'").query(Long.class).single();
        CommentService.Posted posted = comments.post(
                new CommentService.Target(articleId, CommentPostingTest.ARTICLE, "http://localhost" + CommentPostingTest.ARTICLE, "en", true),
                new CommentForm("Quinn", "quinn@example.net", "", "Please moderate me.", "",
                        tokens.issue(articleId, Instant.now().minusSeconds(60)), ""),
                new CommentService.Sender("198.51.100.9", "UA", "", null));
        assertThat(posted.status()).isEqualTo(CommentStatus.PENDING);
        assertThat(mail.waitForIncomingEmail(5000, 2)).isTrue();
        MimeMessage message = mail.getReceivedMessages()[0];
        assertThat(message.getSubject()).contains("awaiting moderation").contains("Quinn");
        assertThat((String) message.getContent()).contains("Please moderate me.").contains("/newsroom/comments/");
    }
}
