package org.broadsheet.newsroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;

import org.broadsheet.account.AccountService;
import org.broadsheet.account.Role;
import org.broadsheet.account.StaffUser;
import org.broadsheet.article.ArticleService;
import org.broadsheet.article.ArticleStatus;
import org.broadsheet.author.AuthorService;
import org.broadsheet.site.SiteSettings;
import org.broadsheet.syndication.PartnerService;
import org.broadsheet.taxonomy.Section;
import org.broadsheet.taxonomy.TaxonomyService;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Sections, tags, authors, partners and settings, managed from the newsroom. */
@SpringBootTest
@AutoConfigureMockMvc
class ManagementTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    AccountService accounts;
    @Autowired
    TaxonomyService taxonomy;
    @Autowired
    ArticleService articles;
    @Autowired
    AuthorService authors;
    @Autowired
    PartnerService partners;
    @Autowired
    SiteSettings settings;

    private StaffUser staff(Role role) {
        return accounts.create(role.name().toLowerCase() + System.nanoTime() + "@example.org", role.label(), "a long enough password", role);
    }

    private Section section(String path) {
        return taxonomy.sectionByPath(path).orElseThrow();
    }

    @Test
    void movingASectionRewritesThePathsBelowIt() throws Exception {
        StaffUser editor = staff(Role.EDITOR);
        mvc.perform(post("/newsroom/sections/").param("name", "Regions").with(user(editor)).with(csrf()));
        Section regions = section("regions");
        mvc.perform(post("/newsroom/sections/").param("name", "Arctic").param("parentId", String.valueOf(regions.id())).with(user(editor)).with(csrf()));
        Section arctic = section("regions/arctic");
        mvc.perform(post("/newsroom/sections/").param("name", "Svalbard").param("parentId", String.valueOf(arctic.id())).with(user(editor)).with(csrf()));
        mvc.perform(post("/newsroom/sections/").param("name", "World").with(user(editor)).with(csrf()));
        Section world = section("world");

        mvc.perform(post("/newsroom/sections/" + regions.id()).param("name", "Areas").param("slug", "areas")
                .param("parentId", String.valueOf(world.id())).with(user(editor)).with(csrf()));
        assertThat(taxonomy.sectionByPath("world/areas/arctic/svalbard")).isPresent();
        assertThat(taxonomy.sectionByPath("regions/arctic")).isEmpty();
        assertThat(section("world/areas").name()).isEqualTo("Areas");

        MvcResult loop = mvc.perform(post("/newsroom/sections/" + world.id()).param("name", "World").param("slug", "world")
                .param("parentId", String.valueOf(arctic.id())).with(user(editor)).with(csrf())).andReturn();
        assertThat(loop.getResponse().getRedirectedUrl()).contains("error=");
        assertThat(taxonomy.sectionByPath("world")).isPresent();
    }

    @Test
    void aParentSectionThatDoesNotExistIsRefusedWithAMessage() throws Exception {
        StaffUser editor = staff(Role.EDITOR);
        MvcResult created = mvc.perform(post("/newsroom/sections/").param("name", "Orphan").param("parentId", "999999")
                .with(user(editor)).with(csrf())).andReturn();
        assertThat(created.getResponse().getStatus()).isEqualTo(302);
        assertThat(java.net.URLDecoder.decode(created.getResponse().getRedirectedUrl(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("error=" + TaxonomyService.NO_SUCH_PARENT);
        assertThat(taxonomy.sections()).noneMatch(s -> s.name().equals("Orphan"));

        Section first = taxonomy.topLevelSections().get(0);
        MvcResult moved = mvc.perform(post("/newsroom/sections/" + first.id()).param("name", first.name())
                .param("slug", first.slug()).param("parentId", "999999").with(user(editor)).with(csrf())).andReturn();
        assertThat(java.net.URLDecoder.decode(moved.getResponse().getRedirectedUrl(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("error=" + TaxonomyService.NO_SUCH_PARENT);
        assertThat(section(first.path()).parentId()).isNull();
    }

    @Test
    void sectionsCanBeReordered() throws Exception {
        StaffUser editor = staff(Role.EDITOR);
        List<Section> top = taxonomy.topLevelSections();
        Section second = top.get(1);
        mvc.perform(post("/newsroom/sections/" + second.id() + "/move").param("direction", "up").with(user(editor)).with(csrf()));
        assertThat(taxonomy.topLevelSections().get(0).id()).isEqualTo(second.id());
    }

    @Test
    void tagsCanBeRenamedAndMerged() throws Exception {
        StaffUser editor = staff(Role.EDITOR);
        long a = taxonomy.createTag("arctic-policy", "Arctic policy");
        long b = taxonomy.createTag("the-arctic", "The Arctic");
        long article = articles.create(new ArticleService.NewArticle("tagged-twice", "en", "Tagged", "", "x", ArticleStatus.DRAFT,
                null, null, null, "", "", "", "", null, null, "", null, false, List.of(), List.of(), List.of(a, b)));
        long other = articles.create(new ArticleService.NewArticle("tagged-once", "en", "Tagged once", "", "x", ArticleStatus.DRAFT,
                null, null, null, "", "", "", "", null, null, "", null, false, List.of(), List.of(), List.of(a)));
        mvc.perform(post("/newsroom/tags/" + b).param("name", "Arctic").param("slug", "arctic").with(user(editor)).with(csrf()));
        assertThat(taxonomy.tagBySlug("arctic").orElseThrow().name()).isEqualTo("Arctic");
        mvc.perform(post("/newsroom/tags/merge").param("from", String.valueOf(a)).param("into", String.valueOf(b)).with(user(editor)).with(csrf()));
        assertThat(taxonomy.tagBySlug("arctic-policy")).isEmpty();
        assertThat(articles.links(article).tagIds()).containsExactly(b);
        assertThat(articles.links(other).tagIds()).containsExactly(b);
        Document page = Jsoup.parse(mvc.perform(get("/newsroom/tags/").with(user(editor))).andReturn().getResponse().getContentAsString());
        assertThat(page.select("tr[data-tag-id=" + b + "] td").last().text()).isEqualTo("2");
    }

    @Test
    void authorProfilesAreEditedWithMarkdownBioAndLinks() throws Exception {
        StaffUser editor = staff(Role.EDITOR);
        mvc.perform(post("/newsroom/authors/new/").param("name", "Ingrid Solberg").param("affiliation", "University of Tromsø")
                .param("bio", "Writes on *Arctic* security.").param("links", "Website | https://example.org/ingrid")
                .with(user(editor)).with(csrf()));
        var created = authors.bySlug("ingrid-solberg").orElseThrow();
        assertThat(created.bioHtml()).contains("<em>Arctic</em>");
        assertThat(created.links()).extracting(l -> l.url()).containsExactly("https://example.org/ingrid");
        MvcResult bad = mvc.perform(post("/newsroom/authors/" + created.id() + "/").param("name", "Ingrid Solberg")
                .param("slug", "ingrid-solberg").param("links", "javascript:alert(1)").with(user(editor)).with(csrf())).andReturn();
        assertThat(bad.getResponse().getStatus()).isEqualTo(422);
        assertThat(Jsoup.parse(bad.getResponse().getContentAsString()).select("#bio").text()).isEmpty();
    }

    @Test
    void partnersAreCreatedAndChanged() throws Exception {
        StaffUser editor = staff(Role.EDITOR);
        mvc.perform(post("/newsroom/partners/new").param("name", "Polar Institute").param("url", "https://polar.example")
                .param("permissionNote", "With permission.").with(user(editor)).with(csrf()));
        var p = partners.all().stream().filter(x -> x.name().equals("Polar Institute")).findFirst().orElseThrow();
        mvc.perform(post("/newsroom/partners/" + p.id()).param("name", "Polar Institute").param("slug", p.slug())
                .param("url", "https://polar.example/new").param("permissionNote", "Reproduced with permission.").with(user(editor)).with(csrf()));
        assertThat(partners.find(p.id()).orElseThrow().url()).isEqualTo("https://polar.example/new");
    }

    @Test
    void administratorsChangeSiteSettingsAndBadValuesAreExplained() throws Exception {
        StaffUser admin = staff(Role.ADMINISTRATOR);
        String before = settings.current().title();
        MvcResult bad = mvc.perform(post("/newsroom/settings/").param("title", "The Northern Review").param("language", "en")
                .param("timeZone", "Mars/Olympus").param("perPage", "12").with(user(admin)).with(csrf())).andReturn();
        assertThat(bad.getResponse().getStatus()).isEqualTo(422);
        Document refused = Jsoup.parse(bad.getResponse().getContentAsString());
        assertThat(refused.select(".notice.error").text()).contains("\u201cMars/Olympus\u201d is not a time zone");
        assertThat(refused.getElementById("title").val()).isEqualTo("The Northern Review");
        assertThat(settings.current().title()).isEqualTo(before);
        mvc.perform(post("/newsroom/settings/").param("title", "The Northern Review").param("tagline", "Essays")
                .param("language", "en").param("timeZone", "Europe/Oslo").param("perPage", "12").with(user(admin)).with(csrf()));
        assertThat(settings.current().title()).isEqualTo("The Northern Review");
        assertThat(settings.current().timeZone().getId()).isEqualTo("Europe/Oslo");
        assertThat(settings.current().articlesPerPage()).isEqualTo(12);
        settings.put(SiteSettings.TITLE, before);
        settings.put(SiteSettings.TIME_ZONE, "UTC");
    }

    private static String error(MvcResult r) {
        return java.net.URLDecoder.decode(r.getResponse().getRedirectedUrl(), java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void overlongSectionTagAndPartnerValuesAreRefusedByName() throws Exception {
        StaffUser editor = staff(Role.EDITOR);
        String longName = "n".repeat(201);
        MvcResult section = mvc.perform(post("/newsroom/sections/").param("name", longName).with(user(editor)).with(csrf())).andReturn();
        assertThat(error(section)).contains("error=The section's name is too long (200 characters at most).");
        Section first = taxonomy.topLevelSections().get(0);
        MvcResult described = mvc.perform(post("/newsroom/sections/" + first.id()).param("name", first.name()).param("slug", first.slug())
                .param("description", "d".repeat(2001)).with(user(editor)).with(csrf())).andReturn();
        assertThat(error(described)).contains("error=The section's description is too long (2000 characters at most).");

        long tag = taxonomy.createTag("long-named", "Long named");
        MvcResult renamed = mvc.perform(post("/newsroom/tags/" + tag).param("name", longName).param("slug", "long-named")
                .with(user(editor)).with(csrf())).andReturn();
        assertThat(error(renamed)).contains("error=The tag's name is too long (200 characters at most).");

        MvcResult partner = mvc.perform(post("/newsroom/partners/new").param("name", "Verbose Partner")
                .param("permissionNote", "p".repeat(2001)).with(user(editor)).with(csrf())).andReturn();
        assertThat(error(partner)).contains("error=The permission note is too long (2000 characters at most).");
        assertThat(partners.all()).noneMatch(x -> x.name().equals("Verbose Partner"));
    }

    /** Every form that takes an address says what is wrong with it: too long, or which characters, with a suggestion. */
    @Test
    void addressesAreRefusedSayingWhatIsWrongWithThem() throws Exception {
        StaffUser editor = staff(Role.EDITOR);
        String tooLong = "a".repeat(121);
        MvcResult section = mvc.perform(post("/newsroom/sections/").param("name", "Long").param("slug", tooLong)
                .with(user(editor)).with(csrf())).andReturn();
        assertThat(error(section)).contains("error=The address is too long (120 characters at most).");
        long tag = taxonomy.createTag("plain-tag", "Plain tag");
        MvcResult renamed = mvc.perform(post("/newsroom/tags/" + tag).param("name", "Plain tag").param("slug", "Plain Tag")
                .with(user(editor)).with(csrf())).andReturn();
        assertThat(error(renamed)).contains("error=The address may use only letters a–z, digits and hyphens, for example \u201cplain-tag\u201d.");
        MvcResult partner = mvc.perform(post("/newsroom/partners/new").param("name", "Long Partner").param("slug", tooLong)
                .with(user(editor)).with(csrf())).andReturn();
        assertThat(error(partner)).contains("error=The address is too long (120 characters at most).");
        assertThat(partners.all()).noneMatch(x -> x.name().equals("Long Partner"));
    }

    @Test
    void savingAPartnerOrAuthorThatDoesNotExistIsA404NotASuccess() throws Exception {
        StaffUser editor = staff(Role.EDITOR);
        MvcResult partner = mvc.perform(post("/newsroom/partners/999999").param("name", "Ghost").param("slug", "ghost")
                .with(user(editor)).with(csrf())).andReturn();
        assertThat(partner.getResponse().getStatus()).isEqualTo(404);
        assertThat(Jsoup.parse(partner.getResponse().getContentAsString()).text()).contains("There is no such partner.");
        MvcResult author = mvc.perform(post("/newsroom/authors/999999/").param("name", "Ghost").param("slug", "ghost")
                .with(user(editor)).with(csrf())).andReturn();
        assertThat(author.getResponse().getStatus()).isEqualTo(404);
        assertThat(Jsoup.parse(author.getResponse().getContentAsString()).text()).contains("There is no such author.");
    }

    @Test
    void authorFormsWithBadValuesAreExplainedNotBlamedOnTheAddress() throws Exception {
        StaffUser editor = staff(Role.EDITOR);
        String[][] cases = {
                {"email", "not-an-email", "“not-an-email” is not an email address."},
                {"photoMediaId", "999999", "That portrait is no longer in the media library; choose another."},
                {"credentials", "c".repeat(301), "The credentials field is too long (300 characters at most)."},
                {"bio", "&".repeat(9000), "The bio is too long once formatted"},
        };
        for (String[] c : cases) {
            MvcResult r = mvc.perform(post("/newsroom/authors/new/").param("name", "Odd Values").param("slug", "odd-values")
                    .param(c[0], c[1]).with(user(editor)).with(csrf())).andReturn();
            assertThat(r.getResponse().getStatus()).as(c[0]).isEqualTo(422);
            assertThat(Jsoup.parse(r.getResponse().getContentAsString()).text()).as(c[0]).contains(c[2]);
        }
        assertThat(authors.bySlug("odd-values")).isEmpty();
    }

    @Test
    void anAuthorAddressThatIsTakenIsNamed() throws Exception {
        StaffUser editor = staff(Role.EDITOR);
        String taken = mvc.perform(post("/newsroom/authors/new/").param("name", "First Holder").param("slug", "held-address")
                .with(user(editor)).with(csrf())).andReturn().getResponse().getRedirectedUrl();
        assertThat(taken).isNotNull();
        MvcResult r = mvc.perform(post("/newsroom/authors/new/").param("name", "Second Holder").param("slug", "held-address")
                .with(user(editor)).with(csrf())).andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(422);
        assertThat(Jsoup.parse(r.getResponse().getContentAsString()).text())
                .contains("Another author already uses the address \u201cheld-address\u201d.");
    }

    @Test
    void anOverlongTaglineChangesNoSetting() throws Exception {
        StaffUser admin = staff(Role.ADMINISTRATOR);
        String before = settings.current().title();
        MvcResult r = mvc.perform(post("/newsroom/settings/").param("title", "Half Saved").param("tagline", "t".repeat(5000))
                .param("language", "en").param("timeZone", "UTC").param("perPage", "10").with(user(admin)).with(csrf())).andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(422);
        assertThat(Jsoup.parse(r.getResponse().getContentAsString()).select(".notice.error").text())
                .isEqualTo("The tagline is too long (500 characters at most).");
        assertThat(settings.current().title()).isEqualTo(before);
        MvcResult language = mvc.perform(post("/newsroom/settings/").param("title", "Half Saved").param("language", "abc-12345678")
                .param("timeZone", "UTC").param("perPage", "10").with(user(admin)).with(csrf())).andReturn();
        assertThat(Jsoup.parse(language.getResponse().getContentAsString()).select(".notice.error").text())
                .isEqualTo("The language is a code such as en, ru or ja.");
        assertThat(settings.current().title()).isEqualTo(before);
    }

    @Test
    void authorsAndContributorsCannotManageTheJournal() throws Exception {
        StaffUser author = staff(Role.AUTHOR);
        StaffUser editor = staff(Role.EDITOR);
        for (String path : new String[] {"/newsroom/sections/", "/newsroom/tags/", "/newsroom/authors/", "/newsroom/partners/", "/newsroom/settings/", "/newsroom/users/"}) {
            assertThat(mvc.perform(get(path).with(user(author))).andReturn().getResponse().getStatus()).as(path).isEqualTo(403);
        }
        assertThat(mvc.perform(get("/newsroom/settings/").with(user(editor))).andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(mvc.perform(get("/newsroom/sections/").with(user(editor))).andReturn().getResponse().getStatus()).isEqualTo(200);
    }
}
