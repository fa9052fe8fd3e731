package org.broadsheet.migrate;

import static org.broadsheet.migrate.WxrFields.clip;
import static org.broadsheet.migrate.WxrFields.language;
import static org.broadsheet.migrate.WxrFields.parseLong;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.broadsheet.article.ArticlesChanged;
import org.broadsheet.render.MarkdownRenderer;
import org.broadsheet.render.MarkdownTooDeep;
import org.jsoup.nodes.Entities;
import org.springframework.context.ApplicationEventPublisher;

/**
 * One run of a WXR import: what has been matched so far (source ids, slugs, terms, authors) and how each
 * entry is written. Items are converted in parallel ({@link #convert}, no database) and written one by one
 * ({@link #write}) inside the batch's transaction.
 */
final class ImportRun {

    private static final int MAX_DEFERRED = 20_000;
    private static final String UNREAD = "among the items read before the import stopped (it may come after the "
            + "error; importing the whole file sets it)";

    private final String site;
    private final ImportStore store;
    private final MarkdownRenderer markdown;
    private final ApplicationEventPublisher events;
    private final ImportReport report;
    private final MediaImport media;
    private final OffsetDateTime now;

    private final Map<String, Map<String, Long>> sources;
    private final ArticleSlugs slugs;
    private final ImportedComments comments;
    private final ImportedPeopleAndTerms people;
    /** Articles written in the current batch, announced together at its end. */
    private final List<Long> changed = new ArrayList<>();
    private final Map<String, Integer> seenPosts = new HashMap<>();
    private final List<long[]> deferredLeads = new ArrayList<>();
    private final List<Deferred> deferredBodies = new ArrayList<>();
    private final RedirectRows redirects;
    private final ImportStore.Pending pending = new ImportStore.Pending();

    private record Deferred(long articleId, String postId, String content, String footnotes) {
    }

    /** An item converted and ready to write. */
    record Converted(Wxr.Item item, String markdown, String html, String language, ContentConverter.Converted content,
                     List<ImportedComments.Draft> comments) {

        /** An item written as it is (an attachment) or not imported. */
        static Converted asIs(Wxr.Item item) {
            return new Converted(item, null, null, null, null, List.of());
        }
    }

    ImportRun(String site, ImportStore store, MarkdownRenderer markdown, ApplicationEventPublisher events,
              ImportReport report, MediaImport media, OffsetDateTime now) {
        this.site = site;
        this.store = store;
        this.markdown = markdown;
        this.events = events;
        this.report = report;
        this.media = media;
        this.now = now;
        this.sources = store.sources(site);
        this.people = new ImportedPeopleAndTerms(store, report, now);
        this.slugs = new ArticleSlugs(store.articleSlugs());
        this.comments = new ImportedComments(site, store, report, sources.computeIfAbsent("comment", k -> new HashMap<>()));
        this.redirects = new RedirectRows(store, report, now);
        media.remember(sources.getOrDefault("attachment", Map.of()));
    }

    // ---- authors and terms ----

    void author(Wxr.Author a) {
        people.author(a);
    }

    void term(Wxr.Term t) {
        people.term(t);
    }

    // ---- items ----

    static boolean isArticle(Wxr.Item item) {
        return "post".equals(item.postType()) || "page".equals(item.postType());
    }

    /** Conversion without the database: safe to run on several items at once. */
    Converted convert(Wxr.Item item) {
        if (!isArticle(item)) {
            return Converted.asIs(item);
        }
        ContentConverter.Converted c = ContentConverter.convert(item.content(), item.meta("footnotes"), media.links(item.postId()));
        String language = language(item);
        return new Converted(item, c.markdown(), rendered(item.postId(), c.markdown()), language, c,
                ImportedComments.drafts(item, now));
    }

    /**
     * The body's HTML. Markdown nested too deep to render would stop the whole import; that post is kept instead,
     * its text shown as written, and the report says so. (HTML from an export cannot get there today: jsoup's
     * parser caps nesting at 512 levels, which renders; this guards the import against a converter that keeps more.)
     */
    private String rendered(String postId, String body) {
        try {
            return markdown.render(body);
        } catch (MarkdownTooDeep e) {
            report.warn("post " + postId + ": " + e.getMessage() + " It is kept as plain text.");
            return "<pre>" + Entities.escape(body) + "</pre>";
        }
    }

