package org.broadsheet.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.broadsheet.testing.Html;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;

/**
 * Static files are the assets, the htmx webjar and media, nothing else: an unknown address gets the site's 404
 * page without passing through a static-file handler, whose class-path and servlet-context lookups the JDK and
 * Tomcat would remember (one entry per address, the soak's heap growth). Old addresses of an imported site
 * are looked up in their place (migrate/OldAddressFallback, WxrImportBehaviourTest).
 */
@SpringBootTest
@AutoConfigureMockMvc
class StaticFilesTest {

    @Autowired
    MockMvc mvc;

    @Test
    void unknownAddressesGetTheNotFoundPageWithoutAStaticFileLookup() throws Exception {
        for (int i = 0; i < 50; i++) {
            String path = i % 2 == 0 ? "/no-such-page-" + i + "/" : "/no-such-file-" + i + ".css";
            MvcResult result = mvc.perform(get(path)).andReturn();
            assertThat(result.getResponse().getStatus()).as(path).isEqualTo(404);
            assertThat(result.getHandler() instanceof ResourceHttpRequestHandler).as(path).isFalse();
        }
        Document page = Html.get(mvc, "/no-such-page-1/", 404);
        assertThat(page.selectFirst("h1").text()).isEqualTo("Page not found");
        assertThat(page.selectFirst(".error-page a[href=/]")).isNotNull();
    }

    @Test
    void unknownAssetsAndWebjarFilesAreNotFound() throws Exception {
        for (String path : new String[] {"/assets/no-such.css", "/assets/site-0123456789abcdef0123456789abcdef.css",
                "/webjars/no-such/1.0/x.js", "/webjars/htmx.org/2.0.4/dist/nope.js"}) {
            Document page = Html.get(mvc, path, 404);
            assertThat(page.selectFirst("h1").text()).as(path).isEqualTo("Page not found");
        }
    }

    @Test
    void theNewsroomScriptAndTheStylesheetAreServed() throws Exception {
        assertThat(mvc.perform(get("/webjars/htmx.org/2.0.4/dist/htmx.min.js")).andReturn().getResponse().getStatus()).isEqualTo(200);
        String css = Html.get(mvc, "/").selectFirst("link[rel=stylesheet]").attr("href");
        assertThat(mvc.perform(get(css)).andReturn().getResponse().getStatus()).isEqualTo(200);
    }
}
