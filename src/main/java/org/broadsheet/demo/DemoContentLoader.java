package org.broadsheet.demo;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.broadsheet.article.ArticleService;
import org.broadsheet.site.SiteSettings;
import org.broadsheet.support.BroadsheetProperties;
import org.broadsheet.support.Rows;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * On the first start of a new site, fills the empty database with the demo journal, once: a marker row in
 * {@code site_setting} records that it happened, so deleting the demo articles does not bring them back.
 * Jar commands (imports, restores) never load it.
 * <p>
 * It runs once every bean is ready and before the web server takes its first request (Spring starts the server
 * after all singletons are initialised), so that a new site never answers with an empty front page or a 404
 * for a demo article while the journal is still being written — pages a browser or a CDN would then keep.
 */
@Component
class DemoContentLoader implements SmartInitializingSingleton {

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
    public void afterSingletonsInstantiated() {
        if (!properties.demoContent() || !properties.servingSite()) {
            return;
        }
        boolean loadedBefore = jdbc.sql("SELECT COUNT(*) FROM site_setting WHERE name = :name")
                .param("name", MARKER).query(Long.class).single() > 0;
        if (loadedBefore || articles.count() > 0) {
            return;
        }
        int count;
        try {
            count = content.load();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the demo journal's media: " + e.getMessage(), e);
        }
        settings.put(MARKER, "true");
        log.info("Loaded the demo journal: {} articles. Set broadsheet.demo-content=false to start empty.", count);
    }
}
