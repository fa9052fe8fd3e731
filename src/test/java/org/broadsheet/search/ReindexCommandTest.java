package org.broadsheet.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.broadsheet.article.ArticleIndexSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
class ReindexCommandTest {

    @Autowired
    ReindexCommand command;
    @Autowired
    LuceneSearchEngine engine;
    @Autowired
    ArticleIndexSource articles;

    @Test
    void rebuildsTheIndexFromTheDatabase() throws Exception {
        SearchIndexReady.await(engine);
        engine.removeAll();
        engine.refresh();
        assertThat(engine.size()).isZero();

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = command.run(List.of(), new PrintStream(out, true, StandardCharsets.UTF_8), System.err);

        assertThat(status).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Indexed " + articles.countPublished() + " articles");
        engine.refresh();
        assertThat(engine.size()).isEqualTo(articles.countPublished());
        assertThat(engine.checkpoint()).containsKeys("change_seq", "committed_at", "schema");
    }

    @Test
    void refusesArgumentsItWouldOtherwiseIgnore() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = command.run(List.of("articles.xml"), System.out, new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Usage: reindex").contains("articles.xml");
    }
}
