package org.broadsheet.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.broadsheet.account.AccountService;
import org.broadsheet.account.Role;
import org.broadsheet.account.StaffUser;
import org.broadsheet.support.UploadLimit;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.util.unit.DataSize;

@SpringBootTest(properties = "broadsheet.demo-content=false")
@AutoConfigureMockMvc
class ImportControllerTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AccountService accounts;
    @Autowired
    ImportJobs jobs;

    @TempDir
    Path tmp;

    private StaffUser staff(Role role) {
        return accounts.create(role.name().toLowerCase() + System.nanoTime() + "@example.org", role.label() + " Person",
                "a long enough password", role);
    }

    @Test
    void administratorUploadsAnExportAndWatchesItToTheReport() throws Exception {
        StaffUser admin = staff(Role.ADMINISTRATOR);
        Document form = Jsoup.parse(mvc.perform(get("/newsroom/import/").with(user(admin))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        assertThat(form.select("form.import-form[enctype=multipart/form-data] input[type=file][name=file]")).hasSize(1);
        assertThat(form.select("form.import-form input[name=_csrf]").attr("value")).isNotBlank();
        // The newsroom's own menu, as on its other pages: the administrator's entries, Import marked current.
        assertThat(form.select("nav a[href=/newsroom/articles/]")).hasSize(1);
        assertThat(form.select("nav a[href=/newsroom/users/]")).hasSize(1);
        assertThat(form.select("nav a[aria-current][href=/newsroom/import/]")).hasSize(1);

        String xml = WxrImportBehaviourTest.Wxr.site(WxrImportBehaviourTest.Wxr.item(1, "Uploaded", "uploaded", "publish", "post", "Text",
                WxrImportBehaviourTest.Wxr.comment(1, 0, "1", "Reader", "Nice.")));
        String location = mvc.perform(multipart("/newsroom/import/")
                        .file(new MockMultipartFile("file", "journal.xml", "text/xml", xml.getBytes(StandardCharsets.UTF_8)))
                        .with(user(admin)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/newsroom/import/");

        Document progress = null;
        for (int i = 0; i < 100; i++) {
            progress = Jsoup.parse(mvc.perform(get(location).with(user(admin))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
            String state = progress.select(".import-state").attr("data-state");
            if (!"RUNNING".equals(state) && !"WAITING".equals(state)) {
                break;
            }
            Thread.sleep(100);
        }
        assertThat(progress.select(".import-state").attr("data-state")).isEqualTo("FINISHED");
        assertThat(progress.select("h1").text()).contains("journal.xml");
        assertThat(progress.select("progress").attr("value")).isEqualTo("100");
        assertThat(progress.select("table.import-counts td").eachText()).contains("posts", "comments");
        assertThat(progress.select("pre.import-report").text()).contains("Import finished");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM article WHERE slug = 'uploaded'").query(Long.class).single()).isEqualTo(1);

        Document list = Jsoup.parse(mvc.perform(get("/newsroom/import/").with(user(admin))).andReturn().getResponse().getContentAsString());
        assertThat(list.select("table.imports a[href=" + location + "]").text()).isEqualTo("journal.xml");
    }

    /** An upload that cannot be imported is named by the name it was uploaded under, not the server's copy's. */
    @Test
    void anEmptyOrPlainTextUploadIsNamedAndSaysWhatIsWrong() throws Exception {
        StaffUser admin = staff(Role.ADMINISTRATOR);
        String empty = mvc.perform(multipart("/newsroom/import/")
                        .file(new MockMultipartFile("file", "journal.xml", "text/xml", new byte[0]))
                        .with(user(admin)).with(csrf()))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(empty).text()).contains("journal.xml is empty").doesNotContain("Choose a WordPress export file");
        String none = mvc.perform(multipart("/newsroom/import/")
                        .file(new MockMultipartFile("file", "", "application/octet-stream", new byte[0]))
                        .with(user(admin)).with(csrf()))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(none).text()).contains("Choose a WordPress export file");

        String location = mvc.perform(multipart("/newsroom/import/")
                        .file(new MockMultipartFile("file", "notes.txt", "text/plain", "hello, this is not xml\n".getBytes(StandardCharsets.UTF_8)))
                        .with(user(admin)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        Document progress = ended(location, admin);
        assertThat(progress.select(".import-state").attr("data-state")).isEqualTo("FAILED");
        assertThat(progress.text()).contains("notes.txt is not a WordPress export (WXR): it does not start with XML.")
                .doesNotContain("import-").doesNotContain("prolog");
    }

    /** The progress page once the import has ended. */
    private Document ended(String location, StaffUser admin) throws Exception {
        Document progress = null;
        for (int i = 0; i < 100; i++) {
            progress = Jsoup.parse(mvc.perform(get(location).with(user(admin))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
            String state = progress.select(".import-state").attr("data-state");
            if (!"RUNNING".equals(state) && !"WAITING".equals(state)) {
                break;
            }
            Thread.sleep(100);
        }
        return progress;
    }

    @Test
    void anExportUploadedWhileAnotherIsImportedWaitsItsTurn() throws Exception {
        StaffUser admin = staff(Role.ADMINISTRATOR);
        // The first import reads a named pipe, so that it runs until this test writes its export into it.
        Path first = tmp.resolve("first.xml");
        assertThat(new ProcessBuilder("mkfifo", first.toString()).start().waitFor()).isZero();
        ImportJobs.Job running = jobs.start(first, "first.xml", admin.displayName());
        Path second = tmp.resolve("second.xml");
        Files.writeString(second, WxrImportBehaviourTest.Wxr.site(
                WxrImportBehaviourTest.Wxr.item(7102, "Second", "second-in-line", "publish", "post", "Text", "")));
        ImportJobs.Job waiting = jobs.start(second, "second.xml", admin.displayName());

        Document page = Jsoup.parse(mvc.perform(get("/newsroom/import/" + waiting.id() + "/").with(user(admin)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(page.select(".import-state").attr("data-state")).isEqualTo("WAITING");
        assertThat(page.select(".import-state").text()).startsWith("Waiting for the import before it to end");
        assertThat(page.select("meta[http-equiv=refresh]")).hasSize(1);
        assertThat(page.select(".import-speed").text()).contains("0 items");
        assertThat(page.select("pre.import-report")).isEmpty();

        Files.writeString(first, WxrImportBehaviourTest.Wxr.site(
                WxrImportBehaviourTest.Wxr.item(7101, "First", "first-in-line", "publish", "post", "Text", "")));
        for (int i = 0; i < 200 && waiting.report().state() != ImportReport.State.FINISHED; i++) {
            Thread.sleep(50);
        }
        assertThat(waiting.report().state()).isEqualTo(ImportReport.State.FINISHED);
        assertThat(running.report().state()).as(String.join("\n", running.report().summary())).isEqualTo(ImportReport.State.FINISHED);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM article WHERE slug IN ('first-in-line', 'second-in-line')")
                .query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void editorsMayNotImport() throws Exception {
        StaffUser editor = staff(Role.EDITOR);
        mvc.perform(get("/newsroom/import/").with(user(editor))).andExpect(status().isForbidden());
        String xml = WxrImportBehaviourTest.Wxr.site(WxrImportBehaviourTest.Wxr.item(1, "Smuggled", "smuggled", "publish", "post", "Text", ""));
        mvc.perform(multipart("/newsroom/import/")
                        .file(new MockMultipartFile("file", "journal.xml", "text/xml", xml.getBytes(StandardCharsets.UTF_8)))
                        .with(user(editor)).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM article WHERE slug = 'smuggled'").query(Long.class).single()).isZero();
    }

    @Test
    void theUploadLimitIsTheOneTheServerApplies() throws Exception {
        assertThat(new UploadLimit(DataSize.parse("2GB")).readable()).isEqualTo("2 GB");
        assertThat(new UploadLimit(DataSize.parse("300MB")).readable()).isEqualTo("300 MB");
        assertThat(new UploadLimit(DataSize.parse("1536MB")).readable()).isEqualTo("1536 MB");
        assertThat(new UploadLimit(DataSize.parse("100KB")).readable()).isEqualTo("100 KB");
    }

    @Test
    void strangersAreSentToSignIn() throws Exception {
        mvc.perform(get("/newsroom/import/")).andExpect(status().is3xxRedirection());
    }
}
