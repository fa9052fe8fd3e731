package org.broadsheet.article;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;

import org.broadsheet.BroadsheetApplication;
import org.broadsheet.demo.DemoArticleSource;
import org.broadsheet.site.RequestChrome;
import org.broadsheet.site.SiteSettings;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The article template (jte, precompiled as in the jar) writing the page of the demo's largest article: the
 * model is the one readers get, assembled by the running application from the demo journal (authors,
 * sections, tags, lead image, notes, comments, related articles). Only the template's work is measured.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class ArticleTemplateBenchmark {

    /** A demo article's slug; empty means the largest. */
    @Param("")
    public String slug;

    private TemplateEngine templates;
    private Map<String, Object> model;
    private Path dataDir;

    @Setup
    public void setUp() throws Exception {
        dataDir = Files.createTempDirectory("broadsheet-jmh");
        ConfigurableApplicationContext app = new SpringApplicationBuilder(BroadsheetApplication.class)
                .properties(Map.of("broadsheet.data-dir", dataDir.toString(), "server.port", "0",
                        "logging.level.root", "WARN", "spring.main.banner-mode", "off"))
                .run();
        try {
            String articleSlug = DemoArticleSource.named(slug).slug();
            SiteSettings.Settings settings = app.getBean(SiteSettings.class).current();
            Article article = app.getBean(ArticleService.class).findBySlug(articleSlug)
                    .orElseThrow(() -> new IllegalStateException("The demo journal has no article " + articleSlug));
            LocalDate date = article.publishedAt().atZoneSameInstant(settings.timeZone()).toLocalDate();
            if (!(app.getBean(ArticlePages.class).find(date, articleSlug, settings) instanceof ArticlePages.Lookup.Found found)) {
                throw new IllegalStateException("The demo article " + articleSlug + " is not published.");
            }
            model = Map.of("page", found.page(), "chrome", RequestChrome.of(app));
            templates = app.getBean(TemplateEngine.class);
        } finally {
            app.close();
        }
    }

    @TearDown
    public void tearDown() throws IOException {
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @Benchmark
    public void renderArticlePage(Blackhole blackhole) {
        Utf8ByteOutput output = new Utf8ByteOutput();
        templates.render("article/page.jte", model, output);
        blackhole.consume(output.getContentLength());
        blackhole.consume(output);
    }
}
