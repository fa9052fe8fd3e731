package org.broadsheet.newsroom;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.broadsheet.account.StaffAction;
import org.broadsheet.account.StaffPolicy;
import org.broadsheet.account.StaffUser;
import org.broadsheet.article.Article;
import org.broadsheet.article.ArticleService;
import org.broadsheet.article.ArticleStatus;
import org.broadsheet.author.AuthorService;
import org.broadsheet.comment.CommentService;
import org.broadsheet.media.MediaService;
import org.broadsheet.render.MarkdownRenderer;
import org.broadsheet.render.MarkdownTooDeep;
import org.broadsheet.site.SiteSettings;
import org.broadsheet.support.NotFoundException;
import org.broadsheet.support.Slugs;
import org.broadsheet.syndication.PartnerService;
import org.broadsheet.taxonomy.Tag;
import org.broadsheet.taxonomy.TaxonomyService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writing in the newsroom: starting drafts, saving the editor's form (with its checks, slug clashes and
 * concurrent edits), keeping revisions and restoring them. Permissions are checked here, on the server.
 */
@Service
class ArticleEditor {

    /** The column that keeps the editor's note as HTML. */
    private static final int MAX_NOTE_HTML = 20_000;

    private final ArticleService articles;
    private final TaxonomyService taxonomy;
    private final Revisions revisions;
    private final StaffPolicy policy;
    private final SiteSettings settings;
    private final AuthorService authors;
    private final MediaService media;
    private final PartnerService partners;
    private final MarkdownRenderer markdown;
    private final CommentService comments;

    ArticleEditor(ArticleService articles, TaxonomyService taxonomy, Revisions revisions, StaffPolicy policy,
                  SiteSettings settings, AuthorService authors, MediaService media, PartnerService partners,
                  MarkdownRenderer markdown, CommentService comments) {
        this.articles = articles;
        this.taxonomy = taxonomy;
        this.revisions = revisions;
        this.policy = policy;
        this.settings = settings;
        this.authors = authors;
        this.media = media;
        this.partners = partners;
        this.markdown = markdown;
        this.comments = comments;
    }

    /** What a save led to. */
    sealed interface Outcome {
        record Saved(Article article) implements Outcome {
        }

        /** Fields to fix; {@code form} is what was sent, possibly with a free slug offered. */
        record Invalid(ArticleForm form, Map<String, String> errors) implements Outcome {
        }

        /** Someone saved in between: what is stored now, and how it differs from what was sent. */
        record Conflict(ArticleForm form, Article current, List<LineDiff.Line> diff) implements Outcome {
        }
    }

    Article load(long id) {
        return articles.find(id).orElseThrow(() -> new NotFoundException("There is no article " + id + "."));
    }

    StaffPolicy.Subject subject(StaffUser user, Article a) {
        boolean own = articles.createdBy(a.id()).map(by -> by == user.id()).orElse(false)
                || (user.authorId() != null && articles.links(a.id()).authorIds().contains(user.authorId()));
        return new StaffPolicy.Subject(own, a.status() == ArticleStatus.DRAFT);
    }

    void require(StaffUser user, StaffAction action, Article a) {
        policy.require(user, action, subject(user, a));
    }

    boolean allows(StaffUser user, StaffAction action, Article a) {
        return policy.allows(user, action, subject(user, a));
    }

    @Transactional
    long startDraft(StaffUser user, String title, String language) {
        policy.require(user, StaffAction.WRITE_ARTICLE);
        String t = title == null || title.isBlank() ? "Untitled" : title.strip();
        if (t.length() > 500) {
            t = t.substring(0, 500);
        }
        String base = Slugs.slugify(t);
        String slug = articles.freeSlug(base.isEmpty() ? "untitled" : base, 0);
        String lang = language == null || !language.matches("[a-z]{2,3}") ? settings.current().language() : language;
        long id = articles.create(new ArticleService.NewArticle(slug, lang, t, "", "", ArticleStatus.DRAFT, null, null,
                null, "", "", "", "", null, null, "", null, false,
                user.authorId() == null ? List.of() : List.of(user.authorId()), List.of(), List.of(),
                comments.openByDefault()), user.id());
        revisions.record(load(id), user, false);
        return id;
    }

