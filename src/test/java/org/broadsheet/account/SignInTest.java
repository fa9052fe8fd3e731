package org.broadsheet.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import jakarta.servlet.http.Cookie;
import org.broadsheet.testing.MailServer;
import org.broadsheet.testing.MutableClock;
import org.broadsheet.testing.MutableClockConfig;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@SpringBootTest
@AutoConfigureMockMvc
@Import({MutableClockConfig.class, MailServer.class})
class SignInTest {

    @Autowired
    GreenMail mail;
    @Autowired
    MockMvc mvc;
    @Autowired
    AccountService accounts;
    @Autowired
    MutableClock clock;
    @Autowired
    FirstStart firstStart;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private static final String PASSWORD = "correct horse battery";
    private static int address = 1;

    private StaffUser someone(Role role) {
        return accounts.create("user" + System.nanoTime() + "@example.org", "Someone", PASSWORD, role);
    }

    private static MockHttpServletRequestBuilder signIn(String email, String password, String ip) {
        return post("/newsroom/sign-in").param("email", email).param("password", password).with(csrf())
                .with(r -> {
                    r.setRemoteAddr(ip);
                    return r;
                });
    }

    private static String newAddress() {
        return "10.0.0." + (address++);
    }

    @Test
    void signInPageHasAFormWithItsCsrfField() throws Exception {
        Document page = Jsoup.parse(mvc.perform(get("/newsroom/sign-in")).andReturn().getResponse().getContentAsString());
        assertThat(page.select("form[action=/newsroom/sign-in] input[name=email]")).hasSize(1);
        assertThat(page.select("form[action=/newsroom/sign-in] input[type=hidden][name=_csrf]").attr("value")).isNotBlank();
    }

    @Test
    void newsroomSendsStrangersToTheSignInPage() throws Exception {
        MvcResult r = mvc.perform(get("/newsroom/articles/")).andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(302);
        assertThat(r.getResponse().getRedirectedUrl()).endsWith("/newsroom/sign-in");
    }

