package org.broadsheet.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;

import org.broadsheet.article.ArticleService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * A new site's demo journal is written before the web server takes requests: the first reader never sees an
 * empty front page or a 404 for a demo article (pages a browser or a CDN would keep).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "broadsheet.page-cache.enabled=false")
@Import(DemoContentLoaderTest.ArticlesWhenServerStarts.class)
class DemoContentLoaderTest {

    @Autowired
    AtomicLong articlesWhenServerStarted;
    @Autowired
    ArticleService articles;

    @Test
    void theDemoJournalIsThereWhenTheServerStartsListening() {
        assertThat(articles.count()).isGreaterThanOrEqualTo(10);
        assertThat(articlesWhenServerStarted.get()).isEqualTo(articles.count());
    }

    @TestConfiguration
    static class ArticlesWhenServerStarts {

        @Bean
        AtomicLong articlesWhenServerStarted() {
            return new AtomicLong(-1);
        }

        /** Spring publishes this event once the server listens on its port. */
        @Bean
        ApplicationListener<WebServerInitializedEvent> countArticlesWhenServerStarts(AtomicLong articlesWhenServerStarted,
                                                                                     ArticleService articles) {
            return event -> articlesWhenServerStarted.set(articles.count());
        }
    }
}
