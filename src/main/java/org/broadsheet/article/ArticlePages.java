package org.broadsheet.article;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.broadsheet.author.Author;
import org.broadsheet.author.AuthorService;
import org.broadsheet.comment.CommentService;
import org.broadsheet.media.Image;
import org.broadsheet.media.MediaService;
import org.broadsheet.site.Chrome;
import org.broadsheet.site.PageHead;
import org.broadsheet.site.SiteSettings;
import org.broadsheet.site.SiteUrls;
import org.broadsheet.syndication.Partner;
import org.broadsheet.support.PageDependencies;
import org.broadsheet.support.ReadMostly;
import org.broadsheet.support.ReadMostlyCaches;
import org.broadsheet.syndication.PartnerService;
import org.broadsheet.taxonomy.Section;
import org.broadsheet.taxonomy.Tag;
import org.broadsheet.taxonomy.TaxonomyService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Assembles the public page of one published article. */
@Service
public class ArticlePages {

    private static final int RELATED = 4;

    private final ArticleRepository repository;
    private final ArticleAssembler assembler;
    private final AuthorService authors;
    private final TaxonomyService taxonomy;
    private final MediaService media;
    private final PartnerService partners;
    private final CommentService comments;
    private final ArticleStructuredData structuredData;
    private final SiteUrls urls;
    private final Clock clock;
    private final ObjectProvider<SimilarArticles> similar;
    private final FormerSlugs formerSlugs;
    private volatile Optional<SimilarArticles> finder;
    /**
     * The related-articles block's cards: what they show (other articles, their authors, sections and images)
     * changes only with content, never with comments, so they are kept until content changes.
     */
    private final ReadMostly<RelatedKey, List<ArticleSummary>> relatedSummaries;

    private record RelatedKey(long articleId, ZoneId zone) {
    }

    /**
     * A published article's schema.org description: made from the article, its authors, sections, tags, image
     * and the site's settings — content, never comments — so kept like the related cards (building it was 5% of
     * an uncached page's CPU).
     */
    private final ReadMostly<StructuredDataKey, String> publishedStructuredData;

    private record StructuredDataKey(long articleId, int version, String url) {
    }

    ArticlePages(ArticleRepository repository, ArticleAssembler assembler, AuthorService authors,
                 TaxonomyService taxonomy, MediaService media, PartnerService partners, CommentService comments,
                 ArticleStructuredData structuredData, SiteUrls urls, Clock clock,
                 ObjectProvider<SimilarArticles> similar, ReadMostlyCaches caches, FormerSlugs formerSlugs) {
        this.relatedSummaries = caches.create(10_000);
        this.publishedStructuredData = caches.create(10_000);
        this.formerSlugs = formerSlugs;
        this.repository = repository;
        this.assembler = assembler;
        this.authors = authors;
        this.taxonomy = taxonomy;
        this.media = media;
        this.partners = partners;
        this.comments = comments;
        this.structuredData = structuredData;
        this.urls = urls;
        this.clock = clock;
        this.similar = similar;
    }

    /** What an article address leads to. */
    public sealed interface Lookup {
        /** The article is here. */
        record Found(ArticlePage page) implements Lookup {
        }

        /** The slug is right but the date is not: the article lives at {@code url}. */
        record MovedTo(String url) implements Lookup {
        }

        record Missing() implements Lookup {
        }

        /** The article was taken down and no new address was set: answer 410 Gone. */
        record Gone() implements Lookup {
        }
    }

