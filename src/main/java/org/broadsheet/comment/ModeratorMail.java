package org.broadsheet.comment;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Emails the moderators named in the discussion settings about a comment awaiting moderation. Without a mail
 * server configured ({@code spring.mail.host}) it does nothing; a failure to send is logged, never fatal.
 */
@Component
class ModeratorMail {

    private static final Logger log = LoggerFactory.getLogger(ModeratorMail.class);

    private final ObjectProvider<JavaMailSender> sender;
    private final String from;
    private final String baseUrl;

    ModeratorMail(ObjectProvider<JavaMailSender> sender,
                  @Value("${broadsheet.mail.from:broadsheet@localhost}") String from,
                  @Value("${broadsheet.base-url:}") String baseUrl) {
        this.sender = sender;
        this.from = from;
        this.baseUrl = baseUrl;
    }

    void awaitingModeration(long id, CommentService.Target target, String name, String text, DiscussionSettings.Settings s) {
        JavaMailSender mail = sender.getIfAvailable();
        if (mail == null || s.moderatorEmails().isEmpty()) {
            return;
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(s.moderatorEmails().toArray(String[]::new));
        message.setSubject("Comment awaiting moderation: " + name);
        message.setText(name + " commented on " + target.absoluteUrl() + "\n\n" + text
                + "\n\nModerate it: " + baseUrl + "/newsroom/comments/?status=PENDING#c" + id + "\n");
        try {
            mail.send(message);
        } catch (MailException e) {
            log.warn("Could not email moderators about comment {}: {}", id, e.getMessage());
        }
    }
}
