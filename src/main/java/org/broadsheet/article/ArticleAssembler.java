package org.broadsheet.article;

import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.broadsheet.author.Author;
import org.broadsheet.author.AuthorService;
import org.broadsheet.media.Image;
import org.broadsheet.media.MediaService;
import org.broadsheet.taxonomy.Section;
import org.broadsheet.support.PageDependencies;
import org.broadsheet.taxonomy.TaxonomyService;
import org.springframework.stereotype.Component;

/**
 * Turns article rows into {@link ArticleSummary} lists with their authors, sections and lead images, in a
 * fixed number of queries however long the list.
 */
@Component
class ArticleAssembler {

    private final ArticleRepository repository;
    private final AuthorService authors;
    private final TaxonomyService taxonomy;
    private final MediaService media;

    ArticleAssembler(ArticleRepository repository, AuthorService authors, TaxonomyService taxonomy, MediaService media) {
        this.repository = repository;
        this.authors = authors;
        this.taxonomy = taxonomy;
        this.media = media;
    }

    List<ArticleSummary> summaries(List<Article> articles, ZoneId zone) {
        List<Long> ids = articles.stream().map(Article::id).toList();
        Map<Long, List<Long>> authorIds = repository.authorIds(ids);
        Map<Long, List<Long>> sectionIds = repository.sectionIds(ids);
        Map<Long, Author> authorById = authors.byIds(flatten(authorIds.values()));
        Map<Long, Section> sectionById = taxonomy.sectionsByIds(flatten(sectionIds.values()));
        Map<Long, Image> leads = media.images(articles.stream().map(Article::leadMediaId).filter(Objects::nonNull).toList());
        List<ArticleSummary> summaries = articles.stream().map(a -> new ArticleSummary(a.id(), ArticleUrls.of(a.publishedAt(), a.slug(), zone),
                a.language(), a.title(), a.standfirst(), a.publishedAt(),
                pick(authorIds.get(a.id()), authorById), pick(sectionIds.get(a.id()), sectionById),
                a.leadMediaId() == null ? null : leads.get(a.leadMediaId()),
                a.leadAlt().isBlank() && a.leadMediaId() != null && leads.containsKey(a.leadMediaId())
                        ? leads.get(a.leadMediaId()).alt() : a.leadAlt()))
                .toList();
        recordDependencies(summaries);
        return summaries;
    }

    /** The page being rendered shows these articles and their authors. */
    static void recordDependencies(List<ArticleSummary> summaries) {
        for (ArticleSummary summary : summaries) {
            PageDependencies.record(PageDependencies.article(summary.id()));
            summary.authors().forEach(author -> PageDependencies.record(PageDependencies.author(author.id())));
        }
    }

    static <T> List<T> pick(List<Long> ids, Map<Long, T> byId) {
        if (ids == null) {
            return List.of();
        }
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    static List<Long> flatten(Collection<List<Long>> lists) {
        return lists.stream().flatMap(List::stream).distinct().toList();
    }
}
