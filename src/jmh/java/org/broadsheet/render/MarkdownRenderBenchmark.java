package org.broadsheet.render;

import java.util.concurrent.TimeUnit;

import org.broadsheet.demo.DemoArticleSource;
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
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * What saving an article costs in Markdown work: the body of the demo's largest article through
 * {@link MarkdownRenderer} (commonmark with footnotes, tables and anchors, then the jsoup sanitiser and the
 * footnote labelling), exactly as {@code ArticleService} does on save.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class MarkdownRenderBenchmark {

    /** A demo article's slug; empty means the largest. */
    @Param("")
    public String slug;

    private MarkdownRenderer renderer;
    private String markdown;

    @Setup
    public void setUp() {
        renderer = new MarkdownRenderer(new HtmlSanitizer());
        markdown = DemoArticleSource.named(slug).markdown();
    }

    @Benchmark
    public void renderBody(Blackhole blackhole) {
        blackhole.consume(renderer.render(markdown));
    }
}
