package org.broadsheet.article;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.broadsheet.render.MarkdownRenderer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates and changes articles. Markdown is rendered here, on save, so that reading never renders. */
@Service
public class ArticleService {

    private final ArticleRepository repository;
    private final MarkdownRenderer markdown;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final FormerSlugs formerSlugs;

    ArticleService(ArticleRepository repository, MarkdownRenderer markdown, Clock clock, ApplicationEventPublisher events,
                   FormerSlugs formerSlugs) {
        this.repository = repository;
        this.formerSlugs = formerSlugs;
        this.markdown = markdown;
        this.clock = clock;
        this.events = events;
    }

    /**
     * The fields of a new article; links are ids in order (first author first).
     *
     * @param commentsOpen whether it takes comments (the newsroom follows the discussion settings' default)
     */
    public record NewArticle(String slug, String language, String title, String standfirst, String bodyMd,
                             ArticleStatus status, OffsetDateTime publishedAt, OffsetDateTime updatedAt,
                             Long leadMediaId, String leadCredit, String leadCaption, String leadAlt,
                             String editorNoteMd, Long partnerId, String originalUrl, String permissionNote,
                             String translationGroup, boolean featured, List<Long> authorIds,
                             List<Long> sectionIds, List<Long> tagIds, boolean commentsOpen) {

        /** A new article that takes comments. */
        public NewArticle(String slug, String language, String title, String standfirst, String bodyMd,
                          ArticleStatus status, OffsetDateTime publishedAt, OffsetDateTime updatedAt,
                          Long leadMediaId, String leadCredit, String leadCaption, String leadAlt,
                          String editorNoteMd, Long partnerId, String originalUrl, String permissionNote,
                          String translationGroup, boolean featured, List<Long> authorIds,
                          List<Long> sectionIds, List<Long> tagIds) {
            this(slug, language, title, standfirst, bodyMd, status, publishedAt, updatedAt, leadMediaId, leadCredit,
                    leadCaption, leadAlt, editorNoteMd, partnerId, originalUrl, permissionNote, translationGroup, featured,
                    authorIds, sectionIds, tagIds, true);
        }
    }

