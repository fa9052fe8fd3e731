package org.broadsheet.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.broadsheet.migrate.WxrImportBehaviourTest.Wxr;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** An import into empty tables builds their secondary indexes at its end; no way out of it leaves them missing. */
@SpringBootTest(properties = "broadsheet.demo-content=false")
class DeferredIndexesTest {

    @Autowired
    WxrImporter importer;
    @Autowired
    DeferredIndexes indexes;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JdbcTemplate template;

    /** Every deferrable index as the migrations made it. */
    Map<String, String> asMigrated;

    @BeforeEach
    void emptySite() {
        Sites.wipe(jdbc);
        asMigrated = definitions();
    }

    @AfterEach
    void nothingLeftDropped() {
        indexes.rebuildAfterKilledImport();
        assertThat(definitions()).isEqualTo(asMigrated);
    }

    @Test
    void everyDeferrableIndexIsAPlainIndexOfTheMigrations() {
        assertThat(asMigrated.values()).doesNotContainNull().hasSize(7);
    }

    @Test
    void indexesThatGrowAtTheirEndAsRowsArriveAreKeptDuringAnImport() {
        Runnable rebuild = anotherProcess().dropWhileEmpty();
        try {
            assertThat(indexes.createStatement("comment", "ix_comment_article_id_status"))
                    .isEqualTo("CREATE INDEX IF NOT EXISTS ix_comment_article_id_status ON comment (article_id, status)");
            assertThat(indexes.createStatement("comment", "ix_comment_body_hash")).isNotNull();
            assertThat(indexes.createStatement("redirect", "ix_redirect_article_id")).isNotNull();
        } finally {
            rebuild.run();
        }
    }

    @Test
    void emptyTablesLoseTheirIndexesWhileAnImportRunsAndGetThemBackAfter() {
        Runnable rebuild = anotherProcess().dropWhileEmpty();
        try {
            assertThat(indexes.pending()).hasSize(asMigrated.size());
            assertThat(definitions().values()).containsOnlyNulls();
        } finally {
            rebuild.run();
        }
        assertAllBackAsMigrated();
    }

    @Test
    void anImportBuildsThemAgainAndItsRowsAreFoundThroughThem() {
        ImportReport report = importText(Wxr.site(Wxr.item(1, "One", "one", "publish", "post", "Text", "")));
        assertThat(report.state()).isEqualTo(ImportReport.State.FINISHED);
        assertAllBackAsMigrated();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM article WHERE status = 'PUBLISHED' AND published_at IS NOT NULL")
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aFailedImportBuildsThemAgain() {
        ImportReport broken = importText(Wxr.site(Wxr.item(2, "Two", "two", "publish", "post", "Text", "")).substring(0, 900));
        assertThat(broken.state()).isEqualTo(ImportReport.State.FAILED);
        assertAllBackAsMigrated();
    }

    @Test
    void aKilledImportsIndexesAreBuiltAtTheNextStart() {
        // The process that dropped them dies before it can build them: nothing of it runs again.
        anotherProcess().dropWhileEmpty();
        assertThat(indexes.pending()).hasSize(asMigrated.size());

        indexes.rebuildAfterKilledImport();

        assertAllBackAsMigrated();
    }

    @Test
    void theNextImportAlsoBuildsWhatAKilledOneLeftDropped() {
        anotherProcess().dropWhileEmpty();
        Runnable rebuild = indexes.dropWhileEmpty();
        try {
            assertThat(indexes.pending()).hasSize(asMigrated.size());
        } finally {
            rebuild.run();
        }
        assertAllBackAsMigrated();
    }

    @Test
    void tablesWithRowsKeepTheirIndexes() {
        importText(Wxr.site(Wxr.item(3, "Three", "three", "publish", "post", "Text",
                "<category domain=\"category\" nicename=\"child\"><![CDATA[Child]]></category>"
                        + "<category domain=\"post_tag\" nicename=\"energy\"><![CDATA[Energy]]></category>"
                        + Wxr.comment(1, 0, "1", "Ann", "Hello"))));
        Runnable rebuild = anotherProcess().dropWhileEmpty();
        try {
            assertThat(indexes.pending()).isEmpty();
            assertThat(definitions()).isEqualTo(asMigrated);
        } finally {
            rebuild.run();
        }
    }

    private void assertAllBackAsMigrated() {
        assertThat(indexes.pending()).isEmpty();
        assertThat(definitions()).isEqualTo(asMigrated);
    }

    /** A second instance: its imports are unknown to the application's, as a killed process's would be. */
    private DeferredIndexes anotherProcess() {
        return new DeferredIndexes(template);
    }

    private ImportReport importText(String xml) {
        return WxrImportBehaviourTest.importText(importer, xml);
    }

    private Map<String, String> definitions() {
        Map<String, String> out = new LinkedHashMap<>();
        DeferredIndexes.DEFERRABLE.forEach((table, names) -> names.forEach(name -> out.put(name, indexes.createStatement(table, name))));
        return out;
    }
}