    /**
     * Writes a batch inside its transaction: attachments first (so that posts find their images), then the
     * articles — new ones inserted with one JDBC batch — then what hangs off each article, then the comments.
     */
    void write(List<Converted> batch) {
        List<Placed> placed = new ArrayList<>();
        for (Converted c : batch) {
            Placed p = place(c);
            if (p != null) {
                placed.add(p);
            }
        }
        List<Placed> fresh = placed.stream().filter(p -> p.id == null).toList();
        long[] ids = store.insertArticles(fresh.stream().map(Placed::row).toList());
        for (int i = 0; i < ids.length; i++) {
            fresh.get(i).id = ids[i];
        }
        placed.forEach(this::attach);
        redirects.attachmentPages(this::articleOf, false);
        flush();
    }

    /** The article imported from a post or page of the old site, by its id there. */
    private Long articleOf(String wpId) {
        Long id = sources.getOrDefault("post", Map.of()).get(wpId);
        return id != null ? id : sources.getOrDefault("page", Map.of()).get(wpId);
    }

    /** An article of the batch: its row, and its id once it has one. */
    private static final class Placed {
        final Converted converted;
        final String kind;
        final String sourceId;
        final boolean existed;
        final ImportStore.ArticleRow row;
        Long id;

        Placed(Converted converted, String sourceId, Long existing, ImportStore.ArticleRow row) {
            this.converted = converted;
            this.kind = converted.item().postType();
            this.sourceId = sourceId;
            this.existed = existing != null;
            this.row = row;
            this.id = existing;
        }

        ImportStore.ArticleRow row() {
            return row;
        }
    }

    /** Handles what is not an article; for an article, updates it if imported before and returns its row. */
    private Placed place(Converted c) {
        Wxr.Item item = c.item();
        if ("attachment".equals(item.postType())) {
            MediaImport.Copies copies = media.attachment(item);
            redirects.attachment(item, media.oldPath(item), copies.file());
            copies.resized().forEach(redirects::file);
            report.tally("attachments");
            return null;
        }
        if (!isArticle(item)) {
            report.skipped(item.postType());
            report.tally("skipped items");
            if (!item.comments().isEmpty()) {
                report.warn(item.postType() + " " + item.postId() + " (\"" + clip(item.title(), 60) + "\") was not imported, nor its "
                        + item.comments().size() + " comments");
            }
            return null;
        }
        people.flushCategories();
        String kind = item.postType();
        String sourceId = item.postId();
        if (!sourceId.isBlank()) {
            int seen = seenPosts.merge(kind + ":" + sourceId, 1, Integer::sum);
            if (seen > 1) {
                // Two different items with one id (a broken or merged export): both are kept, the later one
                // keyed by its occurrence, so that running the import again still updates each of them.
                sourceId = sourceId + "#" + seen;
                report.warn(kind + " id " + item.postId() + " appears " + seen + " times (again at line " + item.line()
                        + "); each is imported as its own article");
            }
        }
        c.content().unknownShortcodes().forEach(report::unknownShortcode);
        c.content().warnings().forEach(w -> report.warn(kind + " " + item.postId() + ": " + w));

        Long existing = sourceId.isBlank() ? null : sources.computeIfAbsent(kind, k -> new HashMap<>()).get(sourceId);
        String thumbnail = item.meta("_thumbnail_id");
        Long lead = thumbnail == null ? null : media.mediaId(thumbnail);
        ImportStore.ArticleRow row = ImportedArticleRow.of(c, slugs.of(existing, item), lead, now, report);
        if (existing != null) {
            store.updateArticle(existing, row);
            report.tally(kind + "s updated");
        }
        return new Placed(c, sourceId, existing, row);
    }