    @Test
    void rightPasswordSignsInWithANewSessionId() throws Exception {
        StaffUser u = someone(Role.AUTHOR);
        // The sign-in form keeps its CSRF token in a (database) session: the id a visitor had before signing in.
        Cookie before = mvc.perform(get("/newsroom/sign-in")).andReturn().getResponse().getCookie("SESSION");
        assertThat(before).as("the sign-in form starts a session").isNotNull();
        MvcResult r = mvc.perform(signIn(u.email(), PASSWORD, newAddress()).cookie(before)).andReturn();
        assertThat(r.getResponse().getRedirectedUrl()).isEqualTo("/newsroom/");
        Cookie after = r.getResponse().getCookie("SESSION");
        assertThat(after).as("signing in issues a new session id").isNotNull();
        assertThat(after.getValue()).isNotEqualTo(before.getValue());
        assertThat(mvc.perform(get("/newsroom/articles/").cookie(after)).andReturn().getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    void aChangedRoleOrDisabledAccountSignsThePersonOutButAnUnchangedSaveDoesNot() throws Exception {
        StaffUser admin = someone(Role.ADMINISTRATOR);
        StaffUser writer = someone(Role.AUTHOR);
        Cookie session = mvc.perform(signIn(writer.email(), PASSWORD, newAddress())).andReturn().getResponse().getCookie("SESSION");
        assertThat(mvc.perform(get("/newsroom/articles/").cookie(session)).andReturn().getResponse().getStatus()).isEqualTo(200);

        accounts.changeRole(writer.id(), Role.AUTHOR, admin);
        accounts.setEnabled(writer.id(), true, admin);
        assertThat(mvc.perform(get("/newsroom/articles/").cookie(session)).andReturn().getResponse().getStatus())
                .as("saving the same role keeps the session").isEqualTo(200);

        accounts.changeRole(writer.id(), Role.EDITOR, admin);
        MvcResult after = mvc.perform(get("/newsroom/articles/").cookie(session)).andReturn();
        assertThat(after.getResponse().getRedirectedUrl()).as("a new role: sign in again").endsWith("/newsroom/sign-in");

        Cookie again = mvc.perform(signIn(writer.email(), PASSWORD, newAddress())).andReturn().getResponse().getCookie("SESSION");
        accounts.setEnabled(writer.id(), false, admin);
        assertThat(mvc.perform(get("/newsroom/articles/").cookie(again)).andReturn().getResponse().getRedirectedUrl())
                .as("a disabled account is signed out at once").endsWith("/newsroom/sign-in");
    }

    @Test
    void wrongPasswordAndUnknownAccountGetTheSameGenericMessage() throws Exception {
        StaffUser u = someone(Role.AUTHOR);
        String ip = newAddress();
        String wrong = mvc.perform(signIn(u.email(), "not the password", ip)).andReturn().getResponse().getRedirectedUrl();
        String unknown = mvc.perform(signIn("nobody@example.org", "whatever-else", ip)).andReturn().getResponse().getRedirectedUrl();
        assertThat(wrong).isEqualTo("/newsroom/sign-in?error=1").isEqualTo(unknown);
        Document page = Jsoup.parse(mvc.perform(get(wrong)).andReturn().getResponse().getContentAsString());
        assertThat(page.select("[role=alert]").text()).as(page.html()).isEqualTo(ThrottledAuthentication.GENERIC_FAILURE);
    }

    @Test
    void anAbsurdlyLongEmailIsAFailedSignInNotA500() throws Exception {
        MvcResult r = mvc.perform(signIn("e".repeat(10_000) + "@example.org", "whatever", newAddress())).andReturn();
        assertThat(r.getResponse().getRedirectedUrl()).isEqualTo("/newsroom/sign-in?error=1");
    }

    @Test
    void repeatedFailuresMakeTheAccountWaitLongerEachTime() throws Exception {
        StaffUser u = someone(Role.EDITOR);
        for (int i = 0; i < SignInThrottle.FREE_ATTEMPTS_PER_ACCOUNT; i++) {
            mvc.perform(signIn(u.email(), "guess " + i, newAddress()));
        }
        // Even the right password, from yet another address, waits now.
        MvcResult refused = mvc.perform(signIn(u.email(), PASSWORD, newAddress())).andReturn();
        assertThat(refused.getResponse().getRedirectedUrl()).startsWith("/newsroom/sign-in?wait=");
        Document page = Jsoup.parse(mvc.perform(get(refused.getResponse().getRedirectedUrl())).andReturn().getResponse().getContentAsString());
        assertThat(page.select("[role=alert]").text()).startsWith("Too many failed attempts. Wait");

        clock.advance(SignInThrottle.FIRST_DELAY.plusSeconds(1));
        mvc.perform(signIn(u.email(), "another guess", newAddress()));
        clock.advance(SignInThrottle.FIRST_DELAY.plusSeconds(1));
        assertThat(mvc.perform(signIn(u.email(), PASSWORD, newAddress())).andReturn().getResponse().getRedirectedUrl())
                .as("the second delay is longer than the first").startsWith("/newsroom/sign-in?wait=");
        clock.advance(Duration.ofMinutes(1));
        assertThat(mvc.perform(signIn(u.email(), PASSWORD, newAddress())).andReturn().getResponse().getRedirectedUrl())
                .isEqualTo("/newsroom/");
    }

    @Test
    void formWithoutCsrfTokenIsRefusedWithAnExplanation() throws Exception {
        StaffUser u = someone(Role.ADMINISTRATOR);
        MvcResult r = mvc.perform(post("/newsroom/users/invite").param("email", "x@example.org").with(user(u))).andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(403);
        assertThat(r.getResponse().getForwardedUrl()).isEqualTo("/newsroom/form-expired");
        MvcResult shown = mvc.perform(post("/newsroom/form-expired").with(csrf())).andReturn();
        assertThat(shown.getResponse().getStatus()).isEqualTo(403);
        Document page = Jsoup.parse(shown.getResponse().getContentAsString());
        assertThat(page.select("h1").text()).isEqualTo("This form has expired");
        assertThat(accounts.byEmail("x@example.org")).isEmpty();
    }

    @Test
    void commentPostsNeedNoSessionTokenButOtherPublicPostsDo() throws Exception {
        assertThat(mvc.perform(post("/2026/01/02/some-article/comments")).andReturn().getResponse().getStatus()).isNotEqualTo(403);
        assertThat(mvc.perform(post("/2026/01/02/some-article/")).andReturn().getResponse().getStatus()).isEqualTo(403);
    }

    @Test
    void commentModerationIsForEditorsAndAdministrators() throws Exception {
        assertThat(mvc.perform(get("/newsroom/comments/").with(user(someone(Role.AUTHOR)))).andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(mvc.perform(get("/newsroom/comments/").with(user(someone(Role.EDITOR)))).andReturn().getResponse().getStatus()).isNotEqualTo(403);
    }

    @Test
    void passwordResetArrivesByEmailAndWorksOnce() throws Exception {
        StaffUser u = someone(Role.AUTHOR);
        mvc.perform(post("/newsroom/forgot-password").param("email", u.email().toUpperCase()).with(csrf()));
        MimeMessage message = MailServer.await(mail, u.email(), 1)[0];
        String link = linkIn(GreenMailUtil.getBody(message), "/newsroom/reset-password\\?token=[A-Za-z0-9_-]+");
        String token = link.substring(link.indexOf("token=") + 6);
        assertThat(mvc.perform(get(link)).andReturn().getResponse().getStatus()).isEqualTo(200);
        mvc.perform(post("/newsroom/reset-password").param("token", token).param("password", "a brand new password").with(csrf()));
        assertThat(mvc.perform(signIn(u.email(), "a brand new password", newAddress())).andReturn().getResponse().getRedirectedUrl())
                .isEqualTo("/newsroom/");
        MvcResult again = mvc.perform(post("/newsroom/reset-password").param("token", token).param("password", "yet another password").with(csrf())).andReturn();
        assertThat(again.getResponse().getStatus()).isEqualTo(400);
    }

    @Test
    void resetForUnknownAddressLooksTheSameAndSendsNothing() throws Exception {
        Document page = Jsoup.parse(mvc.perform(post("/newsroom/forgot-password").param("email", "stranger@example.org").with(csrf()))
                .andReturn().getResponse().getContentAsString());
        assertThat(page.select("h1").text()).isEqualTo("Check your email");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE recipient LIKE 'stranger%'").query(Long.class).single())
                .as("nothing queued for an address without an account").isZero();
    }

    @Test
    void invitedStaffChooseTheirPasswordAndSignInWithTheRoleGiven() throws Exception {
        StaffUser admin = someone(Role.ADMINISTRATOR);
        String email = "new" + System.nanoTime() + "@example.org";
        mvc.perform(post("/newsroom/users/invite").param("email", email).param("role", "EDITOR").with(user(admin)).with(csrf()));
        String link = linkIn(GreenMailUtil.getBody(MailServer.await(mail, email, 1)[0]), "/newsroom/invitation\\?token=[A-Za-z0-9_-]+");
        String token = link.substring(link.indexOf("token=") + 6);
        mvc.perform(post("/newsroom/invitation").param("token", token).param("name", "Nadia Editor")
                .param("password", "invited password 1").with(csrf()));
        assertThat(mvc.perform(signIn(email, "invited password 1", newAddress())).andReturn().getResponse().getRedirectedUrl())
                .isEqualTo("/newsroom/");
        assertThat(accounts.byEmail(email).orElseThrow().role()).isEqualTo(Role.EDITOR);
        assertThat(accounts.byEmail(email).orElseThrow().displayName()).isEqualTo("Nadia Editor");
    }

    @Test
    void nonAdministratorsCannotSeeOrInviteUsers() throws Exception {
        StaffUser editor = someone(Role.EDITOR);
        assertThat(mvc.perform(get("/newsroom/users/").with(user(editor))).andReturn().getResponse().getStatus()).isEqualTo(403);
        mvc.perform(post("/newsroom/users/invite").param("email", "sneaky@example.org").param("role", "ADMINISTRATOR")
                .with(user(editor)).with(csrf()));
        assertThat(accounts.byEmail("sneaky@example.org")).isEmpty();
    }

    @Test
    void setUpLinkPrintedAtStartCreatesTheAdministratorOnlyWhileThereAreNoUsers() throws Exception {
        // This context already has users from other tests; a set-up link is refused then.
        String token = accounts.startSetUp();
        MvcResult r = mvc.perform(post("/newsroom/set-up").param("token", token).param("email", "root@example.org")
                .param("name", "Root").param("password", "long enough password").with(csrf())).andReturn();
        if (accounts.hasUsers() && accounts.byEmail("root@example.org").isEmpty()) {
            assertThat(r.getResponse().getStatus()).isEqualTo(400);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        firstStart.announce(new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("sign in at http://localhost:");
    }

    @Test
    void administratorLinksAnAccountToItsAuthorProfileAndChangesItsRole() throws Exception {
        StaffUser admin = someone(Role.ADMINISTRATOR);
        StaffUser writer = someone(Role.CONTRIBUTOR);
        Document page = Jsoup.parse(mvc.perform(get("/newsroom/users/").with(user(admin))).andReturn().getResponse().getContentAsString());
        String authorId = page.select("tr[data-user-id=" + writer.id() + "] select[name=authorId] option").get(1).val();
        mvc.perform(post("/newsroom/users/" + writer.id()).param("role", "AUTHOR").param("enabled", "true")
                .param("authorId", authorId).with(user(admin)).with(csrf()));
        StaffUser changed = accounts.find(writer.id()).orElseThrow();
        assertThat(changed.role()).isEqualTo(Role.AUTHOR);
        assertThat(changed.authorId()).isEqualTo(Long.valueOf(authorId));
        mvc.perform(post("/newsroom/users/" + writer.id()).param("role", "AUTHOR").with(user(admin)).with(csrf()));
        assertThat(accounts.find(writer.id()).orElseThrow().isEnabled()).isFalse();
    }

    @Test
    void anAccountChangeWithAnAuthorProfileThatDoesNotExistChangesNothing() throws Exception {
        StaffUser admin = someone(Role.ADMINISTRATOR);
        StaffUser writer = someone(Role.CONTRIBUTOR);
        MvcResult r = mvc.perform(post("/newsroom/users/" + writer.id()).param("role", "EDITOR")
                .param("authorId", "999999").with(user(admin)).with(csrf())).andReturn();
        assertThat(java.net.URLDecoder.decode(r.getResponse().getRedirectedUrl(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("error=There is no such author profile.");
        StaffUser after = accounts.find(writer.id()).orElseThrow();
        assertThat(after.role()).isEqualTo(Role.CONTRIBUTOR);
        assertThat(after.isEnabled()).isTrue();
    }

    static String linkIn(String body, String pattern) {
        Matcher m = Pattern.compile(pattern).matcher(body.replace("=\r\n", "").replace("=3D", "="));
        assertThat(m.find()).as("link in %s", body).isTrue();
        return m.group();
    }
}
