package org.broadsheet.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import org.broadsheet.account.AccountService;
import org.broadsheet.account.Role;
import org.broadsheet.account.StaffUser;
import org.broadsheet.support.UploadLimit;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
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
            if (!"RUNNING".equals(progress.select(".import-state").attr("data-state"))) {
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
