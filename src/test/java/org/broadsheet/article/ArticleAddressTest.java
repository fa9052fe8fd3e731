package org.broadsheet.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.head;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.broadsheet.cache.PageCache;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;

/**
 * The article address is matched ahead of Spring MVC's other mappings ({@code site/FrequentAddressesFirst}):
 * the match must leave what the general lookup leaves — the handler, the path variables, the matched pattern
 * (the request metrics' {@code uri} tag) — and every other address must be answered as before.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ArticleAddressTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    PageCache pageCache;

    @Test
    void articleAddressIsMatchedWithItsPatternAndVariables() throws Exception {
        // A page another test of this context has read would be answered from the cache, before any mapping.
        pageCache.clear();
        MvcResult result = mvc.perform(get(ArticlePageTest.SANCTIONS)).andExpect(status().isOk()).andReturn();

        assertThat(((HandlerMethod) result.getHandler()).getMethod().getName()).isEqualTo("show");
        assertThat(result.getRequest().getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE))
                .hasToString("/{year:\\d{4}}/{month:\\d{2}}/{day:\\d{2}}/{slug}/");
        assertThat(result.getRequest().getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE).toString())
                .contains("slug=the-sanctions-ratchet").contains("year=2026");
        mvc.perform(head(ArticlePageTest.SANCTIONS)).andExpect(status().isOk());
    }

    @Test
    void otherAddressesAreAnsweredAsBefore() throws Exception {
        mvc.perform(get("/2026/09/08/the-sanctions-ratchet"))
                .andExpect(status().isMovedPermanently()).andExpect(redirectedUrl(ArticlePageTest.SANCTIONS));
        mvc.perform(get("/2026/09/09/the-sanctions-ratchet/"))
                .andExpect(status().isMovedPermanently()).andExpect(redirectedUrl(ArticlePageTest.SANCTIONS));
        mvc.perform(get("/2026/02/30/the-sanctions-ratchet/")).andExpect(status().isNotFound());
        mvc.perform(get("/2026/09/08/no-such-article/")).andExpect(status().isNotFound());
        mvc.perform(get("/2026/")).andExpect(status().isOk());
        mvc.perform(get("/2026/09/")).andExpect(status().isOk());
    }
}
