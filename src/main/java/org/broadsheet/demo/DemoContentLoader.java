package org.broadsheet.demo;

import org.broadsheet.article.ArticleService;
import org.broadsheet.site.SiteSettings;
import org.broadsheet.support.BroadsheetProperties;
import org.broadsheet.support.Rows;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * On the first start of a new site, fills the empty database with the demo journal, once: a marker row in
 * {@code site_setting} records that it happened, so deleting the demo articles does not bring them back.
 * Jar commands (imports, restores) never load it.
 */
@Component
@Order(10)
class DemoContentLoader implements ApplicationRunner {

    static final String MARKER = "demo_content_loaded";
    private static final Logger log = LoggerFactory.getLogger(DemoContentLoader.class);

    private final BroadsheetProperties properties;
    private final ArticleService articles;
    private final DemoContent content;
    private final JdbcClient jdbc;
    private final SiteSettings settings;

    DemoContentLoader(BroadsheetProperties properties, ArticleService articles, DemoContent content, JdbcClient jdbc,
                      SiteSettings settings) {
        this.properties = properties;
        this.articles = articles;
        this.content = content;
        this.jdbc = jdbc;
        this.settings = settings;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        if (!properties.demoContent() || !properties.servingSite()) {
            return;
        }
        boolean loadedBefore = jdbc.sql("SELECT COUNT(*) FROM site_setting WHERE name = :name")
                .param("name", MARKER).query(Long.class).single() > 0;
        if (loadedBefore || articles.count() > 0) {
            return;
        }
        int count = content.load();
        settings.put(MARKER, "true");
        log.info("Loaded the demo journal: {} articles. Set broadsheet.demo-content=false to start empty.", count);
    }
}
