package org.broadsheet.testing;

import java.time.Duration;
import java.time.Instant;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * A GreenMail SMTP server on a free port and the application's mail sender pointed at it:
 * {@code @Import(MailServer.class)} and {@code @Autowired GreenMail mail}. (A sender bean rather than
 * {@code spring.mail.host}, because Spring Boot decides whether to make one before a test could set that
 * property from the server's port.) The server lives as long as the test's application context, so messages pile
 * up across the tests that share it; look them up by recipient ({@link #await(GreenMail, String, int)}).
 */
@TestConfiguration(proxyBeanMethods = false)
public class MailServer {

    @Bean(destroyMethod = "stop")
    GreenMail greenMail() {
        GreenMail server = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        server.start();
        return server;
    }

    /**
     * The messages received for one address, once there are at least {@code count}: mail leaves from the outbox
     * on its own thread after the action commits, so it arrives a moment after the request that sent it.
     * Gives up after ten seconds and returns what arrived, for the test's assertion to report.
     */
    public static MimeMessage[] await(GreenMail mail, String address, int count) {
        Instant until = Instant.now().plus(Duration.ofSeconds(10));
        MimeMessage[] received = mail.getReceivedMessagesForDomain(address);
        while (received.length < count && Instant.now().isBefore(until)) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            received = mail.getReceivedMessagesForDomain(address);
        }
        return received;
    }

    @Bean
    JavaMailSender mailSender(GreenMail server) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(server.getSmtp().getPort());
        return sender;
    }
}