    /** Links an article, with its id, to its authors, sections, tags, old addresses and comments. */
    private void attach(Placed p) {
        Wxr.Item item = p.converted.item();
        long id = p.id;
        if (!p.existed) {
            slugs.assigned(id, p.row.slug());
            if (!p.sourceId.isBlank()) {
                pending.sources.add(new Object[] {site, p.kind, p.sourceId, id});
                sources.get(p.kind).put(p.sourceId, id);
            }
        }
        report.tally(p.kind + "s");
        String thumbnail = item.meta("_thumbnail_id");
        if (thumbnail != null && p.row.leadMediaId() == null && deferredLeads.size() < MAX_DEFERRED) {
            deferredLeads.add(new long[] {id, parseLong(thumbnail)});
        }
        if (p.converted.content().unresolved()) {
            if (deferredBodies.size() < MAX_DEFERRED) {
                deferredBodies.add(new Deferred(id, item.postId(), item.content(), item.meta("footnotes")));
            } else {
                report.warn(p.kind + " " + item.postId() + ": a gallery names images that were not found");
            }
        }
        long authorId = people.authorOfPost(item.creator().isBlank() ? "admin" : item.creator());
        List<Long> sections = new ArrayList<>();
        List<Long> tags = new ArrayList<>();
        for (Wxr.ItemTerm t : item.terms()) {
            if (t.slug().isBlank() && t.name().isBlank()) {
                continue;
            }
            if ("category".equals(t.domain())) {
                sections.add(people.sectionOfItemTerm(t));
            } else if ("post_tag".equals(t.domain()) || "tag".equals(t.domain())) {
                tags.add(people.tagFor(t.slug(), t.name()));
            }
        }
        if (p.existed) {
            store.clearLinks(id);
        }
        pending.authors.add(new Object[] {id, authorId, 0});
        int position = 0;
        for (Long section : sections.stream().distinct().toList()) {
            pending.sections.add(new Object[] {id, section, position++});
        }
        for (Long tag : tags.stream().distinct().toList()) {
            pending.tags.add(new Object[] {id, tag});
        }
        if (p.sourceId.equals(item.postId())) {
            redirects.article(item, id);
        }
        changed.add(id);
        comments.collect(p.converted.comments(), id);
    }

    /**
     * Writes what the batch's items collected, at the end of each batch's transaction, and tells the other
     * features once for the whole batch.
     */
    void flush() {
        redirects.flushInto(pending);
        store.flushLinks(pending);
        pending.sources.addAll(comments.flush());
        store.flushSources(pending);
        if (!changed.isEmpty()) {
            events.publishEvent(new ArticlesChanged(changed));
            changed.clear();
        }
    }

    /**
     * Runs what had to wait for the end of the file: lead images and galleries whose attachments came later, old
     * addresses that only the whole file's permalinks show.
     *
     * @param wholeFile false when reading stopped at an error: an attachment not seen may be in the part not read,
     *                  so the report must not call it missing from the export
     */
    void finish(boolean wholeFile) {
        people.flushCategories();
        redirects.attachmentPages(this::articleOf, true);
        redirects.unlinkedPosts(wholeFile);
        flush();
        for (long[] lead : deferredLeads) {
            Long mediaId = media.mediaId(String.valueOf(lead[1]));
            if (mediaId != null) {
                store.setLead(lead[0], mediaId);
                changed.add(lead[0]);
            } else {
                report.warn("article " + lead[0] + ": its featured image (attachment " + lead[1] + ") is not "
                        + (wholeFile ? "in the export" : UNREAD));
            }
        }
        for (Deferred d : deferredBodies) {
            ContentConverter.Converted c = ContentConverter.convert(d.content(), d.footnotes(), media.links(d.postId()));
            store.setBody(d.articleId(), c.markdown(), rendered(d.postId(), c.markdown()));
            if (c.unresolved()) {
                report.warn("post " + d.postId() + ": a gallery names images that are not "
                        + (wholeFile ? "in the export" : UNREAD));
            }
            changed.add(d.articleId());
        }
        deferredLeads.clear();
        deferredBodies.clear();
        flush();
    }
}
