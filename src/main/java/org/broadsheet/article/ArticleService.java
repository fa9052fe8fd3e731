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

    ArticleService(ArticleRepository repository, MarkdownRenderer markdown, Clock clock, ApplicationEventPublisher events) {
        this.repository = repository;
        this.markdown = markdown;
        this.clock = clock;
        this.events = events;
    }

    /** The fields of a new article; links are ids in order (first author first). */
    public record NewArticle(String slug, String language, String title, String standfirst, String bodyMd,
                             ArticleStatus status, OffsetDateTime publishedAt, OffsetDateTime updatedAt,
                             Long leadMediaId, String leadCredit, String leadCaption, String leadAlt,
                             String editorNoteMd, Long partnerId, String originalUrl, String permissionNote,
                             String translationGroup, boolean featured, List<Long> authorIds,
                             List<Long> sectionIds, List<Long> tagIds) {
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
                n.originalUrl(), nullToEmpty(n.permissionNote()), n.translationGroup(), n.featured(), true, 0);
        long id = repository.insert(row);
        repository.replaceAuthors(id, n.authorIds());
        repository.replaceSections(id, n.sectionIds());
        repository.replaceTags(id, n.tagIds());
        events.publishEvent(new ArticleChanged(id, n.slug()));
        return id;
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

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
