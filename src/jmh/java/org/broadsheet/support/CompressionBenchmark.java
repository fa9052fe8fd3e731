package org.broadsheet.support;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.broadsheet.demo.DemoArticleSource;
import org.broadsheet.render.HtmlSanitizer;
import org.broadsheet.render.MarkdownRenderer;
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

/**
 * What the page cache pays, once per page, for its compressed copies: gzip at its best, and brotli at the
 * quality the cache uses (5) and at its slowest (11, used for static assets). The input is the rendered body
 * of the demo's largest article; the sizes are printed when the state is set up.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CompressionBenchmark {

    @Param({"gzip", "br-5", "br-11"})
    public String coding;

    private byte[] html;

    @Setup
    public void setUp() {
        String body = new MarkdownRenderer(new HtmlSanitizer()).render(DemoArticleSource.named("").markdown());
        html = body.getBytes(StandardCharsets.UTF_8);
        System.out.printf("%n%s: %d bytes -> %d bytes%n", coding, html.length, compress().length);
    }

    @Benchmark
    public byte[] compress() {
        return coding.equals("gzip") ? Compression.gzip(html) : Compression.brotli(html, Integer.parseInt(coding.substring(3)));
    }
}