    /**
     * What is at this address. One read-only transaction: the page's queries share one connection (not one
     * pool checkout each) and see one snapshot.
     */
    @Transactional(readOnly = true)
    public Lookup find(LocalDate date, String slug, SiteSettings.Settings settings) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Optional<Article> any = repository.findForPage(slug);
        if (any.isEmpty()) {
            // Renamed since: the old address leads on to wherever the article is now (checked just below).
            any = formerSlugs.articleOnceAt(slug).flatMap(repository::find);
        }
        if (any.isPresent() && any.get().status() == ArticleStatus.ARCHIVED) {
            Optional<String> target = repository.archiveRedirect(any.get().id());
            if (target.isPresent()) {
                return new Lookup.MovedTo(target.get());
            }
            // Without a publication date it was never public (an imported private post): nothing was withdrawn,
            // and the address answers as a draft's does.
            return any.get().publishedAt() != null ? new Lookup.Gone() : new Lookup.Missing();
        }
        Optional<Article> found = any
                .filter(a -> a.isPublicAt(now));
        if (found.isEmpty()) {
            return new Lookup.Missing();
        }
        Article article = found.get();
        ZoneId zone = settings.timeZone();
        String url = ArticleUrls.of(article.publishedAt(), article.slug(), zone);
        if (!url.equals(ArticleUrls.of(date, slug))) {
            return new Lookup.MovedTo(url);
        }
        return new Lookup.Found(assemble(article, url, settings, now));
    }

    /**
     * The page of any article whatever its status, as it would look published: for staff previews and
     * secret preview links. The caller checks who may see it.
     */
    public Optional<ArticlePage> preview(long articleId, SiteSettings.Settings settings) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return repository.find(articleId)
                .map(a -> a.publishedAt() != null ? a : new Article(a.id(), a.slug(), a.language(), a.title(),
                        a.standfirst(), a.bodyMd(), a.bodyHtml(), a.status(), now, a.updatedAt(), a.createdAt(),
                        a.leadMediaId(), a.leadCredit(), a.leadCaption(), a.leadAlt(), a.editorNoteMd(),
                        a.editorNoteHtml(), a.partnerId(), a.originalUrl(), a.permissionNote(), a.translationGroup(),
                        a.featured(), a.commentsOpen(), a.version()))
                .map(a -> assemble(a, ArticleUrls.of(a.publishedAt(), a.slug(), settings.timeZone()), settings, now));
    }

    private String schemaOrgDescription(Article a, String url, List<Author> byline, List<Section> sections, List<Tag> tags,
                                        String imageUrl, ArticlePage.Syndication syndication, SiteSettings.Settings settings) {
        if (a.status() != ArticleStatus.PUBLISHED) {
            // A preview of a draft carries the moment of the preview as its publication date: made afresh.
            return structuredData.newsArticle(a, urls.absolute(url), byline, sections, tags, imageUrl, syndication, settings);
        }
        return publishedStructuredData.get(new StructuredDataKey(a.id(), a.version(), url),
                key -> structuredData.newsArticle(a, urls.absolute(url), byline, sections, tags, imageUrl, syndication, settings));
    }

    private ArticlePage assemble(Article a, String url, SiteSettings.Settings settings, OffsetDateTime now) {
        ZoneId zone = settings.timeZone();
        ArticleRepository.ArticleLinks links = repository.linksOf(a.id());
        List<Long> authorIds = links.authorIds();
        List<Author> byline = ArticleAssembler.pick(authorIds, authors.byIds(authorIds));
        List<Long> sectionIds = links.sectionIds();
        List<Section> sections = ArticleAssembler.pick(sectionIds, taxonomy.sectionsByIds(sectionIds));
        List<Long> tagIds = links.tagIds();
        var tags = new ArrayList<>(taxonomy.tagsByIds(tagIds).values());
        Image lead = a.leadMediaId() == null ? null : media.image(a.leadMediaId()).orElse(null);

        ArticlePage.Syndication syndication = null;
        if (a.partnerId() != null) {
            Partner p = partners.find(a.partnerId()).orElse(null);
            if (p != null) {
                String note = a.permissionNote().isBlank() ? p.permissionNote() : a.permissionNote();
                syndication = new ArticlePage.Syndication(p.name(), p.url(),
                        a.originalUrl() == null || a.originalUrl().isBlank() ? p.url() : a.originalUrl(), note);
            }
        }

        List<ArticlePage.Translation> translations = a.translationGroup() == null ? List.of()
                : repository.translations(a.translationGroup(), a.id(), now).stream()
                .map(t -> new ArticlePage.Translation(t.language(), Chrome.languageName(t.language()), t.title(),
                        ArticleUrls.of(t.publishedAt(), t.slug(), zone)))
                .toList();

        // The page shows the article itself, its authors, and a related block that a newly published article
        // sharing a section or tag may join.
        PageDependencies.record(PageDependencies.article(a.id()));
        authorIds.forEach(id -> PageDependencies.record(PageDependencies.author(id)));
        sectionIds.forEach(id -> PageDependencies.record(PageDependencies.sectionList(id)));
        tagIds.forEach(id -> PageDependencies.record(PageDependencies.tagList(id)));
        List<ArticleSummary> related = related(a.id(), now, zone);

        boolean laterDay = a.updatedAt() != null && a.publishedAt() != null
                && a.updatedAt().atZoneSameInstant(zone).toLocalDate()
                .isAfter(a.publishedAt().atZoneSameInstant(zone).toLocalDate());

        String leadCaption = a.leadCaption().isBlank() && lead != null ? lead.caption() : a.leadCaption();
        String leadCredit = a.leadCredit().isBlank() && lead != null ? lead.credit() : a.leadCredit();
        String leadAlt = a.leadAlt().isBlank() && lead != null ? lead.alt() : a.leadAlt();

        String canonical = syndication != null && syndication.originalUrl() != null && !syndication.originalUrl().isBlank()
                ? syndication.originalUrl() : urls.absolute(url);
        List<PageHead.Alternate> alternates = new ArrayList<>();
        if (!translations.isEmpty()) {
            alternates.add(new PageHead.Alternate(a.language(), urls.absolute(url)));
            translations.forEach(t -> alternates.add(new PageHead.Alternate(t.language(), urls.absolute(t.url()))));
        }
        String description = a.standfirst().isBlank() ? a.title() : a.standfirst();
        String imageUrl = lead == null ? "" : urls.absolute(lead.urlFor(1200));
        String jsonLd = schemaOrgDescription(a, url, byline, sections, tags, imageUrl, syndication, settings);
        PageHead head = new PageHead(a.title() + " — " + settings.title(), description, canonical, a.language(),
                "article", imageUrl, jsonLd, alternates, List.of(), false);

        return new ArticlePage(a.id(), url, a.language(), a.title(), a.standfirst(), a.bodyHtml(), a.publishedAt(),
                laterDay ? a.updatedAt() : null, lead, leadCaption, leadCredit, leadAlt, byline, sections, tags,
                a.editorNoteHtml(), syndication, translations, comments.discussion(a.id(), url, a.commentsOpen(), a.publishedAt()), a.commentsOpen(),
                related, head);
    }

    /**
     * From the search index when it can answer (kept until content changes), else the newest articles sharing
     * a section or tag (not kept: the index may be ready for the next request).
     */
    private List<ArticleSummary> related(long articleId, OffsetDateTime now, ZoneId zone) {
        RelatedKey key = new RelatedKey(articleId, zone);
        List<ArticleSummary> kept = relatedSummaries.get(key, k -> {
            SimilarArticles finder = similarArticles();
            Optional<List<Long>> ids = finder == null ? Optional.empty() : finder.similarTo(articleId, RELATED);
            return ids.map(found -> assembler.summaries(visible(found, now), zone)).orElse(null);
        });
        if (kept == null) {
            return assembler.summaries(repository.related(articleId, now, RELATED), zone);
        }
        ArticleAssembler.recordDependencies(kept);
        return kept;
    }

    /** The search feature's finder, looked up once: resolving a bean on every page view costs. */
    private SimilarArticles similarArticles() {
        Optional<SimilarArticles> known = finder;
        if (known == null) {
            known = Optional.ofNullable(similar.getIfAvailable());
            finder = known;
        }
        return known.orElse(null);
    }

    private List<Article> visible(List<Long> ids, OffsetDateTime now) {
        Map<Long, Article> byId = new HashMap<>();
        repository.findAll(ids).forEach(r -> byId.put(r.id(), r));
        return ids.stream().map(byId::get)
                .filter(r -> r != null && r.isPublicAt(now))
                .toList();
    }
}
