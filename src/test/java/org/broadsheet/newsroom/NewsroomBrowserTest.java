package org.broadsheet.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.broadsheet.account.AccountService;
import org.broadsheet.account.Role;
import org.broadsheet.account.StaffUser;
import org.broadsheet.article.Article;
import org.broadsheet.article.ArticleService;
import org.broadsheet.article.ArticleStatus;
import org.broadsheet.article.ArticleUrls;
import org.broadsheet.media.TestImages;
import org.broadsheet.testing.Browser;
import org.broadsheet.testing.MutableClock;
import org.broadsheet.testing.MutableClockConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/** What the staff do in a real browser: write, submit, review, schedule, upload, and be refused. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "broadsheet.publish-check-interval=PT1S")
@Import(MutableClockConfig.class)
class NewsroomBrowserTest {

    private static final String PASSWORD = "browser test password";

    @LocalServerPort
    int port;
    @Autowired
    AccountService accounts;
    @Autowired
    ArticleService articles;
    @Autowired
    MutableClock clock;

    WebDriver browser;

    @BeforeEach
    void start() {
        browser = Browser.start();
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private StaffUser staff(Role role) {
        return accounts.create(role.name().toLowerCase() + System.nanoTime() + "@example.org", role.label() + " Tester", PASSWORD, role);
    }

    private void signIn(StaffUser user) {
        browser.get(url("/newsroom/"));
        assertThat(browser.getCurrentUrl()).endsWith("/newsroom/sign-in");
        browser.findElement(By.id("email")).sendKeys(user.email());
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        click(By.cssSelector("form.account-form button[type=submit]"));
        waitFor(d -> d.getCurrentUrl().contains("/newsroom/articles/"));
    }

    private void waitFor(java.util.function.Function<WebDriver, Boolean> condition) {
        try {
            new WebDriverWait(browser, Duration.ofSeconds(20))
                    .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                    .ignoring(org.openqa.selenium.NoSuchElementException.class)
                    .until(condition::apply);
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("Timed out at " + browser.getCurrentUrl() + " showing: "
                    + browser.findElement(By.tagName("body")).getText(), e);
        }
    }

    /**
     * Clicks after scrolling the element to the middle at once: the site scrolls smoothly, and a click aimed
     * while the page still glides lands on whatever passes under the pointer.
     */
    private void click(By by) {
        WebElement element = browser.findElement(by);
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
        element.click();
    }

    private String status() {
        return browser.findElement(By.cssSelector(".editor-status .status")).getAttribute("data-status");
    }

    @Test
    void contributorWritesAndSubmits() {
        StaffUser contributor = staff(Role.CONTRIBUTOR);
        signIn(contributor);
        click(By.linkText("New article"));
        browser.findElement(By.id("title")).sendKeys("Notes from the border");
        click(By.cssSelector("form.new-article button"));
        waitFor(d -> !d.findElements(By.id("body")).isEmpty());
        WebElement body = browser.findElement(By.id("body"));
        body.sendKeys("## First impressions\n\nThe queue at the crossing was long.");
        waitFor(d -> d.findElement(By.id("preview")).getText().contains("First impressions"));
        click(By.cssSelector(".md-toolbar [data-md=footnote]"));
        click(By.id("save"));
        waitFor(d -> d.getCurrentUrl().contains("saved=1"));
        assertThat(browser.findElement(By.id("body")).getAttribute("value")).contains("The queue at the crossing was long.[^1]");
        click(By.cssSelector("button[name=step][value=SUBMIT]"));
        waitFor(d -> status().equals("IN_REVIEW"));
        assertThat(browser.findElements(By.cssSelector("button[name=step]"))).isEmpty();
    }

    @Test
    void editorLeavesANoteAndSchedulesAndTheArticleAppearsOnTheSiteAtItsTime() {
        StaffUser editor = staff(Role.EDITOR);
        long id = articles.create(new ArticleService.NewArticle("the-long-thaw", "en", "The long thaw", "A standfirst",
                "Body of the piece.", ArticleStatus.IN_REVIEW, null, null, null, "", "", "", "", null, null, "", null,
                false, List.of(), List.of(), List.of()));
        signIn(editor);
        browser.get(url("/newsroom/articles/" + id + "/"));
        browser.findElement(By.id("note-body")).sendKeys("Good piece. Scheduling it for the morning.");
        click(By.cssSelector("#notes button[type=submit]"));
        waitFor(d -> d.findElements(By.cssSelector("#notes .note-body")).size() == 1);
        assertThat(browser.findElement(By.cssSelector("#notes .note-body")).getText()).isEqualTo("Good piece. Scheduling it for the morning.");

        OffsetDateTime at = OffsetDateTime.now(clock).plusMinutes(10).withOffsetSameInstant(ZoneOffset.UTC);
        ((JavascriptExecutor) browser).executeScript("document.getElementById('schedule-at').value = arguments[0];",
                at.format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm")));
        click(By.cssSelector("button[name=step][value=SCHEDULE]"));
        waitFor(d -> status().equals("SCHEDULED"));

        Article scheduled = articles.find(id).orElseThrow();
        String publicUrl = url(ArticleUrls.of(scheduled.publishedAt(), scheduled.slug(), ZoneOffset.UTC));
        browser.get(publicUrl);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isNotEqualTo("The long thaw");

        clock.advance(Duration.ofMinutes(11));
        waitFor(d -> {
            d.get(publicUrl);
            return d.findElement(By.tagName("h1")).getText().equals("The long thaw");
        });
        assertThat(articles.find(id).orElseThrow().status()).isEqualTo(ArticleStatus.PUBLISHED);
    }

    @Test
    void authorUploadsAnImageAndUsesItAsTheLeadImage() throws Exception {
        StaffUser author = staff(Role.AUTHOR);
        Path photo = Files.createTempFile("lighthouse", ".jpg");
        Files.write(photo, TestImages.jpeg(1000, 600));
        signIn(author);
        browser.get(url("/newsroom/media/"));
        browser.findElement(By.id("file")).sendKeys(photo.toAbsolutePath().toString());
        browser.findElement(By.cssSelector("#upload-form input[name=alt]")).sendKeys("A lighthouse at dusk");
        click(By.cssSelector("#upload-form button[type=submit]"));
        waitFor(d -> d.getCurrentUrl().contains("notice="));
        String fileName = browser.findElement(By.cssSelector(".media-item .media-name")).getText().split(" ")[0];

        browser.get(url("/newsroom/articles/new"));
        browser.findElement(By.id("title")).sendKeys("Lights along the coast");
        click(By.cssSelector("form.new-article button"));
        waitFor(d -> !d.findElements(By.id("leadMediaId")).isEmpty());
        Select lead = new Select(browser.findElement(By.id("leadMediaId")));
        lead.selectByVisibleText(lead.getOptions().stream().map(WebElement::getText).filter(t -> t.startsWith(fileName)).findFirst().orElseThrow());
        browser.findElement(By.id("leadCredit")).sendKeys("Staff photo");
        browser.findElement(By.id("body")).sendKeys("Text about lighthouses.");
        click(By.id("save"));
        waitFor(d -> d.getCurrentUrl().contains("saved=1"));
        click(By.cssSelector("button[name=step][value=PUBLISH]"));
        waitFor(d -> status().equals("PUBLISHED"));
        click(By.linkText("view on the site"));
        waitFor(d -> d.findElement(By.tagName("h1")).getText().equals("Lights along the coast"));
        WebElement img = browser.findElement(By.cssSelector("img[src*='/media/uploads/']"));
        assertThat(img.getAttribute("alt")).isEqualTo("A lighthouse at dusk");
        assertThat(img.getAttribute("srcset")).contains("480w");
        assertThat(browser.getPageSource()).contains("Staff photo");
    }

    @Test
    void contributorIsRefusedPublishing() {
        StaffUser contributor = staff(Role.CONTRIBUTOR);
        signIn(contributor);
        click(By.linkText("New article"));
        browser.findElement(By.id("title")).sendKeys("Too eager");
        click(By.cssSelector("form.new-article button"));
        waitFor(d -> !d.findElements(By.cssSelector(".workflow-form")).isEmpty());
        assertThat(browser.findElements(By.cssSelector("button[name=step][value=PUBLISH]"))).isEmpty();
        // Forge the missing button, as someone editing the page would.
        ((JavascriptExecutor) browser).executeScript("""
                var b = document.createElement('button'); b.name = 'step'; b.value = 'PUBLISH'; b.id = 'forged';
                b.textContent = 'Publish'; document.querySelector('.workflow-form').appendChild(b);""");
        click(By.id("forged"));
        waitFor(d -> d.findElement(By.tagName("h1")).getText().equals("Not allowed"));
        assertThat(browser.findElement(By.cssSelector("[role=alert]")).getText()).contains("Contributors cannot publish");
    }

    @Test
    void textTypedWhenTheSessionExpiredIsOfferedBackAfterSigningIn() {
        StaffUser author = staff(Role.AUTHOR);
        signIn(author);
        click(By.linkText("New article"));
        browser.findElement(By.id("title")).sendKeys("Written on a train");
        click(By.cssSelector("form.new-article button"));
        waitFor(d -> !d.findElements(By.id("body")).isEmpty());
        String articleUrl = browser.getCurrentUrl();
        browser.manage().deleteAllCookies();
        browser.findElement(By.id("body")).sendKeys("Words typed after the session ended.");
        waitFor(d -> d.findElement(By.id("autosave-status")).getText().contains("session has expired"));

        signIn(author);
        browser.get(articleUrl);
        waitFor(d -> d.findElement(By.id("local-copy")).isDisplayed());
        assertThat(browser.findElement(By.id("body")).getAttribute("value")).doesNotContain("Words typed");
        click(By.id("restore-local"));
        assertThat(browser.findElement(By.id("body")).getAttribute("value")).isEqualTo("Words typed after the session ended.");
        click(By.id("save"));
        waitFor(d -> d.getCurrentUrl().contains("saved=1"));
        assertThat(browser.findElement(By.id("body")).getAttribute("value")).isEqualTo("Words typed after the session ended.");
        assertThat(browser.findElement(By.id("local-copy")).isDisplayed()).isFalse();
    }

    @Test
    void authorDropsAnImageIntoTheTextAndItIsUploadedAndInserted() throws Exception {
        StaffUser author = staff(Role.AUTHOR);
        signIn(author);
        click(By.linkText("New article"));
        browser.findElement(By.id("title")).sendKeys("Dropped picture");
        click(By.cssSelector("form.new-article button"));
        waitFor(d -> !d.findElements(By.id("body")).isEmpty());
        String photo = java.util.Base64.getEncoder().encodeToString(TestImages.jpeg(64, 48));
        ((JavascriptExecutor) browser).executeScript("""
                var bytes = Uint8Array.from(atob(arguments[0]), function (c) { return c.charCodeAt(0); });
                var file = new File([bytes], 'river.jpg', { type: 'image/jpeg' });
                var transfer = new DataTransfer();
                transfer.items.add(file);
                document.getElementById('body').dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));""", photo);
        waitFor(d -> d.findElement(By.id("body")).getAttribute("value").contains("](/media/uploads/"));
        assertThat(browser.findElement(By.id("autosave-status")).getText()).contains("Image uploaded");
        waitFor(d -> d.findElement(By.cssSelector("#preview img")).getAttribute("src").contains("/media/uploads/"));
    }

    @Test
    void imagesDroppedOnTheMediaLibraryAreUploaded() throws Exception {
        StaffUser editor = staff(Role.EDITOR);
        signIn(editor);
        browser.get(url("/newsroom/media/"));
        int before = browser.findElements(By.cssSelector(".media-item")).size();
        String photo = java.util.Base64.getEncoder().encodeToString(TestImages.jpeg(80, 60));
        ((JavascriptExecutor) browser).executeScript("""
                var bytes = Uint8Array.from(atob(arguments[0]), function (c) { return c.charCodeAt(0); });
                var transfer = new DataTransfer();
                transfer.items.add(new File([bytes], 'dropped-harbour.jpg', { type: 'image/jpeg' }));
                transfer.items.add(new File(['not an image'], 'notes.jpg', { type: 'image/jpeg' }));
                document.getElementById('drop-zone').dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));""", photo);
        waitFor(d -> d.findElement(By.id("upload-status")).getText().contains("Not uploaded"));
        assertThat(browser.findElement(By.id("upload-status")).getText()).contains("1 uploaded").contains("notes.jpg: This file is not a JPEG");
        browser.navigate().refresh();
        assertThat(browser.findElements(By.cssSelector(".media-item"))).hasSize(before + 1);
        assertThat(browser.findElement(By.cssSelector(".media-item .media-name")).getText()).startsWith("dropped-harbour-");
    }
}
