package org.broadsheet.newsroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.util.List;

import javax.imageio.ImageIO;

import org.broadsheet.account.AccountService;
import org.broadsheet.account.Role;
import org.broadsheet.account.StaffUser;
import org.broadsheet.article.ArticleService;
import org.broadsheet.article.ArticleStatus;
import org.broadsheet.media.MediaItem;
import org.broadsheet.media.MediaService;
import org.broadsheet.media.TestImages;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@SpringBootTest
@AutoConfigureMockMvc
class MediaLibraryTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    AccountService accounts;
    @Autowired
    MediaService media;
    @Autowired
    ArticleService articles;

    private StaffUser staff(Role role) {
        return accounts.create(role.name().toLowerCase() + System.nanoTime() + "@example.org", role.label(),
                "a long enough password", role);
    }

    private MvcResult upload(StaffUser u, String name, byte[] bytes) throws Exception {
        return mvc.perform(multipart("/newsroom/media/").file(new MockMultipartFile("file", name, "image/jpeg", bytes))
                .param("alt", "A harbour").param("credit", "AP photo").with(user(u)).with(csrf())).andReturn();
    }

    private MediaItem newest() {
        return media.library(0, 1).get(0);
    }

    @Test
    void uploadedPhotoIsTurnedUprightStrippedOfMetadataAndResized() throws Exception {
        StaffUser author = staff(Role.AUTHOR);
        byte[] photo = TestImages.withExif(TestImages.jpeg(1200, 600), 6);
        MvcResult r = upload(author, "Harbour at dawn.jpg", photo);
        assertThat(r.getResponse().getRedirectedUrl()).startsWith("/newsroom/media/");
        MediaItem item = newest();
        assertThat(item.width()).isEqualTo(600);
        assertThat(item.height()).isEqualTo(1200);
        assertThat(item.fileName()).startsWith("harbour-at-dawn-");
        assertThat(item.alt()).isEqualTo("A harbour");
        byte[] stored = mvc.perform(get(item.url())).andReturn().getResponse().getContentAsByteArray();
        assertThat(TestImages.containsExif(stored)).as("EXIF (and its GPS block) removed").isFalse();
        assertThat(ImageIO.read(new ByteArrayInputStream(stored)).getHeight()).isEqualTo(1200);
        assertThat(media.image(item.id()).orElseThrow().variants()).extracting(v -> v.width()).containsExactly(480);
    }

    @Test
    void nonImagesAndBombsGetAClearMessage() throws Exception {
        StaffUser author = staff(Role.AUTHOR);
        MvcResult text = upload(author, "holiday.jpg", "just some text pretending".getBytes());
        assertThat(text.getResponse().getStatus()).isEqualTo(422);
        assertThat(Jsoup.parse(text.getResponse().getContentAsString()).select("[role=alert]").text())
                .contains("not a JPEG, PNG, WebP or GIF");
        MvcResult bomb = upload(author, "small.png", TestImages.pngHeader(50_000, 50_000));
        assertThat(bomb.getResponse().getStatus()).isEqualTo(422);
        assertThat(Jsoup.parse(bomb.getResponse().getContentAsString()).select("[role=alert]").text()).contains("megapixels");
        MvcResult dropped = mvc.perform(multipart("/newsroom/media/").file(new MockMultipartFile("file", "x.gif", "image/gif", "nope".getBytes()))
                .header("X-Requested-By", "fetch").with(user(author)).with(csrf())).andReturn();
        assertThat(dropped.getResponse().getStatus()).isEqualTo(422);
        assertThat(dropped.getResponse().getContentAsString()).contains("\"error\"");
    }

    @Test
    void contributorsCannotUpload() throws Exception {
        MvcResult r = upload(staff(Role.CONTRIBUTOR), "a.jpg", TestImages.jpeg(10, 10));
        assertThat(r.getResponse().getStatus()).isEqualTo(403);
        assertThat(mvc.perform(get("/newsroom/media/").with(user(staff(Role.CONTRIBUTOR)))).andReturn().getResponse().getStatus()).isEqualTo(403);
    }

    @Test
    void altCaptionAndCreditAreEditable() throws Exception {
        StaffUser author = staff(Role.AUTHOR);
        upload(author, "edit-me.jpg", TestImages.jpeg(30, 20));
        MediaItem item = newest();
        mvc.perform(post("/newsroom/media/" + item.id()).param("alt", "New alt").param("caption", "New caption")
                .param("credit", "Reuters").with(user(author)).with(csrf()));
        MediaItem changed = media.item(item.id()).orElseThrow();
        assertThat(List.of(changed.alt(), changed.caption(), changed.credit())).containsExactly("New alt", "New caption", "Reuters");
    }

    @Test
    void overlongTextsAreRefusedNotCutShort() throws Exception {
        StaffUser author = staff(Role.AUTHOR);
        upload(author, "long-texts.jpg", TestImages.jpeg(30, 20));
        MediaItem item = newest();
        MvcResult r = mvc.perform(post("/newsroom/media/" + item.id()).param("alt", "a".repeat(501)).param("caption", "Kept?")
                .with(user(author)).with(csrf())).andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(422);
        assertThat(Jsoup.parse(r.getResponse().getContentAsString()).select("[role=alert]").text()).contains("is too long");
        assertThat(media.item(item.id()).orElseThrow().alt()).isEqualTo("A harbour");

        MvcResult upload = mvc.perform(multipart("/newsroom/media/").file(new MockMultipartFile("file", "credited.jpg", "image/jpeg",
                TestImages.jpeg(30, 20))).param("credit", "c".repeat(301)).with(user(author)).with(csrf())).andReturn();
        assertThat(upload.getResponse().getStatus()).isEqualTo(422);
        assertThat(newest().id()).isEqualTo(item.id());
    }

    @Test
    void imageInUseIsNotDeletedAndTheArticlesAreListed() throws Exception {
        StaffUser editor = staff(Role.EDITOR);
        upload(editor, "lead.jpg", TestImages.jpeg(30, 20));
        MediaItem item = newest();
        articles.create(new ArticleService.NewArticle("uses-the-image", "en", "Uses the image", "", "Text", ArticleStatus.DRAFT,
                null, null, item.id(), "", "", "", "", null, null, "", null, false, List.of(), List.of(), List.of()));
        MvcResult refused = mvc.perform(post("/newsroom/media/" + item.id() + "/delete").with(user(editor)).with(csrf())).andReturn();
        assertThat(refused.getResponse().getStatus()).isEqualTo(409);
        Document page = Jsoup.parse(refused.getResponse().getContentAsString());
        assertThat(page.select(".used-by li")).extracting(e -> e.text()).containsExactly("Uses the image");
        assertThat(media.item(item.id())).isPresent();

        upload(editor, "unused.jpg", TestImages.jpeg(30, 20));
        MediaItem unused = newest();
        mvc.perform(post("/newsroom/media/" + unused.id() + "/delete").with(user(editor)).with(csrf()));
        assertThat(media.item(unused.id())).isEmpty();
        assertThat(mvc.perform(get(unused.url())).andReturn().getResponse().getStatus()).isEqualTo(404);
    }
}
