package org.broadsheet.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A site made by importing a WordPress export: its staff arrive as disabled accounts without passwords, to be
 * invited. Nobody can sign in to invite them, so the owner must still get the set-up link, and their own address
 * (usually among the imported ones) must become the administrator. The property gives this class a context and
 * an empty database of its own.
 */
@SpringBootTest(properties = "broadsheet.test.imported-staff-installation=true")
@AutoConfigureMockMvc
class ImportedStaffFirstStartTest {

    private static final Pattern SET_UP_LINK = Pattern.compile("/newsroom/set-up\\?token=([A-Za-z0-9_-]+)");

    @Autowired
    FirstStart firstStart;
    @Autowired
    AccountService accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    MockMvc mvc;

    @Test
    void theOwnerOfAnImportedSiteGetsTheSetUpLinkAndBecomesTheirImportedAccount() throws Exception {
        // As the WordPress import writes them (migrate/ImportStore.insertInvitedUser).
        invited("owner@example.org", "Olga Owner", "ADMINISTRATOR");
        invited("writer@example.org", "Walter Writer", "AUTHOR");
        assertThat(accounts.hasUsers()).isTrue();

        String console = announce();
        assertThat(console).doesNotContain("sign in at").contains("wait for");
        Matcher link = SET_UP_LINK.matcher(console);
        assertThat(link.find()).as("a set-up link on the console: %s", console).isTrue();
        String token = link.group(1);

        String form = mvc.perform(get("/newsroom/set-up").param("token", token)).andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(form).select("form input[name=password]")).as("the set-up form, not 'already set up'").isNotEmpty();

        String done = mvc.perform(post("/newsroom/set-up").param("token", token).param("email", "Owner@Example.org")
                .param("name", "").param("password", "a long enough password").with(csrf()))
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(done).isEqualTo("/newsroom/sign-in?ready=1");

        StaffUser owner = accounts.byEmail("owner@example.org").orElseThrow();
        assertThat(owner.role()).isEqualTo(Role.ADMINISTRATOR);
        assertThat(owner.isEnabled()).isTrue();
        assertThat(encoder.matches("a long enough password", owner.getPassword())).isTrue();
        assertThat(jdbc.sql("SELECT display_name FROM app_user WHERE email = 'owner@example.org'").query(String.class).single())
                .as("the imported account keeps its name").isEqualTo("Olga Owner");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM app_user").query(Long.class).single()).as("no second account").isEqualTo(2);
        assertThat(accounts.byEmail("writer@example.org").orElseThrow().isEnabled()).as("the others still wait").isFalse();

        assertThat(announce()).contains("sign in at").doesNotContain("set-up?token=");
        assertThat(mvc.perform(post("/newsroom/set-up").param("token", accounts.startSetUp()).param("email", "writer@example.org")
                .param("name", "").param("password", "a long enough password").with(csrf())).andReturn().getResponse().getStatus())
                .as("once an administrator can sign in, no set-up link takes another account").isEqualTo(400);
        assertThat(accounts.byEmail("writer@example.org").orElseThrow().isEnabled()).isFalse();
    }

    private void invited(String email, String name, String role) {
        jdbc.sql("""
                INSERT INTO app_user (email, display_name, password_hash, role, enabled, author_id, created_at)
                VALUES (:e, :n, NULL, :r, FALSE, NULL, :now)""")
                .param("e", email).param("n", name).param("r", role).param("now", OffsetDateTime.now()).update();
    }

    private String announce() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        firstStart.announce(new PrintStream(out, true, StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }
}
