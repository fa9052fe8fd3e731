package org.broadsheet.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.broadsheet.account.AccountService;
import org.broadsheet.account.Role;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/** A site that lowers the upload limit has the import form say the lower one, not the default 2 GB. */
@SpringBootTest(properties = {"broadsheet.demo-content=false", "spring.servlet.multipart.max-file-size=300MB"})
@AutoConfigureMockMvc
class ImportFormLimitTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    AccountService accounts;

    @Test
    void theFormStatesTheConfiguredLimit() throws Exception {
        var admin = accounts.create("limit" + System.nanoTime() + "@example.org", "Admin", "a long enough password",
                Role.ADMINISTRATOR);
        String html = mvc.perform(get("/newsroom/import/").with(user(admin))).andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(html).select("main p").first().text()).contains("up to 300 MB").doesNotContain("2 GB");
    }
}
