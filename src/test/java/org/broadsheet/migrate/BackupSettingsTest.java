package org.broadsheet.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.broadsheet.testing.Instances;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The settings a backup carries: the discussion's Akismet key and comment-form secret are secrets like the
 * site's, and what the site learned or chose (the spam filter's model, the secret, with --with-secrets)
 * arrives in the restored instance instead of that instance's own fresh values.
 */
@SpringBootTest(properties = "broadsheet.demo-content=false")
class BackupSettingsTest {

    private static final byte[] WEIGHTS = "learned weights".getBytes(StandardCharsets.UTF_8);

    @Autowired
    SiteExporter exporter;
    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path tmp;

    private String formSecret;

    @BeforeEach
    void aSiteWithAKeyAndALearnedFilter() {
        Sites.wipe(jdbc);
        jdbc.sql("DELETE FROM discussion_setting WHERE name = 'akismet_key'").update();
        jdbc.sql("INSERT INTO discussion_setting (name, setting_value) VALUES ('akismet_key', 'abc123akismet')").update();
        formSecret = jdbc.sql("SELECT setting_value FROM discussion_setting WHERE name = 'form_secret'").query(String.class).single();
        jdbc.sql("UPDATE spam_model SET version = 7, examples = 250, weights = :w WHERE id = 1").param("w", WEIGHTS).update();
    }

    @AfterEach
    void forgetTheKey() {
        jdbc.sql("DELETE FROM discussion_setting WHERE name = 'akismet_key'").update();
        jdbc.sql("UPDATE spam_model SET version = 0, examples = 0, weights = NULL WHERE id = 1").update();
    }

    @Test
    void withoutSecretsNoKeyOrSecretOfTheDiscussionLeavesTheSite() throws Exception {
        Path archive = tmp.resolve("site.zip");
        exporter.export(archive, false);

        String settings = entry(archive, "tables/discussion_setting.jsonl");
        assertThat(settings).doesNotContain("abc123akismet").doesNotContain(formSecret);
    }

    @Test
    void theRestoredSiteKeepsItsLearnedSpamFilterAndWithSecretsItsKeys() throws Exception {
        Path archive = tmp.resolve("site.zip");
        exporter.export(archive, true);
        assertThat(entry(archive, "tables/spam_model.jsonl")).contains(Base64.getEncoder().encodeToString(WEIGHTS));

        try (ConfigurableApplicationContext restored = Instances.start("--spring.datasource.url=jdbc:h2:mem:settings-"
                + java.util.UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;"
                + "CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1")) {
            JdbcClient other = restored.getBean(JdbcClient.class);
            restored.getBean(SiteRestorer.class).restore(archive);

            assertThat(other.sql("SELECT examples FROM spam_model WHERE id = 1").query(Long.class).single()).isEqualTo(250);
            assertThat(other.sql("SELECT weights FROM spam_model WHERE id = 1").query(byte[].class).single()).isEqualTo(WEIGHTS);
            assertThat(other.sql("SELECT setting_value FROM discussion_setting WHERE name = 'akismet_key'")
                    .query(String.class).single()).isEqualTo("abc123akismet");
            assertThat(other.sql("SELECT setting_value FROM discussion_setting WHERE name = 'form_secret'")
                    .query(String.class).single()).isEqualTo(formSecret);
        }
    }

    private static String entry(Path archive, String name) throws Exception {
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            ZipEntry e = zip.getEntry(name);
            try (InputStream in = zip.getInputStream(e)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
    }
}
