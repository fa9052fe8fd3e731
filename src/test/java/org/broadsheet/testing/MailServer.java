package org.broadsheet.testing;

import com.icegreen.greenmail.util.GreenMail;
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
 * up across the tests that share it; look them up by recipient ({@code getReceivedMessagesForDomain(address)}).
 */
@TestConfiguration(proxyBeanMethods = false)
public class MailServer {

    @Bean(destroyMethod = "stop")
    GreenMail greenMail() {
        GreenMail server = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        server.start();
        return server;
    }

    @Bean
    JavaMailSender mailSender(GreenMail server) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(server.getSmtp().getPort());
        return sender;
    }
}
