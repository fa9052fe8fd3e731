package org.broadsheet.article;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.broadsheet.author.Author;
import org.broadsheet.author.AuthorService;
import org.broadsheet.media.Image;
import org.broadsheet.media.MediaService;
import org.broadsheet.taxonomy.Section;
import org.broadsheet.taxonomy.Tag;
import org.broadsheet.taxonomy.TaxonomyService;
import org.jsoup.Jsoup;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Articles as flat records for the search index, feeds and sitemaps, read in a fixed number of queries per
 * batch. Only reads; article changes still go through {@link ArticleService}.
 */
@Service
public class ArticleIndexSource {

    private static final String PUBLISHED = "a.status = 'PUBLISHED' AND a.published_at <= :now";

    private final JdbcClient jdbc;
    private final ArticleRepository repository;
    private final AuthorService authors;
    private final TaxonomyService taxonomy;
    private final MediaService media;
    private final Clock clock;

    ArticleIndexSource(JdbcClient jdbc, ArticleRepository repository, AuthorService authors, TaxonomyService taxonomy,
                       MediaService media, Clock clock) {
        this.jdbc = jdbc;
        this.repository = repository;
        this.authors = authors;
        this.taxonomy = taxonomy;
        this.media = media;
        this.clock = clock;
    }

    /** The article in any status, or empty when it no longer exists. */
    public Optional<ArticleContent> find(long id) {
        return contents(List.of(id)).stream().findFirst();
    }

    /** Articles by id in the order given; unknown ids are left out. */
    public List<ArticleContent> contents(List<Long> ids) {
        Map<Long, Article> byId = new HashMap<>();
        repository.findAll(ids).forEach(a -> byId.put(a.id(), a));
        return assemble(ids.stream().map(byId::get).filter(Objects::nonNull).toList());
    }

    /**
     * Articles with status PUBLISHED (including those scheduled for a later time) with ids above
     * {@code afterId}, in id order: a whole-index rebuild pages through them.
     */
    public List<ArticleContent> publishedBatch(long afterId, int limit) {
        return assemble(jdbc.sql("SELECT a.* FROM article a WHERE a.status = 'PUBLISHED' AND a.published_at IS NOT NULL " +
                        "AND a.id > :after ORDER BY a.id LIMIT :limit")
                .param("after", afterId).param("limit", limit).query(Article.class).list());
    }

    /** Articles readers can see now, oldest first, for sitemaps. */
    public List<ArticleStamp> publishedStamps(long offset, int limit) {
        return jdbc.sql("SELECT a.id, a.slug, a.language, a.title, a.published_at, a.updated_at FROM article a WHERE " +
                        PUBLISHED + " ORDER BY a.published_at, a.id LIMIT :limit OFFSET :offset")
                .param("now", now()).param("limit", limit).param("offset", offset).query(ArticleStamp.class).list();
    }

    public long countPublished() {
        return jdbc.sql("SELECT COUNT(*) FROM article a WHERE " + PUBLISHED).param("now", now()).query(Long.class).single();
    }

    /** Articles published since the given time and visible now, newest first (news sitemaps). */
    public List<ArticleStamp> publishedSince(OffsetDateTime since, int limit) {
        return jdbc.sql("SELECT a.id, a.slug, a.language, a.title, a.published_at, a.updated_at FROM article a WHERE " +
                        PUBLISHED + " AND a.published_at >= :since ORDER BY a.published_at DESC, a.id DESC LIMIT :limit")
                .param("now", now()).param("since", since).param("limit", limit).query(ArticleStamp.class).list();
    }

    /** Newest change among visible articles per section (directly in it, not below it). */
    public Map<Long, OffsetDateTime> lastChangeBySection() {
        return lastChange("article_section", "section_id");
    }

    public Map<Long, OffsetDateTime> lastChangeByTag() {
        return lastChange("article_tag", "tag_id");
    }

    public Map<Long, OffsetDateTime> lastChangeByAuthor() {
        return lastChange("article_author", "author_id");
    }

    private Map<Long, OffsetDateTime> lastChange(String table, String column) {
        Map<Long, OffsetDateTime> out = new HashMap<>();
        jdbc.sql("SELECT l." + column + ", MAX(a.updated_at) FROM " + table + " l JOIN article a ON a.id = l.article_id WHERE " +
                        PUBLISHED + " GROUP BY l." + column)
                .param("now", now())
                .query((rs, n) -> out.put(rs.getLong(1), rs.getObject(2, OffsetDateTime.class))).list();
        return out;
    }

    private List<ArticleContent> assemble(List<Article> articles) {
        if (articles.isEmpty()) {
            return List.of();
        }
        List<Long> ids = articles.stream().map(Article::id).toList();
        Map<Long, List<Long>> authorIds = repository.authorIds(ids);
        Map<Long, List<Long>> sectionIds = repository.sectionIds(ids);
        Map<Long, List<Long>> tagIds = repository.tagIds(ids);
        Map<Long, Author> authorById = authors.byIds(ArticleAssembler.flatten(authorIds.values()));
        Map<Long, Section> sectionById = taxonomy.sectionsByIds(ArticleAssembler.flatten(sectionIds.values()));
        Map<Long, Tag> tagById = taxonomy.tagsByIds(ArticleAssembler.flatten(tagIds.values()));
        Map<Long, Image> leads = media.images(articles.stream().map(Article::leadMediaId).filter(Objects::nonNull).toList());
        List<ArticleContent> out = new ArrayList<>(articles.size());
        for (Article a : articles) {
            Image lead = a.leadMediaId() == null ? null : leads.get(a.leadMediaId());
            out.add(new ArticleContent(a.id(), a.slug(), a.language(), a.title(), a.standfirst(), a.bodyHtml(),
                    Jsoup.parse(a.bodyHtml()).text(), a.status(), a.publishedAt(), a.updatedAt(),
                    ArticleAssembler.pick(authorIds.get(a.id()), authorById),
                    ArticleAssembler.pick(sectionIds.get(a.id()), sectionById),
                    ArticleAssembler.pick(tagIds.get(a.id()), tagById), lead,
                    orImage(a.leadAlt(), lead == null ? "" : lead.alt()),
                    orImage(a.leadCaption(), lead == null ? "" : lead.caption()),
                    orImage(a.leadCredit(), lead == null ? "" : lead.credit())));
        }
        return out;
    }

    private static String orImage(String own, String fromImage) {
        return own == null || own.isBlank() ? (fromImage == null ? "" : fromImage) : own;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

}
