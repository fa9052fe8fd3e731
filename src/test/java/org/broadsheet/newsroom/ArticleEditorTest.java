package org.broadsheet.newsroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.ZoneOffset;
import java.util.Map;

import org.broadsheet.account.AccountService;
import org.broadsheet.account.Role;
import org.broadsheet.account.StaffUser;
import org.broadsheet.article.Article;
import org.broadsheet.article.ArticleService;
import org.broadsheet.comment.DiscussionSettings;
import org.broadsheet.article.ArticleUrls;
import org.broadsheet.support.Slugs;
import org.broadsheet.taxonomy.TaxonomyService;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@SpringBootTest
@AutoConfigureMockMvc
class ArticleEditorTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    AccountService accounts;
    @Autowired
    ArticleService articles;
    @Autowired
    TaxonomyService taxonomy;
    @Autowired
    DiscussionSettings discussion;

    private StaffUser staff(Role role) {
        return accounts.create(role.name().toLowerCase() + System.nanoTime() + "@example.org", role.label() + " Person",
                "a long enough password", role);
    }

    private long startDraft(StaffUser u, String title) throws Exception {
        MvcResult r = mvc.perform(post("/newsroom/articles/").param("title", title).param("language", "en")
                .with(user(u)).with(csrf())).andReturn();
        String location = r.getResponse().getRedirectedUrl();
        assertThat(location).matches("/newsroom/articles/\\d+/");
        return Long.parseLong(location.replaceAll("\\D", ""));
    }

    private Document editor(StaffUser u, long id) throws Exception {
        return Jsoup.parse(mvc.perform(get("/newsroom/articles/" + id + "/").with(user(u))).andReturn().getResponse().getContentAsString());
    }

    /** The editor's form as the browser would send it, with some fields changed. */
    private MockHttpServletRequestBuilder submit(StaffUser u, long id, Document page, String... changes) {
        MockHttpServletRequestBuilder req = post("/newsroom/articles/" + id + "/").with(user(u)).with(csrf());
        Element form = page.getElementById("article-form");
        java.util.Map<String, String> changed = new java.util.HashMap<>();
        for (int i = 0; i < changes.length; i += 2) {
            changed.put(changes[i], changes[i + 1]);
        }
        for (Element field : form.select("input[name], textarea[name], select[name]")) {
            String name = field.attr("name");
            if (name.startsWith("_csrf") || changed.containsKey(name)) {
                continue;
            }
            if (field.is("input[type=checkbox]")) {
                if (field.hasAttr("checked")) {
                    req.param(name, field.val());
                }
            } else if (field.is("select")) {
                Element selected = field.selectFirst("option[selected]");
                req.param(name, selected == null ? "" : selected.val());
            } else if (field.is("textarea")) {
                req.param(name, field.wholeText());
            } else {
                req.param(name, field.val());
            }
        }
        changed.forEach(req::param);
        return req;
    }

    @Test
    void aNewArticleTakesCommentsAsTheDiscussionSettingsSay() throws Exception {
        StaffUser writer = staff(Role.AUTHOR);
        try {
            discussion.save(Map.of("open_by_default", "false"));
            long closed = startDraft(writer, "Closed by default");
            assertThat(editor(writer, closed).selectFirst("input[name=commentsOpen]").hasAttr("checked")).isFalse();
            assertThat(articles.find(closed).orElseThrow().commentsOpen()).isFalse();
        } finally {
            discussion.save(Map.of("open_by_default", "true"));
        }
        long open = startDraft(writer, "Open by default");
        assertThat(editor(writer, open).selectFirst("input[name=commentsOpen]").hasAttr("checked")).isTrue();
    }

    @Test
    void editorShowsEveryFieldOfTheArticle() throws Exception {
        StaffUser author = staff(Role.AUTHOR);
        long id = startDraft(author, "Fields");
        Document page = editor(author, id);
        for (String name : new String[] {"title", "slug", "language", "standfirst", "body", "publishAt", "authorIds",
                "tags", "leadMediaId", "leadCredit", "leadCaption", "leadAlt", "editorNote", "partnerId", "originalUrl",
                "permissionNote", "translationGroup", "featured", "commentsOpen", "version"}) {
            assertThat(page.select("#article-form [name=" + name + "]")).as(name).isNotEmpty();
        }
        assertThat(page.select("#article-form [name=sectionIds]")).isNotEmpty();
        assertThat(page.select(".md-toolbar button[data-md]")).extracting(e -> e.attr("data-md"))
                .contains("heading", "link", "quote", "image", "footnote");
        assertThat(page.select("#body").attr("hx-post")).isEqualTo("/newsroom/preview");
        assertThat(page.select("script[src^=/webjars/htmx.org/]")).hasSize(1);
    }

    @Test
    void htmxAndTheEditorScriptAreServed() throws Exception {
        assertThat(mvc.perform(get(EditorPages.HTMX)).andReturn().getResponse().getStatus()).isEqualTo(200);
        assertThat(mvc.perform(get("/assets/editor.js")).andReturn().getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    void savingRendersMarkdownAndTransliteratesACyrillicTitleIntoTheSlug() throws Exception {
        StaffUser author = staff(Role.AUTHOR);
        long id = startDraft(author, "Temporary");
        MvcResult r = mvc.perform(submit(author, id, editor(author, id), "title", "Новая статья о санкциях", "slug", "",
                "language", "ru", "body", "Текст.[^1]\n\n[^1]: Примечание.")).andReturn();
        assertThat(r.getResponse().getRedirectedUrl()).isEqualTo("/newsroom/articles/" + id + "/?saved=1");
        Article saved = articles.find(id).orElseThrow();
        assertThat(saved.slug()).isEqualTo("novaya-statya-o-sanktsiyakh");
        assertThat(Jsoup.parse(saved.bodyHtml()).select("sup.footnote-ref")).hasSize(1);
        assertThat(saved.version()).isEqualTo(1);
    }

    @Test
    void renamingAPublishedArticleLeavesItsOldAddressAnswering301WithTheNewOne() throws Exception {
        StaffUser editor = staff(Role.EDITOR);
        long id = startDraft(editor, "A piece renamed after publication");
        mvc.perform(post("/newsroom/articles/" + id + "/workflow").param("step", "PUBLISH")
                .param("version", String.valueOf(articles.find(id).orElseThrow().version())).with(user(editor)).with(csrf()));
        Article published = articles.find(id).orElseThrow();
        String first = ArticleUrls.of(published.publishedAt(), published.slug(), ZoneOffset.UTC);
        assertThat(mvc.perform(get(first)).andReturn().getResponse().getStatus()).isEqualTo(200);

        mvc.perform(submit(editor, id, editor(editor, id), "slug", "renamed-for-good"));
        MvcResult moved = mvc.perform(get(first)).andReturn();
        assertThat(moved.getResponse().getStatus()).isEqualTo(301);
        String second = moved.getResponse().getRedirectedUrl();
        assertThat(second).endsWith("/renamed-for-good/");
        assertThat(mvc.perform(get(second)).andReturn().getResponse().getStatus()).isEqualTo(200);

        mvc.perform(submit(editor, id, editor(editor, id), "slug", "renamed-twice"));
        assertThat(mvc.perform(get(first)).andReturn().getResponse().getRedirectedUrl())
                .as("the first address follows the article, not the address it once moved to").endsWith("/renamed-twice/");
        assertThat(mvc.perform(get(second)).andReturn().getResponse().getRedirectedUrl()).endsWith("/renamed-twice/");

        mvc.perform(submit(editor, id, editor(editor, id), "slug", published.slug()));
        assertThat(mvc.perform(get(first)).andReturn().getResponse().getStatus()).as("the slug taken back").isEqualTo(200);
        assertThat(mvc.perform(get(second)).andReturn().getResponse().getRedirectedUrl()).isEqualTo(first);
        assertThat(mvc.perform(get(ArticleUrls.of(published.publishedAt(), "never-was-a-slug", ZoneOffset.UTC)))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void duplicateSlugIsRefusedAndAFreeOneOffered() throws Exception {
        StaffUser author = staff(Role.AUTHOR);
        long first = startDraft(author, "Same Title Twice");
        long second = startDraft(author, "Something else");
        String taken = articles.find(first).orElseThrow().slug();
        MvcResult r = mvc.perform(submit(author, second, editor(author, second), "slug", taken, "body", "Keep this text")).andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(422);
        Document page = Jsoup.parse(r.getResponse().getContentAsString());
        assertThat(page.select("#slug").val()).isEqualTo(taken + "-2");
        assertThat(page.select("#slug-error").text()).contains(taken + "-2");
        assertThat(page.select("#body").first().wholeText()).isEqualTo("Keep this text");
    }

    @Test
    void invalidDateGetsAMessageAndTheTextSurvives() throws Exception {
        StaffUser author = staff(Role.AUTHOR);
        long id = startDraft(author, "Dates");
        MvcResult r = mvc.perform(submit(author, id, editor(author, id), "publishAt", "2026-02-31T25:99", "body", "Precious words")).andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(422);
        Document page = Jsoup.parse(r.getResponse().getContentAsString());
        assertThat(page.select(".field.invalid .field-error").text()).contains("not a valid date");
        assertThat(page.select("#body").first().wholeText()).isEqualTo("Precious words");

        // A slip of a key: "0026" for 2026.
        r = mvc.perform(submit(author, id, editor(author, id), "publishAt", "0026-11-25T14:05", "body", "Precious words")).andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(422);
        page = Jsoup.parse(r.getResponse().getContentAsString());
        assertThat(page.select(".field.invalid .field-error").text()).contains("in the year 26").contains("from 1000 on");
        assertThat(page.select("#body").first().wholeText()).isEqualTo("Precious words");
    }

    @Test
    void choicesThatNoLongerExistAreRefusedFieldByFieldAndNothingIsSaved() throws Exception {
        StaffUser author = staff(Role.AUTHOR);
        long id = startDraft(author, "Vanished choices");
        MvcResult r = mvc.perform(submit(author, id, editor(author, id), "authorIds", "999999", "sectionIds", "999998",
                "leadMediaId", "999997", "partnerId", "999996", "body", "Words to keep")).andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(422);
        Document page = Jsoup.parse(r.getResponse().getContentAsString());
        assertThat(page.select(".field-error").eachText()).contains(
                "One of the chosen authors no longer exists; choose again from the list.",
                "One of the chosen sections no longer exists; choose again.",
                "That image is no longer in the media library; choose another.",
                "That partner no longer exists; choose another.");
        assertThat(page.select("#body").first().wholeText()).isEqualTo("Words to keep");
        assertThat(articles.find(id).orElseThrow().bodyMd()).isEmpty();

        MvcResult garbled = mvc.perform(submit(author, id, editor(author, id), "authorIds", "abc", "version", "")).andReturn();
        assertThat(garbled.getResponse().getStatus()).isEqualTo(422);
        Document again = Jsoup.parse(garbled.getResponse().getContentAsString());
        assertThat(again.select(".field-error").eachText()).contains("Choose from the list.")
                .anyMatch(t -> t.startsWith("The form is incomplete"));
    }

    @Test
    void overlongFieldsAreRefusedFieldByFieldInsteadOfFailingInTheDatabase() throws Exception {
        StaffUser author = staff(Role.AUTHOR);
        long id = startDraft(author, "Overlong");
        MvcResult r = mvc.perform(submit(author, id, editor(author, id), "permissionNote", "p".repeat(2001),
                "translationGroup", "g".repeat(65), "originalUrl", "https://example.org/" + "u".repeat(2000),
                "slug", "s".repeat(121), "body", "Words to keep")).andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(422);
        Document page = Jsoup.parse(r.getResponse().getContentAsString());
        assertThat(page.select(".field-error").eachText()).contains(
                "The permission note is too long (2,000 characters at most).",
                "The translation group is too long (64 characters at most).",
                "The original address is too long (2,000 characters at most).",
                "The address is too long (120 characters at most).");
        assertThat(page.select("#body").first().wholeText()).isEqualTo("Words to keep");

        MvcResult note = mvc.perform(submit(author, id, editor(author, id), "editorNote", "&".repeat(9000))).andReturn();
        assertThat(note.getResponse().getStatus()).isEqualTo(422);
        assertThat(Jsoup.parse(note.getResponse().getContentAsString()).select(".field-error").text())
                .contains("The editor's note is too long once formatted");
        assertThat(articles.find(id).orElseThrow().editorNoteMd()).isEmpty();
    }

    @Test
    void markdownNestedTooDeeplyToRenderIsAFieldErrorAndThePreviewSaysSo() throws Exception {
        StaffUser author = staff(Role.AUTHOR);
        long id = startDraft(author, "Deep quotes");
        String deep = "> ".repeat(30_000) + "the bottom";
        MvcResult r = mvc.perform(submit(author, id, editor(author, id), "body", deep)).andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(422);
        assertThat(Jsoup.parse(r.getResponse().getContentAsString()).select(".field-error").text()).contains("nested too deeply");
        assertThat(articles.find(id).orElseThrow().bodyMd()).isEmpty();

        MvcResult preview = mvc.perform(post("/newsroom/preview").param("body", deep).with(user(author)).with(csrf())).andReturn();
        assertThat(preview.getResponse().getStatus()).isEqualTo(200);
        assertThat(Jsoup.parse(preview.getResponse().getContentAsString()).select("[role=alert]").text()).contains("nested too deeply");
    }

    @Test
    void aRefusedSaveCreatesNoTags() throws Exception {
        StaffUser author = staff(Role.AUTHOR);
        long id = startDraft(author, "Tags of a refused save");
        String tag = "unsaved tag " + System.nanoTime();
        MvcResult r = mvc.perform(submit(author, id, editor(author, id), "tags", tag, "publishAt", "yesterday")).andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(422);
        assertThat(taxonomy.tagBySlug(Slugs.slugify(tag))).isEmpty();
        mvc.perform(submit(author, id, editor(author, id), "tags", tag));
        assertThat(taxonomy.tagBySlug(Slugs.slugify(tag))).isPresent();
    }

    @Test
    void secondOfTwoConcurrentSavesIsRefusedWithTheDiff() throws Exception {
        StaffUser editor = staff(Role.EDITOR);
        StaffUser author = staff(Role.AUTHOR);
        long id = startDraft(author, "Contested");
        Document hers = editor(author, id);
        Document his = editor(editor, id);
        mvc.perform(submit(author, id, hers, "body", "Line one\nHer line"));
        MvcResult r = mvc.perform(submit(editor, id, his, "body", "Line one\nHis line")).andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(409);
        Document page = Jsoup.parse(r.getResponse().getContentAsString());
        assertThat(page.select("[role=alert]").text()).contains("someone else saved this article");
        assertThat(page.select(".conflict .diff-line.removed").text()).contains("Her line");
        assertThat(page.select(".conflict .diff-line.added").text()).contains("His line");
        assertThat(page.select("#body").first().wholeText()).isEqualTo("Line one\nHis line");
        assertThat(articles.find(id).orElseThrow().bodyMd()).isEqualTo("Line one\nHer line");
        // Saving again from the refused form (which now carries the current version) goes through deliberately.
        MvcResult again = mvc.perform(submit(editor, id, page)).andReturn();
        assertThat(again.getResponse().getStatus()).isEqualTo(302);
        assertThat(articles.find(id).orElseThrow().bodyMd()).isEqualTo("Line one\nHis line");
    }

    @Test
    void autosaveAnswersWithTheNewVersionAndRefusesAStaleOne() throws Exception {
        StaffUser author = staff(Role.AUTHOR);
        long id = startDraft(author, "Autosaved");
        Document page = editor(author, id);
        MvcResult ok = mvc.perform(submit(author, id, page, "body", "typed so far").with(r -> {
            r.setRequestURI("/newsroom/articles/" + id + "/autosave");
            return r;
        })).andReturn();
        assertThat(ok.getResponse().getContentAsString()).contains("\"version\":1");
        MvcResult stale = mvc.perform(post("/newsroom/articles/" + id + "/autosave").param("title", "Autosaved")
                .param("language", "en").param("body", "older tab").param("version", "0").with(user(author)).with(csrf())).andReturn();
        assertThat(stale.getResponse().getStatus()).isEqualTo(409);
        assertThat(articles.find(id).orElseThrow().bodyMd()).isEqualTo("typed so far");
    }

    @Test
    void autosaveAnswersAMissingArticleOrARefusalInJsonTheEditorCanShow() throws Exception {
        StaffUser author = staff(Role.AUTHOR);
        StaffUser contributor = staff(Role.CONTRIBUTOR);
        MvcResult missing = mvc.perform(post("/newsroom/articles/999999/autosave").param("title", "Gone").param("language", "en")
                .param("version", "0").with(user(author)).with(csrf())).andReturn();
        assertThat(missing.getResponse().getStatus()).isEqualTo(404);
        assertThat(missing.getResponse().getContentType()).startsWith("application/json");
        assertThat(missing.getResponse().getContentAsString()).contains("\"error\":\"Not saved: There is no article 999999.\"");

        long id = startDraft(author, "Not yours to autosave");
        MvcResult refused = mvc.perform(post("/newsroom/articles/" + id + "/autosave").param("title", "Hijacked").param("language", "en")
                .param("version", "0").with(user(contributor)).with(csrf())).andReturn();
        assertThat(refused.getResponse().getStatus()).isEqualTo(403);
        assertThat(refused.getResponse().getContentType()).startsWith("application/json");
        assertThat(refused.getResponse().getContentAsString()).contains("\"error\":\"Not saved: ").contains("your own articles");
        assertThat(articles.find(id).orElseThrow().title()).isEqualTo("Not yours to autosave");
    }

    @Test
    void revisionsCanBeComparedAndRestored() throws Exception {
        StaffUser author = staff(Role.AUTHOR);
        long id = startDraft(author, "Revised");
        mvc.perform(submit(author, id, editor(author, id), "body", "First wording"));
        mvc.perform(submit(author, id, editor(author, id), "body", "Second wording"));
        Document list = Jsoup.parse(mvc.perform(get("/newsroom/articles/" + id + "/revisions/").with(user(author)))
                .andReturn().getResponse().getContentAsString());
        var rows = list.select("tr[data-revision-id]");
        assertThat(rows).hasSizeGreaterThanOrEqualTo(3);
        String newest = rows.get(0).attr("data-revision-id");
        String older = rows.get(1).attr("data-revision-id");
        Document diff = Jsoup.parse(mvc.perform(get("/newsroom/articles/" + id + "/revisions/").param("from", older).param("to", newest)
                .with(user(author))).andReturn().getResponse().getContentAsString());
        assertThat(diff.select(".diff-line.removed").text()).contains("First wording");
        assertThat(diff.select(".diff-line.added").text()).contains("Second wording");
        mvc.perform(post("/newsroom/articles/" + id + "/revisions/" + older + "/restore").with(user(author)).with(csrf()));
        assertThat(articles.find(id).orElseThrow().bodyMd()).isEqualTo("First wording");
    }

    @Test
    void livePreviewUsesTheSiteRenderer() throws Exception {
        StaffUser author = staff(Role.CONTRIBUTOR);
        String html = mvc.perform(post("/newsroom/preview").param("body", "## Heading\n\n> quoted[^1]\n\n[^1]: A note.<script>x()</script>")
                .with(user(author)).with(csrf())).andReturn().getResponse().getContentAsString();
        Document d = Jsoup.parse(html);
        assertThat(d.select("h2").first().text()).isEqualTo("Heading");
        assertThat(d.select("blockquote")).hasSize(1);
        assertThat(d.select("section.footnotes li")).hasSize(1);
        assertThat(d.select("script")).isEmpty();
    }

    @Test
    void listFiltersByStatusAndSearchesTitles() throws Exception {
        StaffUser editor = staff(Role.EDITOR);
        long id = startDraft(editor, "A very particular headline");
        Document found = Jsoup.parse(mvc.perform(get("/newsroom/articles/").param("q", "PARTICULAR").with(user(editor)))
                .andReturn().getResponse().getContentAsString());
        assertThat(found.select("tr[data-article-id]")).extracting(e -> e.attr("data-article-id")).containsExactly(String.valueOf(id));
        Document drafts = Jsoup.parse(mvc.perform(get("/newsroom/articles/").param("status", "PUBLISHED").with(user(editor)))
                .andReturn().getResponse().getContentAsString());
        assertThat(drafts.select("tr[data-article-id]")).isNotEmpty()
                .allSatisfy(row -> assertThat(row.select(".status").text()).isEqualTo("Published"));
        assertThat(drafts.select("tr[data-article-id=" + id + "]")).isEmpty();
        Document russian = Jsoup.parse(mvc.perform(get("/newsroom/articles/").param("language", "ru").with(user(editor)))
                .andReturn().getResponse().getContentAsString());
        assertThat(russian.select("tr[data-article-id]")).isNotEmpty().allSatisfy(row -> assertThat(row.select("td").get(3).text()).isEqualTo("ru"));
    }

    @Test
    void contributorsMayNotTouchOtherPeoplesArticles() throws Exception {
        StaffUser author = staff(Role.AUTHOR);
        StaffUser contributor = staff(Role.CONTRIBUTOR);
        long id = startDraft(author, "Not yours");
        Document page = editor(author, id);
        MvcResult r = mvc.perform(submit(contributor, id, page, "title", "Hijacked")).andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(403);
        assertThat(Jsoup.parse(r.getResponse().getContentAsString()).select("[role=alert]").text()).contains("your own articles");
        assertThat(articles.find(id).orElseThrow().title()).isEqualTo("Not yours");
    }

    @Test
    void newsroomChromeShowsTheNavigationTheRoleAllows() throws Exception {
        Document contributor = editor(staff(Role.CONTRIBUTOR), startDraft(staff(Role.CONTRIBUTOR), "x"));
        // a contributor cannot open someone else's draft
        assertThat(contributor.select("h1").text()).isEqualTo("Not allowed");
        StaffUser c = staff(Role.CONTRIBUTOR);
        Document own = Jsoup.parse(mvc.perform(get("/newsroom/articles/").with(user(c))).andReturn().getResponse().getContentAsString());
        assertThat(own.select("header nav a")).extracting(Element::text).containsExactly("Articles");
        StaffUser admin = staff(Role.ADMINISTRATOR);
        Document all = Jsoup.parse(mvc.perform(get("/newsroom/articles/").with(user(admin))).andReturn().getResponse().getContentAsString());
        assertThat(all.select("header nav a")).extracting(Element::text)
                .contains("Articles", "Media", "Comments", "Sections", "Tags", "Authors", "Partners", "Users", "Settings");
        assertThat(all.select("header nav a[href=/newsroom/comments/]")).hasSize(1);
        assertThat(all.select("form.sign-out[action=/newsroom/sign-out] input[type=hidden]").attr("value")).isNotBlank();
    }

    @Test
    void translationsOfTheSameGroupAreListedInTheEditor() throws Exception {
        StaffUser editor = staff(Role.EDITOR);
        long english = startDraft(editor, "Grain corridors");
        long russian = startDraft(editor, "Зерновые коридоры");
        mvc.perform(submit(editor, english, editor(editor, english), "translationGroup", "grain-corridors"));
        mvc.perform(submit(editor, russian, editor(editor, russian), "translationGroup", "grain-corridors", "language", "ru"));
        Document page = editor(editor, english);
        assertThat(page.select(".translations a")).extracting(Element::text).containsExactly("Зерновые коридоры (ru)");
        assertThat(page.select(".translations a").attr("href")).isEqualTo("/newsroom/articles/" + russian + "/");
    }

    @Test
    void onlyThoseWhoMayUploadCanDropImagesIntoTheText() throws Exception {
        StaffUser author = staff(Role.AUTHOR);
        assertThat(editor(author, startDraft(author, "Droppable")).select("#body").attr("data-upload-url")).isEqualTo("/newsroom/media/");
        StaffUser contributor = staff(Role.CONTRIBUTOR);
        assertThat(editor(contributor, startDraft(contributor, "Not droppable")).select("#body").hasAttr("data-upload-url")).isFalse();
    }
}
