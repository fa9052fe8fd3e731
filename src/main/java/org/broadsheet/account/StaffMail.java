package org.broadsheet.account;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Sends the newsroom's emails (invitations, password resets, "submitted for review"). Without
 * {@code spring.mail.host} there is no mail server: the message is written to the log instead, so that
 * a single-person installation still works. A failing mail server never fails the action that sent it.
 */
@Component
public class StaffMail {

    private static final Logger log = LoggerFactory.getLogger(StaffMail.class);

    private final ObjectProvider<JavaMailSender> sender;
    private final String from;

    StaffMail(ObjectProvider<JavaMailSender> sender,
              @org.springframework.beans.factory.annotation.Value("${broadsheet.mail-from:newsroom@localhost}") String from) {
        this.sender = sender;
        this.from = from;
    }

    /** Sends one plain-text message to each recipient; true when a mail server accepted all of them. */
    public boolean send(List<String> to, String subject, String text) {
        JavaMailSender mail = sender.getIfAvailable();
        if (mail == null) {
            log.info("No mail server configured (spring.mail.host); message to {}:\n{}\n{}", to, subject, text);
            return false;
        }
        try {
            for (String recipient : to) {
                SimpleMailMessage message = new SimpleMailMessage();
                message.setFrom(from);
                message.setTo(recipient);
                message.setSubject(subject);
                message.setText(text);
                mail.send(message);
            }
            return true;
        } catch (MailException e) {
            log.warn("Could not send \"{}\" to {}: {}", subject, to, e.getMessage());
            return false;
        }
    }
}
