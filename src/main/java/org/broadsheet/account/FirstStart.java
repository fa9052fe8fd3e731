package org.broadsheet.account;

import java.io.PrintStream;

import org.broadsheet.support.BadRequestException;
import org.broadsheet.support.BroadsheetProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Makes sure someone can sign in, without a default password. With no accounts yet, the administrator is
 * created from {@code BROADSHEET_ADMIN_EMAIL} / {@code BROADSHEET_ADMIN_PASSWORD} (or the properties
 * {@code broadsheet.admin.email} / {@code broadsheet.admin.password}); without them a one-time set-up link,
 * valid for 24 hours, is printed to the console. Either way the console says how to sign in.
 */
@Component
class FirstStart {

    private static final Logger log = LoggerFactory.getLogger(FirstStart.class);

    private final AccountService accounts;
    private final BroadsheetProperties properties;
    private final Environment environment;

    FirstStart(AccountService accounts, BroadsheetProperties properties, Environment environment) {
        this.accounts = accounts;
        this.properties = properties;
        this.environment = environment;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ready() {
        if (properties.servingSite()) {
            announce(System.out);
        }
    }

    /** Creates the administrator or a set-up link as needed, and prints how to sign in. */
    void announce(PrintStream out) {
        String base = baseUrl();
        String email = environment.getProperty("broadsheet.admin.email", "").trim();
        String password = environment.getProperty("broadsheet.admin.password", "");
        if (!accounts.hasActiveAdministrator() && !email.isEmpty()) {
            try {
                accounts.createFirstAdministrator(email, null, password);
                log.info("Created the administrator account {} from the environment", email);
            } catch (BadRequestException e) {
                log.error("Could not create the administrator from BROADSHEET_ADMIN_EMAIL/PASSWORD: {}", e.getMessage());
            }
        }
        if (accounts.hasActiveAdministrator()) {
            String who = email.isEmpty() ? "your staff account" : AccountService.normalise(email);
            out.println();
            out.println("Broadsheet newsroom: sign in at " + base + "/newsroom/ as " + who);
            out.println();
            return;
        }
        String token = accounts.startSetUp();
        out.println();
        out.println("================================================================================");
        if (accounts.hasUsers()) {
            // A WordPress import's staff, disabled until invited: nobody can sign in to invite them.
            out.println("No administrator can sign in to Broadsheet yet (the staff accounts here wait for");
            out.println("an invitation). To create the administrator, or to become the one of these");
            out.println("accounts with your address, open this one-time set-up link within 24 hours:");
        } else {
            out.println("Broadsheet has no staff accounts yet. To create the administrator, open this");
            out.println("one-time set-up link within 24 hours:");
        }
        out.println();
        out.println("    " + base + "/newsroom/set-up?token=" + token);
        out.println();
        out.println("(Or restart with BROADSHEET_ADMIN_EMAIL and BROADSHEET_ADMIN_PASSWORD set.)");
        out.println("================================================================================");
        out.println();
    }

    private String baseUrl() {
        if (!properties.baseUrl().isEmpty()) {
            return properties.baseUrl();
        }
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        return "http://localhost:" + port;
    }
}
