package org.broadsheet.article;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.broadsheet.support.PageDependencies;
import org.broadsheet.support.PageOf;
import org.springframework.stereotype.Service;

/** Published articles in lists: latest, by section, tag, author and date, and the featured one. */
@Service
public class ArticleListings {

    private final ArticleRepository repository;
    private final ArticleAssembler assembler;
    private final Clock clock;

    ArticleListings(ArticleRepository repository, ArticleAssembler assembler, Clock clock) {
        this.repository = repository;
        this.assembler = assembler;
        this.clock = clock;
    }

    public PageOf<ArticleSummary> latest(int page, int size, ZoneId zone) {
        PageDependencies.record(PageDependencies.ALL_LISTS);
        return list("1 = 1", Map.of(), page, size, zone);
    }

    /** Articles in any of the sections (pass a section with its descendants). */
    public PageOf<ArticleSummary> inSections(Collection<Long> sectionIds, int page, int size, ZoneId zone) {
        sectionIds.forEach(id -> PageDependencies.record(PageDependencies.sectionList(id)));
        return list("a.id IN (SELECT article_id FROM article_section WHERE section_id IN (:sections))",
                Map.of("sections", sectionIds), page, size, zone);
    }

    public PageOf<ArticleSummary> tagged(long tagId, int page, int size, ZoneId zone) {
        PageDependencies.record(PageDependencies.tagList(tagId));
        return list("a.id IN (SELECT article_id FROM article_tag WHERE tag_id = :tag)", Map.of("tag", tagId), page, size, zone);
    }

    public PageOf<ArticleSummary> byAuthor(long authorId, int page, int size, ZoneId zone) {
        PageDependencies.record(PageDependencies.authorList(authorId));
        PageDependencies.record(PageDependencies.author(authorId));
        return list("a.id IN (SELECT article_id FROM article_author WHERE author_id = :author)",
                Map.of("author", authorId), page, size, zone);
    }

    /** Articles published in [from, to) in the site's time zone. */
    public PageOf<ArticleSummary> between(LocalDate from, LocalDate to, int page, int size, ZoneId zone) {
        PageDependencies.record(PageDependencies.ALL_LISTS);
        return list("a.published_at >= :from AND a.published_at < :to",
                Map.of("from", from.atStartOfDay(zone).toOffsetDateTime(), "to", to.atStartOfDay(zone).toOffsetDateTime()),
                page, size, zone);
    }

    /** The article marked featured, or else the newest. */
    public Optional<ArticleSummary> featured(ZoneId zone) {
        PageDependencies.record(PageDependencies.ALL_LISTS);
        List<Article> rows = repository.published("a.featured = TRUE", Map.of(), now(), 0, 1);
        if (rows.isEmpty()) {
            rows = repository.published("1 = 1", Map.of(), now(), 0, 1);
        }
        return assembler.summaries(rows, zone).stream().findFirst();
    }

    /** Months with published articles, newest first, for archive navigation. */
    public List<YearMonth> months(ZoneId zone) {
        List<YearMonth> months = new ArrayList<>();
        for (OffsetDateTime t : repository.publishedTimes(now())) {
            YearMonth m = YearMonth.from(t.atZoneSameInstant(zone));
            if (!months.contains(m)) {
                months.add(m);
            }
        }
        return months;
    }

    private PageOf<ArticleSummary> list(String filter, Map<String, Object> params, int page, int size, ZoneId zone) {
        OffsetDateTime now = now();
        long total = repository.countPublished(filter, params, now);
        PageOf<Article> rows = new PageOf<>(List.of(), page, size, total);
        List<Article> articles = repository.published(filter, params, now, rows.offset(), size);
        return new PageOf<>(assembler.summaries(articles, zone), page, size, total);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
