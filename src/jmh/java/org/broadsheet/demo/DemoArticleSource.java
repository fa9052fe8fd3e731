package org.broadsheet.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The Markdown source of a demo article as the demo journal ships it ({@code demo/articles/<slug>.md}), so
 * that benchmarks measure the journal everyone can run rather than invented text.
 *
 * @param slug     the article's slug, which is also its file name
 * @param markdown the body as written
 */
public record DemoArticleSource(String slug, String markdown) {

    /** The article named by {@code slug}, or the demo's largest (most characters of Markdown) when it is blank. */
    public static DemoArticleSource named(String slug) {
        return slug == null || slug.isBlank() ? largest() : read(slug);
    }

    static DemoArticleSource largest() {
        try {
            Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:demo/articles/*.md");
            return Arrays.stream(files)
                    .map(file -> new DemoArticleSource(file.getFilename().replaceFirst("\\.md$", ""), text(file)))
                    .max(Comparator.comparingInt(article -> article.markdown().length()))
                    .orElseThrow(() -> new IllegalStateException("No demo articles on the class path."));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static DemoArticleSource read(String slug) {
        Resource file = new PathMatchingResourcePatternResolver().getResource("classpath:demo/articles/" + slug + ".md");
        if (!file.exists()) {
            throw new IllegalArgumentException("No demo article " + slug + " (demo/articles/" + slug + ".md).");
        }
        return new DemoArticleSource(slug, text(file));
    }

    private static String text(Resource file) {
        try {
            return file.getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
