package org.broadsheet.comment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;

import org.broadsheet.testing.Browser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * What a reader and an editor do: the reader's comment is held, the editor signs in and approves it, it
 * appears; the editor replies under it and the reply is threaded; a bot's comment lands in Spam with reasons.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CommentFlowBrowserTest {

    static final String ARTICLE = CommentPostingTest.ARTICLE;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    DiscussionSettings settings;

    WebDriver browser;

    @BeforeEach
    void setUp() {
        settings.save(Map.of("hold_first_comment", "true", "ip_per_hour", "0", "email_per_hour", "0"));
        jdbc.sql("INSERT INTO app_user (email, display_name, password_hash, role, created_at) VALUES (:e, 'Erin Editor', :p, 'EDITOR', :at)")
                .param("e", "erin@meridian.example").param("p", passwords.encode("correct horse battery"))
                .param("at", OffsetDateTime.now()).update();
        browser = Browser.start();
    }

    @AfterEach
    void quit() {
        if (browser != null) {
            browser.quit();
        }
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** Scrolls the element to the middle of the window first, clear of the sticky masthead. */
    void click(WebElement element) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
        element.click();
    }

    /** Waits for the page the last click leads to, so that no element of the old page is read. */
    void waitForUrl(String part) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains(part));
    }

    void writeComment(String name, String email, String text) {
        browser.findElement(By.id("comment-name")).sendKeys(name);
        browser.findElement(By.id("comment-email")).sendKeys(email);
        browser.findElement(By.id("comment-text")).sendKeys(text);
    }

    @Test
    void aHeldCommentIsApprovedInTheQueueAppearsAndGetsAThreadedReplyAndSpamLandsInTheSpamTab() {
        browser.get(url(ARTICLE));
        writeComment("Rosa Reader", "rosa@example.net", "Renewal by unanimity means one capital can end it.");
        click(browser.findElement(By.cssSelector("form.comment-form button[type=submit]")));
        waitForUrl("/held?sig=");
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("awaiting moderation");
        assertThat(browser.findElement(By.cssSelector(".comment-own")).getText()).contains("one capital can end it");

        // A bot fills in every field, including the one hidden from people.
        browser.get(url(ARTICLE));
        writeComment("Cheap Pills", "pills@spam.example", "Best prices online, visit my shop today.");
        ((JavascriptExecutor) browser).executeScript("document.getElementById('comment-website').value = 'http://pills.example'");
        click(browser.findElement(By.cssSelector("form.comment-form button[type=submit]")));
        waitForUrl("/held?sig=");
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("awaiting moderation");

        browser.get(url("/newsroom/sign-in"));
        browser.findElement(By.name("email")).sendKeys("erin@meridian.example");
        browser.findElement(By.name("password")).sendKeys("correct horse battery");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.not(ExpectedConditions.urlContains("/sign-in")));

        browser.get(url("/newsroom/comments/"));
        WebElement held = browser.findElements(By.cssSelector(".queue-item")).stream()
                .filter(e -> e.getText().contains("one capital can end it")).findFirst().orElseThrow();
        // A person who types within seconds of loading the page is held too; the reason says why.
        assertThat(held.findElement(By.cssSelector(".spam-reasons")).getText()).containsAnyOf("first comment", "after the form was served");
        click(held.findElement(By.cssSelector(".queue-actions button[value=APPROVE]")));
        waitForUrl("done=");
        assertThat(browser.findElement(By.cssSelector(".notice")).getText()).contains("1 comment: approve");

        browser.get(url(ARTICLE));
        WebElement comment = browser.findElements(By.cssSelector(".comment")).stream()
                .filter(e -> e.getText().contains("one capital can end it")).findFirst().orElseThrow();
        assertThat(comment.findElement(By.cssSelector(".comment-author")).getText()).isEqualTo("Rosa Reader");
        // Signed in, the editor comments as herself: the article's form names her and asks for no name or email.
        assertThat(browser.findElement(By.cssSelector("#reply .posting-as")).getText()).contains("Erin Editor");
        assertThat(browser.findElements(By.cssSelector("#reply input[name=name], #reply input[name=email], #reply input[name=url]"))).isEmpty();

        // The editor replies on the site, without JavaScript's help: the reply link leads to a page with a form.
        click(comment.findElement(By.cssSelector("a.comment-reply")));
        waitForUrl("comments/reply");
        assertThat(browser.findElement(By.cssSelector(".posting-as")).getText()).contains("Erin Editor");
        browser.findElement(By.id("comment-text")).sendKeys("Exactly — and that is the ratchet's one weak tooth.");
        click(browser.findElement(By.cssSelector("form.comment-form button[type=submit]")));
        waitForUrl("#comment-");
        assertThat(browser.getCurrentUrl()).contains(ARTICLE + "#comment-");
        String anchor = browser.getCurrentUrl().substring(browser.getCurrentUrl().indexOf('#') + 1);
        WebElement reply = browser.findElement(By.id(anchor));
        WebElement parent = reply.findElement(By.xpath("ancestor::li[contains(@class, 'comment')][1]"));
        assertThat(parent.findElement(By.cssSelector(".comment-author")).getText()).isEqualTo("Rosa Reader");
        assertThat(reply.getText()).contains("the ratchet's one weak tooth");
        assertThat(reply.findElement(By.cssSelector(".comment-author")).getText()).isEqualTo("Erin Editor");

        browser.get(url("/newsroom/comments/?status=SPAM"));
        WebElement spam = browser.findElements(By.cssSelector(".queue-item")).stream()
                .filter(e -> e.getText().contains("visit my shop")).findFirst().orElseThrow();
        assertThat(spam.findElement(By.cssSelector(".spam-reasons")).getText()).contains("honeypot");
    }
}
