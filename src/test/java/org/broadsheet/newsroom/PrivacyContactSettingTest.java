package org.broadsheet.newsroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.broadsheet.account.AccountService;
import org.broadsheet.account.Role;
import org.broadsheet.account.StaffUser;
import org.broadsheet.change.ChangeLog;
import org.broadsheet.site.SiteSettings;
import org.broadsheet.testing.ChangeLogs;
import org.broadsheet.testing.Html;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The privacy contact: set by administrators on the settings page, named by the privacy page to every reader. */
@SpringBootTest
@AutoConfigureMockMvc
class PrivacyContactSettingTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    AccountService accounts;
    @Autowired
    SiteSettings settings;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ChangeLog changeLog;

    @BeforeEach
    void unset() throws InterruptedException {
        settings.put(SiteSettings.PRIVACY_CONTACT, "");
        settle();
    }

    @AfterEach
    void leaveUnset() {
        settings.put(SiteSettings.PRIVACY_CONTACT, "");
    }

    private StaffUser staff(Role role) {
        return accounts.create(role.name().toLowerCase() + System.nanoTime() + "@example.org", role.label(), "a long enough password", role);
    }

    /** The settings form as it stands, with the privacy contact changed: only that field is under test. */
    private MockHttpServletRequestBuilder save(String privacyContact) {
        return save(privacyContact, settings.current().tagline());
    }

    private MockHttpServletRequestBuilder save(String privacyContact, String tagline) {
        SiteSettings.Settings s = settings.current();
        return post("/newsroom/settings/").param("title", s.title()).param("tagline", tagline).param("language", s.language())
                .param("timeZone", s.timeZone().getId()).param("perPage", String.valueOf(s.articlesPerPage()))
                .param("privacyContact", privacyContact).with(csrf());
    }

    private void settle() throws InterruptedException {
        ChangeLogs.settle(changeLog);
    }

    @Test
    void anAdministratorSetsAnEmailAddressAndThePrivacyPageLinksIt() throws Exception {
        StaffUser admin = staff(Role.ADMINISTRATOR);
        MvcResult saved = mvc.perform(save(" privacy@meridian.example ").with(user(admin))).andReturn();
        assertThat(saved.getResponse().getRedirectedUrl()).startsWith("/newsroom/settings/?notice=");
        assertThat(settings.current().privacyContact().text()).isEqualTo("privacy@meridian.example");

        Document form = Jsoup.parse(mvc.perform(get("/newsroom/settings/").with(user(admin))).andReturn().getResponse().getContentAsString());
        assertThat(form.getElementById("privacyContact").val()).isEqualTo("privacy@meridian.example");
        assertThat(form.getElementById("privacyContact-unset")).isNull();

        Element contact = Html.get(mvc, "/privacy/").getElementById("privacy-contact");
        assertThat(contact.text()).isEqualTo("To see, correct or erase what we keep about you, write to privacy@meridian.example.");
        assertThat(contact.select("a[href]")).singleElement()
                .satisfies(a -> assertThat(a.attr("href")).isEqualTo("mailto:privacy@meridian.example"))
                .satisfies(a -> assertThat(a.text()).isEqualTo("privacy@meridian.example"));
    }

    @Test
    void aPostalAddressIsShownAsTextAndEscaped() throws Exception {
        StaffUser admin = staff(Role.ADMINISTRATOR);
        mvc.perform(save("The <b>Data Protection</b> Officer,\n1 Fleet Street, London").with(user(admin)));
        Document privacy = Html.get(mvc, "/privacy/");
        Element contact = privacy.getElementById("privacy-contact");
        assertThat(contact.text()).isEqualTo("To see, correct or erase what we keep about you, write to "
                + "The <b>Data Protection</b> Officer, 1 Fleet Street, London.");
        assertThat(contact.select("a, b")).isEmpty();
    }

    @Test
    void unsetThePageSendsReadersToTheEditorsAndTheSettingsPageAsksForAnAddress() throws Exception {
        Element contact = Html.get(mvc, "/privacy/").getElementById("privacy-contact");
        assertThat(contact.text()).isEqualTo("To see, correct or erase what we keep about you, write to the editors of "
                + settings.current().title() + ".");
        assertThat(contact.select("a")).isEmpty();

        Document form = Jsoup.parse(mvc.perform(get("/newsroom/settings/").with(user(staff(Role.ADMINISTRATOR))))
                .andReturn().getResponse().getContentAsString());
        assertThat(form.getElementById("privacyContact").val()).isEmpty();
        assertThat(form.getElementById("privacyContact-unset").text()).startsWith("Not set:");
    }

    @Test
    void aMalformedAddressIsRefusedAndTheFormKeepsWhatWasTyped() throws Exception {
        StaffUser admin = staff(Role.ADMINISTRATOR);
        String title = settings.current().title();
        MvcResult refused = mvc.perform(save("privacy@meridian", "A tagline typed with it").with(user(admin)))
                .andReturn();
        assertThat(refused.getResponse().getStatus()).isEqualTo(422);
        Document form = Jsoup.parse(refused.getResponse().getContentAsString());
        assertThat(form.select(".notice.error").text()).contains("\u201cprivacy@meridian\u201d is not a complete email address");
        assertThat(form.getElementById("privacyContact").val()).isEqualTo("privacy@meridian");
        assertThat(form.getElementById("tagline").val()).isEqualTo("A tagline typed with it");
        assertThat(form.select("input[name=_csrf]").attr("value")).isNotBlank();
        assertThat(settings.current().privacyContact().isSet()).isFalse();
        assertThat(settings.current().title()).isEqualTo(title);
        assertThat(settings.current().tagline()).isNotEqualTo("A tagline typed with it");

        MvcResult tooLong = mvc.perform(save("x".repeat(301)).with(user(admin))).andReturn();
        assertThat(tooLong.getResponse().getStatus()).isEqualTo(422);
        assertThat(Jsoup.parse(tooLong.getResponse().getContentAsString()).select(".notice.error").text())
                .isEqualTo("The privacy contact is too long (300 characters at most).");
    }

    @Test
    void onlyAdministratorsMaySetIt() throws Exception {
        for (Role role : new Role[] {Role.EDITOR, Role.AUTHOR}) {
            MvcResult refused = mvc.perform(save("editor@meridian.example").with(user(staff(role)))).andReturn();
            assertThat(refused.getResponse().getStatus()).as(role.name()).isEqualTo(403);
        }
        MvcResult signedOut = mvc.perform(save("anyone@meridian.example")).andReturn();
        assertThat(signedOut.getResponse().getRedirectedUrl()).as("signed out").isEqualTo("/newsroom/sign-in");
        MvcResult forged = mvc.perform(post("/newsroom/settings/").param("privacyContact", "forged@meridian.example")
                .with(user(staff(Role.ADMINISTRATOR)))).andReturn();
        assertThat(forged.getResponse().getStatus()).as("without a CSRF token").isEqualTo(403);
        assertThat(settings.current().privacyContact().isSet()).isFalse();
    }

    @Test
    void theChangeShowsOnTheNextAnonymousRequest() throws Exception {
        assertThat(Html.get(mvc, "/privacy/").getElementById("privacy-contact").text()).contains("the editors");
        // Changed behind the caches' back, the page stays as it was: what follows tests that saving invalidates them.
        jdbc.sql("UPDATE site_setting SET setting_value = 'behind@meridian.example' WHERE name = :name")
                .param("name", SiteSettings.PRIVACY_CONTACT).update();
        assertThat(Html.get(mvc, "/privacy/").getElementById("privacy-contact").text()).contains("the editors");

        mvc.perform(save("desk@meridian.example").with(user(staff(Role.ADMINISTRATOR))));
        Element contact = Html.get(mvc, "/privacy/").getElementById("privacy-contact");
        assertThat(contact.selectFirst("a").attr("href")).isEqualTo("mailto:desk@meridian.example");
    }
}
