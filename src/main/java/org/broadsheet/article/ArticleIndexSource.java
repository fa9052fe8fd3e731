package org.broadsheet.article;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

import org.broadsheet.author.Author;
import org.broadsheet.author.AuthorService;
import org.broadsheet.media.Image;
import org.broadsheet.media.MediaService;
import org.broadsheet.support.Rows;
import org.broadsheet.taxonomy.Section;
import org.broadsheet.taxonomy.Tag;
import org.broadsheet.taxonomy.TaxonomyService;
import org.jsoup.Jsoup;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Articles as flat records for the search index, feeds and sitemaps, read in a fixed number of queries per
 * batch. Only reads; article changes still go through {@link ArticleService}.
 */
@Service
public class ArticleIndexSource {

    private static final int STAMP_CHUNK = 10_000;
    private static final String PUBLISHED = "a.status = 'PUBLISHED' AND a.published_at <= :now";

    /*
     * Explicit row mappers: mapping a record by its component names makes the driver look up "bodyMd" before
     * "body_md", and H2 throws (and writes to its trace file) for every such miss, which dominated the cost
     * of reading thousands of rows.
     */
    private static final RowMapper<Article> ARTICLE = (rs, n) -> new Article(rs.getLong("id"), rs.getString("slug"),
            rs.getString("language"), rs.getString("title"), rs.getString("standfirst"), rs.getString("body_md"),
            rs.getString("body_html"), ArticleStatus.valueOf(rs.getString("status")),
            rs.getObject("published_at", OffsetDateTime.class), rs.getObject("updated_at", OffsetDateTime.class),
            rs.getObject("created_at", OffsetDateTime.class), rs.getObject("lead_media_id", Long.class),
            rs.getString("lead_credit"), rs.getString("lead_caption"), rs.getString("lead_alt"),
            rs.getString("editor_note_md"), rs.getString("editor_note_html"), rs.getObject("partner_id", Long.class),
            rs.getString("original_url"), rs.getString("permission_note"), rs.getString("translation_group"),
            rs.getBoolean("featured"), rs.getBoolean("comments_open"), rs.getInt("version"));
    private static final RowMapper<ArticleStamp> STAMP = (rs, n) -> new ArticleStamp(rs.getLong("id"), rs.getString("slug"),
            rs.getString("language"), rs.getString("title"), rs.getObject("published_at", OffsetDateTime.class),
            rs.getObject("updated_at", OffsetDateTime.class));

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
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Article> byId = new HashMap<>();
        jdbc.sql("SELECT a.* FROM article a WHERE a.id IN (:ids)").param("ids", ids).query(ARTICLE).list()
                .forEach(a -> byId.put(a.id(), a));
        return assemble(ids.stream().map(byId::get).filter(Objects::nonNull).toList());
    }

    /**
     * The ids of the next {@code limit} articles after {@code afterId}, in id order, whatever their status: a
     * whole-index rebuild pages through them by primary key (a filter on status here would make the
     * database sort the whole table for every page) and keeps the published ones of {@link #contents}.
     */
    public List<Long> idsAfter(long afterId, int limit) {
        return jdbc.sql("SELECT id FROM article WHERE id > :after ORDER BY id LIMIT :limit")
                .param("after", afterId).param("limit", limit).query(Long.class).list();
    }

    /**
     * Ids of the newest visible articles, newest first: all ({@code linkTable} null) or those linked through
     * {@code article_section}, {@code article_tag} or {@code article_author} to any of {@code targetIds}.
     */
    public List<Long> latestIds(String linkTable, Collection<Long> targetIds, int limit) {
        String filter = "";
        if (linkTable != null) {
            String column = switch (linkTable) {
                case "article_section" -> "section_id";
                case "article_tag" -> "tag_id";
                case "article_author" -> "author_id";
                default -> throw new IllegalArgumentException("Not an article link table: " + linkTable);
            };
            if (targetIds.isEmpty()) {
                return List.of();
            }
            filter = " AND a.id IN (SELECT l.article_id FROM " + linkTable + " l WHERE l." + column + " IN (:targets))";
        }
        var spec = jdbc.sql("SELECT a.id FROM article a WHERE " + PUBLISHED + filter +
                " ORDER BY a.published_at DESC, a.id DESC LIMIT :limit").param("now", now()).param("limit", limit);
        if (linkTable != null) {
            spec = spec.param("targets", targetIds);
        }
        return spec.query(Long.class).list();
    }

    /**
     * Every article readers can see now, oldest first, for sitemaps. Read by primary key in chunks, visibility
     * checked and sorted here: with a status filter or an ORDER BY on the date H2 sorts the whole table, once
     * per OFFSET page, spilling results of more than 40,000 rows to a temporary file. The pass still reads
     * every article row, bodies included (H2 keeps them in the row): about 10 s at 100,000 articles.
     */
    public void forEachPublishedStamp(Consumer<ArticleStamp> action) {
        List<ArticleStamp> all = visibleStamps();
        all.sort(Comparator.comparing(ArticleStamp::publishedAt).thenComparingLong(ArticleStamp::id));
        all.forEach(action);
    }

    /** Every article readers can see now, in id order, read by primary key in chunks (see above). */
    private List<ArticleStamp> visibleStamps() {
        OffsetDateTime now = now();
        List<ArticleStamp> all = new ArrayList<>();
        long[] lastAndCount = {0, 0};
        do {
            long after = lastAndCount[0];
            lastAndCount[1] = 0;
            jdbc.sql("SELECT a.id, a.slug, a.language, a.title, a.published_at, a.updated_at, a.status FROM article a"
                            + " WHERE a.id > :after ORDER BY a.id LIMIT " + STAMP_CHUNK)
                    .param("after", after)
                    .query(rs -> {
                        lastAndCount[0] = rs.getLong("id");
                        lastAndCount[1]++;
                        ArticleStamp stamp = STAMP.mapRow(rs, 0);
                        if ("PUBLISHED".equals(rs.getString("status")) && stamp.publishedAt() != null
                                && !stamp.publishedAt().isAfter(now)) {
                            all.add(stamp);
                        }
                    });
        } while (lastAndCount[1] == STAMP_CHUNK);
        return all;
    }

    public long countPublished() {
        return jdbc.sql("SELECT COUNT(*) FROM article a WHERE " + PUBLISHED).param("now", now()).query(Long.class).single();
    }

    /** Articles published since the given time and visible now, newest first (news sitemaps). */
    public List<ArticleStamp> publishedSince(OffsetDateTime since, int limit) {
        return jdbc.sql("SELECT a.id, a.slug, a.language, a.title, a.published_at, a.updated_at FROM article a WHERE " +
                        PUBLISHED + " AND a.published_at >= :since ORDER BY a.published_at DESC, a.id DESC LIMIT :limit")
                .param("now", now()).param("since", since).param("limit", limit).query(STAMP).list();
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

    /**
     * Newest change per section, tag or author: the visible articles read once by primary key, the small link
     * table once, the maximum taken here (the same work as a join, without H2 sorting or spilling it).
     */
    private Map<Long, OffsetDateTime> lastChange(String table, String column) {
        Map<Long, OffsetDateTime> updated = new HashMap<>();
        for (ArticleStamp a : visibleStamps()) {
            updated.put(a.id(), a.updatedAt());
        }
        Map<Long, OffsetDateTime> out = new HashMap<>();
        jdbc.sql("SELECT article_id, " + column + " FROM " + table).query(rs -> {
            OffsetDateTime changed = updated.get(rs.getLong(1));
            if (changed != null) {
                out.merge(rs.getLong(2), changed, (x, y) -> x.isAfter(y) ? x : y);
            }
        });
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