    @Transactional
    public long create(NewArticle n) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        String editorNoteMd = n.editorNoteMd() == null ? "" : n.editorNoteMd();
        Article row = new Article(0, n.slug(), n.language(), n.title(), nullToEmpty(n.standfirst()), n.bodyMd(),
                markdown.render(n.bodyMd()), n.status(), n.publishedAt(),
                n.updatedAt() != null ? n.updatedAt() : (n.publishedAt() != null ? n.publishedAt() : now), now,
                n.leadMediaId(), nullToEmpty(n.leadCredit()), nullToEmpty(n.leadCaption()), nullToEmpty(n.leadAlt()),
                editorNoteMd, editorNoteMd.isBlank() ? "" : markdown.render(editorNoteMd), n.partnerId(),
                n.originalUrl(), nullToEmpty(n.permissionNote()), n.translationGroup(), n.featured(), n.commentsOpen(), 0);
        long id = repository.insert(row);
        repository.replaceAuthors(id, n.authorIds());
        repository.replaceSections(id, n.sectionIds());
        repository.replaceTags(id, n.tagIds());
        events.publishEvent(new ArticleChanged(id, n.slug()));
        return id;
    }

    /** What the newsroom's editor may change; links are ids in order (first author first). */
    public record ArticleEdit(String slug, String language, String title, String standfirst, String bodyMd,
                              OffsetDateTime publishedAt, Long leadMediaId, String leadCredit, String leadCaption,
                              String leadAlt, String editorNoteMd, Long partnerId, String originalUrl,
                              String permissionNote, String translationGroup, boolean featured, boolean commentsOpen,
                              List<Long> authorIds, List<Long> sectionIds, List<Long> tagIds) {
    }

    /** The article's author, section and tag ids in their order. */
    public record Links(List<Long> authorIds, List<Long> sectionIds, List<Long> tagIds) {
    }

    /** Filters of the newsroom's article list; null or blank means "any". */
    public record NewsroomFilter(ArticleStatus status, Long authorId, Long sectionId, String language, String query) {
    }

    /** Someone saved the article since this editor loaded it; {@code current} is what is stored now. */
    public static final class VersionConflict extends RuntimeException {
        private final transient Article current;

        public VersionConflict(Article current) {
            super("The article was changed by someone else since it was opened.");
            this.current = current;
        }

        public Article current() {
            return current;
        }
    }

    /** Creates an article on behalf of a member of staff, who may then edit it as their own. */
    @Transactional
    public long create(NewArticle n, long createdBy) {
        long id = create(n);
        repository.setCreatedBy(id, createdBy);
        return id;
    }

    /**
     * Saves the editor's fields when nobody else saved since {@code expectedVersion}; Markdown is rendered
     * here. Throws {@link VersionConflict} otherwise, never overwriting silently.
     */
    @Transactional(noRollbackFor = VersionConflict.class)
    public Article update(long id, int expectedVersion, ArticleEdit e) {
        Article old = repository.find(id).orElseThrow(() -> new org.broadsheet.support.NotFoundException("No such article."));
        String note = e.editorNoteMd() == null ? "" : e.editorNoteMd();
        Article row = new Article(id, e.slug(), e.language(), e.title(), nullToEmpty(e.standfirst()), nullToEmpty(e.bodyMd()),
                markdown.render(e.bodyMd()), old.status(), e.publishedAt(), OffsetDateTime.now(clock), old.createdAt(),
                e.leadMediaId(), nullToEmpty(e.leadCredit()), nullToEmpty(e.leadCaption()), nullToEmpty(e.leadAlt()),
                note, note.isBlank() ? "" : markdown.render(note), e.partnerId(), blankToNull(e.originalUrl()),
                nullToEmpty(e.permissionNote()), blankToNull(e.translationGroup()), e.featured(), e.commentsOpen(),
                expectedVersion + 1);
        if (repository.update(row, expectedVersion) == 0) {
            throw new VersionConflict(old);
        }
        if (!old.slug().equals(e.slug()) && old.status() == ArticleStatus.PUBLISHED && old.publishedAt() != null
                && !old.publishedAt().isAfter(row.updatedAt())) {
            // The old address has been public: links to it must keep working.
            formerSlugs.replaced(id, old.slug(), e.slug(), row.updatedAt());
        }
        repository.replaceAuthors(id, e.authorIds());
        repository.replaceSections(id, e.sectionIds());
        repository.replaceTags(id, e.tagIds());
        events.publishEvent(new ArticleChanged(id, e.slug()));
        return repository.find(id).orElseThrow();
    }

    /**
     * Moves an article along its workflow. {@code publishedAt} is the time it goes (or went) live;
     * {@code archiveRedirect} is where an archived article's address sends readers (null: 410 Gone).
     */
    @Transactional(noRollbackFor = VersionConflict.class)
    public Article changeStatus(long id, int expectedVersion, ArticleStatus status, OffsetDateTime publishedAt,
                                String archiveRedirect) {
        Article old = repository.find(id).orElseThrow(() -> new org.broadsheet.support.NotFoundException("No such article."));
        if (repository.updateStatus(id, expectedVersion, status, publishedAt, blankToNull(archiveRedirect),
                OffsetDateTime.now(clock)) == 0) {
            throw new VersionConflict(old);
        }
        events.publishEvent(new ArticleChanged(id, old.slug()));
        return repository.find(id).orElseThrow();
    }

    /** Publishes every scheduled article whose minute has come, each exactly once; returns their ids. */
    @Transactional
    public List<Long> publishDue() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<Long> published = new java.util.ArrayList<>();
        for (Article a : repository.dueScheduled(now)) {
            if (repository.publishScheduled(a.id(), now) == 1) {
                published.add(a.id());
                events.publishEvent(new ArticleChanged(a.id(), a.slug()));
            }
        }
        return published;
    }

    public List<Article> newsroomList(NewsroomFilter f, long offset, int limit) {
        return repository.newsroom(params(f), offset, limit);
    }

    public long newsroomCount(NewsroomFilter f) {
        return repository.countNewsroom(params(f));
    }

    private static java.util.Map<String, Object> params(NewsroomFilter f) {
        java.util.Map<String, Object> p = new java.util.HashMap<>();
        if (f.status() != null) {
            p.put("status", f.status().name());
        }
        if (f.authorId() != null) {
            p.put("authorId", f.authorId());
        }
        if (f.sectionId() != null) {
            p.put("sectionId", f.sectionId());
        }
        if (f.language() != null && !f.language().isBlank()) {
            p.put("language", f.language().trim());
        }
        if (f.query() != null && !f.query().isBlank()) {
            p.put("query", "%" + f.query().trim().toLowerCase(java.util.Locale.ROOT)
                    .replace("\\", "").replace("%", "").replace("_", "") + "%");
        }
        return p;
    }

    public Links links(long id) {
        List<Long> ids = List.of(id);
        return new Links(repository.authorIds(ids).getOrDefault(id, List.of()),
                repository.sectionIds(ids).getOrDefault(id, List.of()), repository.tagIds(ids).getOrDefault(id, List.of()));
    }

    /** The member of staff who started the article, when known. */
    public Optional<Long> createdBy(long id) {
        return repository.createdBy(id);
    }

    public Optional<String> archiveRedirect(long id) {
        return repository.archiveRedirect(id);
    }

    /** Articles that show the image: as lead image, or in their text by its address. */
    public List<Article> usingMedia(long mediaId, String addressFragment) {
        return repository.usingMedia(mediaId, addressFragment);
    }

    /** Every article (any status) sharing the translation group, for the newsroom. */
    public List<Article> inTranslationGroup(String group) {
        return group == null || group.isBlank() ? List.of() : repository.inTranslationGroup(group.trim());
    }

    public boolean slugTaken(String slug, long exceptArticleId) {
        return repository.slugTaken(slug, exceptArticleId);
    }

    /** {@code base}, or {@code base-2}, {@code base-3} … whichever no other article uses. */
    public String freeSlug(String base, long exceptArticleId) {
        String candidate = base;
        for (int n = 2; repository.slugTaken(candidate, exceptArticleId); n++) {
            candidate = base + "-" + n;
        }
        return candidate;
    }

    public Optional<Article> find(long id) {
        return repository.find(id);
    }

    public Optional<Article> findBySlug(String slug) {
        return repository.findBySlug(slug);
    }

    /** Where an article appears besides its own page: the lists of its sections, tags and authors. */
    public record Memberships(List<Long> sectionIds, List<Long> tagIds, List<Long> authorIds) {
    }

    public Memberships memberships(long articleId) {
        List<Long> ids = List.of(articleId);
        return new Memberships(repository.sectionIds(ids).getOrDefault(articleId, List.of()),
                repository.tagIds(ids).getOrDefault(articleId, List.of()),
                repository.authorIds(ids).getOrDefault(articleId, List.of()));
    }

    public long count() {
        return repository.countArticles();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
