package org.broadsheet.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A fresh installation without BROADSHEET_ADMIN_*: the console shows a set-up link, which works once. The
 * property gives this class a context (and an empty database) of its own.
 */
@SpringBootTest(properties = "broadsheet.test.fresh-installation=true")
@AutoConfigureMockMvc
class FirstStartTest {

    @Autowired
    FirstStart firstStart;
    @Autowired
    AccountService accounts;
    @Autowired
    MockMvc mvc;

    @Test
    void printsASetUpLinkThatCreatesTheAdministratorOnce() throws Exception {
        assertThat(accounts.hasUsers()).isFalse();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        firstStart.announce(new PrintStream(out, true, StandardCharsets.UTF_8));
        Matcher m = Pattern.compile("/newsroom/set-up\\?token=([A-Za-z0-9_-]+)").matcher(out.toString(StandardCharsets.UTF_8));
        assertThat(m.find()).isTrue();
        String token = m.group(1);
        assertThat(mvc.perform(get("/newsroom/set-up").param("token", token)).andReturn().getResponse().getStatus()).isEqualTo(200);

        assertThat(mvc.perform(post("/newsroom/set-up").param("token", token).param("email", "chief@example.org")
                .param("name", "Chief").param("password", "short").with(csrf())).andReturn().getResponse().getStatus())
                .as("a too-short password is refused, and the link still works").isEqualTo(400);
        String done = mvc.perform(post("/newsroom/set-up").param("token", token).param("email", "chief@example.org")
                .param("name", "Chief").param("password", "a long enough password").with(csrf())).andReturn().getResponse().getRedirectedUrl();
        assertThat(done).isEqualTo("/newsroom/sign-in?ready=1");
        assertThat(accounts.byEmail("chief@example.org").orElseThrow().role()).isEqualTo(Role.ADMINISTRATOR);
        assertThat(mvc.perform(post("/newsroom/set-up").param("token", token).param("email", "other@example.org")
                .param("name", "Other").param("password", "a long enough password").with(csrf())).andReturn().getResponse().getStatus())
                .isEqualTo(400);
        assertThat(accounts.byEmail("other@example.org")).isEmpty();
    }

    @Test
    void expiredOrUnknownSetUpLinkSaysSo() throws Exception {
        String body = mvc.perform(get("/newsroom/set-up").param("token", "made-up")).andReturn().getResponse().getContentAsString();
        assertThat(org.jsoup.Jsoup.parse(body).select("[role=alert]").text()).contains("expired");
    }
}