    @Transactional
    Outcome save(StaffUser user, long id, ArticleForm form, boolean autosave) {
        Article current = load(id);
        require(user, StaffAction.EDIT_ARTICLE, current);
        // Checked without the tags first: a form that is refused must not leave new tags behind.
        ArticleForm.Parsed parsed = form.parse(settings.current().timeZone(), List.of());
        if (!parsed.ok()) {
            return new Outcome.Invalid(form, parsed.errors());
        }
        ArticleService.ArticleEdit edit = parsed.edit();
        try {
            // Rendered here too, so that text the renderer refuses is a field error, not a failed save.
            markdown.render(edit.bodyMd());
        } catch (MarkdownTooDeep e) {
            return new Outcome.Invalid(form, Map.of("body", e.getMessage()));
        }
        try {
            if (markdown.render(edit.editorNoteMd()).length() > MAX_NOTE_HTML) {
                return new Outcome.Invalid(form, Map.of("editorNote", "The editor's note is too long once formatted (it has "
                        + "many characters such as & or < that take more room in HTML); shorten it."));
            }
        } catch (MarkdownTooDeep e) {
            return new Outcome.Invalid(form, Map.of("editorNote", e.getMessage()));
        }
        Map<String, String> gone = missingChoices(edit);
        if (!gone.isEmpty()) {
            return new Outcome.Invalid(form, gone);
        }
        if (articles.slugTaken(edit.slug(), id)) {
            String free = articles.freeSlug(edit.slug(), id);
            return new Outcome.Invalid(form.with(free, form.version()), Map.of("slug",
                    "Another article already uses the address \u201c" + edit.slug() + "\u201d. \u201c" + free
                            + "\u201d is free and has been filled in; save again to use it, or choose another."));
        }
        parsed = form.parse(settings.current().timeZone(), tagIds(form.tagNames(), !autosave));
        try {
            Article saved = articles.update(id, parsed.version(), parsed.edit());
            revisions.record(saved, user, autosave);
            return new Outcome.Saved(saved);
        } catch (ArticleService.VersionConflict e) {
            Article now = e.current();
            return new Outcome.Conflict(form.with(form.slug(), String.valueOf(now.version())), now,
                    Revisions.diff(now.title(), now.standfirst(), now.bodyMd(), form.title(), form.standfirst(), form.body()));
        }
    }

    /**
     * Chosen authors, sections, lead image or partner that no longer exist (deleted in another tab since the editor
     * was loaded, or a hand-made request): said per field rather than left to the database to refuse.
     */
    private Map<String, String> missingChoices(ArticleService.ArticleEdit edit) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (!authors.byIds(edit.authorIds()).keySet().containsAll(edit.authorIds())) {
            errors.put("authorIds", "One of the chosen authors no longer exists; choose again from the list.");
        }
        if (!taxonomy.sectionsByIds(edit.sectionIds()).keySet().containsAll(edit.sectionIds())) {
            errors.put("sectionIds", "One of the chosen sections no longer exists; choose again.");
        }
        if (edit.leadMediaId() != null && media.image(edit.leadMediaId()).isEmpty()) {
            errors.put("leadMediaId", "That image is no longer in the media library; choose another.");
        }
        if (edit.partnerId() != null && partners.find(edit.partnerId()).isEmpty()) {
            errors.put("partnerId", "That partner no longer exists; choose another.");
        }
        return errors;
    }

    /** Puts a revision's title, standfirst and text back, as a new save (the current text stays in the history). */
    @Transactional
    Article restore(StaffUser user, long articleId, long revisionId) {
        Article a = load(articleId);
        require(user, StaffAction.EDIT_ARTICLE, a);
        Revision r = revisions.find(articleId, revisionId).orElseThrow(() -> new NotFoundException("There is no such revision."));
        ArticleService.Links links = articles.links(articleId);
        Article saved = articles.update(articleId, a.version(), new ArticleService.ArticleEdit(a.slug(), a.language(),
                r.title(), r.standfirst(), r.bodyMd(), a.publishedAt(), a.leadMediaId(), a.leadCredit(), a.leadCaption(),
                a.leadAlt(), a.editorNoteMd(), a.partnerId(), a.originalUrl(), a.permissionNote(), a.translationGroup(),
                a.featured(), a.commentsOpen(), links.authorIds(), links.sectionIds(), links.tagIds()));
        revisions.record(saved, user, false);
        return saved;
    }

    ArticleService.Links links(long articleId) {
        return articles.links(articleId);
    }

    String tagNames(long articleId) {
        return ArticleForm.joinTags(taxonomy.tagsByIds(articles.links(articleId).tagIds()).values().stream().map(Tag::name).toList());
    }

    /** Ids of the named tags; unknown names become new tags when {@code create} is set. */
    private List<Long> tagIds(List<String> names, boolean create) {
        List<Long> ids = new ArrayList<>();
        for (String name : names) {
            String slug = Slugs.slugify(name);
            if (slug.isEmpty()) {
                slug = "tag-" + Integer.toHexString(name.hashCode());
            }
            var existing = taxonomy.tagBySlug(slug);
            if (existing.isPresent()) {
                ids.add(existing.get().id());
            } else if (create) {
                ids.add(taxonomy.createTag(slug, name.length() > 200 ? name.substring(0, 200) : name));
            }
        }
        return ids;
    }
}
