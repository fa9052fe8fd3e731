package org.broadsheet.newsroom;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.broadsheet.account.StaffAction;
import org.broadsheet.account.StaffUser;
import org.broadsheet.article.Article;
import org.broadsheet.article.ArticleStatus;
import org.broadsheet.article.ArticleUrls;
import org.broadsheet.author.AuthorService;
import org.broadsheet.media.MediaService;
import org.broadsheet.site.Chrome;
import org.broadsheet.site.SiteSettings;
import org.broadsheet.syndication.PartnerService;
import org.broadsheet.taxonomy.TaxonomyService;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/** Builds the editor's page: the form, its choices, the workflow buttons this person may press, the notes. */
@Component
class EditorPages {

    static final String HTMX = "/webjars/htmx.org/2.0.4/dist/htmx.min.js";

    private final ArticleEditor editor;
    private final Workflow workflow;
    private final EditorialNotes notes;
    private final AuthorService authors;
    private final TaxonomyService taxonomy;
    private final PartnerService partners;
    private final MediaService media;
    private final SiteSettings settings;
    private final ResourceUrlProvider resources;
    private final org.broadsheet.article.ArticleService articles;

    EditorPages(org.broadsheet.article.ArticleService articles, ArticleEditor editor, Workflow workflow, EditorialNotes notes, AuthorService authors,
                TaxonomyService taxonomy, PartnerService partners, MediaService media, SiteSettings settings,
                ResourceUrlProvider resources) {
        this.articles = articles;
        this.editor = editor;
        this.workflow = workflow;
        this.notes = notes;
        this.authors = authors;
        this.taxonomy = taxonomy;
        this.partners = partners;
        this.media = media;
        this.settings = settings;
        this.resources = resources;
    }

    EditorPage page(StaffUser user, Article a, ArticleForm form, Map<String, String> errors, String notice,
                    String error, List<LineDiff.Line> conflict, String previewLink) {
        SiteSettings.Settings s = settings.current();
        boolean canEdit = editor.allows(user, StaffAction.EDIT_ARTICLE, a);
        List<Option> steps = workflow.available(user, a).stream().map(st -> new Option(st.name(), st.label)).toList();
        List<Option> languages = new ArrayList<>(List.of(new Option("en", "English"), new Option("ru", "Русский"),
                new Option("ja", "日本語")));
        if (languages.stream().noneMatch(o -> o.value().equals(form.language())) && !form.language().isEmpty()) {
            languages.add(new Option(form.language(), Chrome.languageName(form.language())));
        }
        List<Option> authorOptions = authors.all().stream().map(x -> new Option(String.valueOf(x.id()), x.name())).toList();
        List<Option> sections = taxonomy.sections().stream()
                .map(x -> new Option(String.valueOf(x.id()), x.name(), x.trail().size() - 1)).toList();
        List<Option> partnerOptions = partners.all().stream().map(p -> new Option(String.valueOf(p.id()), p.name())).toList();
        List<Option> mediaOptions = media.library(0, 300).stream()
                .map(m -> new Option(String.valueOf(m.id()), m.fileName() + " (" + m.width() + "\u00d7" + m.height() + ")"))
                .toList();
        String publicUrl = a.status() == ArticleStatus.PUBLISHED && a.publishedAt() != null
                ? ArticleUrls.of(a.publishedAt(), a.slug(), s.timeZone()) : "";
        String scheduledFor = a.status() == ArticleStatus.SCHEDULED && a.publishedAt() != null
                ? a.publishedAt().atZoneSameInstant(s.timeZone()).format(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT).withLocale(Locale.UK))
                : "";
        String script = resources.getForLookupPath("/assets/editor.js");
        return new EditorPage(a.id(), a.status().name(), statusLabel(a.status()), form, errors, notice, error,
                conflict, canEdit, canEdit && (a.status() == ArticleStatus.DRAFT || a.status() == ArticleStatus.IN_REVIEW),
                editor.allows(user, StaffAction.UPLOAD_MEDIA, a),
                steps, languages, authorOptions, sections, partnerOptions, mediaOptions,
                articles.inTranslationGroup(a.translationGroup()).stream().filter(t -> t.id() != a.id())
                        .map(t -> new Option("/newsroom/articles/" + t.id() + "/", t.title() + " (" + t.language() + ")")).toList(),
                editor.allows(user, StaffAction.WRITE_EDITORIAL_NOTE, a) ? notes.of(a.id()) : List.of(), publicUrl,
                previewLink == null ? "" : previewLink, s.timeZone().getId(), scheduledFor, HTMX,
                script == null ? "/assets/editor.js" : script);
    }

    static String statusLabel(ArticleStatus s) {
        switch (s) {
            case DRAFT:
                return "Draft";
            case IN_REVIEW:
                return "In review";
            case SCHEDULED:
                return "Scheduled";
            case PUBLISHED:
                return "Published";
            default:
                return "Taken down";
        }
    }
}
