package org.broadsheet.article;

import static org.assertj.core.api.Assertions.assertThat;

import org.broadsheet.testing.Browser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A reader in a real browser: front page → article → footnote and back → author → section. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReadingBrowserTest {

    @LocalServerPort
    int port;

    WebDriver browser;

    @BeforeEach
    void open() {
        browser = Browser.start();
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void readerFollowsAnArticleItsNotesItsAuthorAndItsSection() {
        browser.get("http://localhost:" + port + "/");
        assertThat(browser.getTitle()).startsWith("The Meridian Review");
        click(browser.findElement(By.cssSelector(".sections-nav a[href='/section/russia/']")));
        click(browser.findElement(By.cssSelector(".cards .card-title a[href$='/the-sanctions-ratchet/']")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("The Sanctions Ratchet");

        WebElement firstRef = browser.findElement(By.cssSelector(".article-body sup.footnote-ref a"));
        String refId = firstRef.getAttribute("id");
        click(firstRef);
        assertThat(browser.getCurrentUrl()).endsWith("#fn-1");
        WebElement note = browser.findElement(By.id("fn-1"));
        assertThat(note.isDisplayed()).isTrue();
        click(note.findElement(By.cssSelector("a.footnote-backref")));
        assertThat(browser.getCurrentUrl()).endsWith("#" + refId);

        click(browser.findElement(By.cssSelector(".article-header .byline a[href='/author/clara-brennwald/']")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Clara Brennwald");
        assertThat(browser.findElements(By.cssSelector(".cards .card"))).isNotEmpty();

        click(browser.findElement(By.cssSelector(".sections-nav a[href='/section/opinion/']")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Opinion");
        click(browser.findElement(By.cssSelector(".subsections a[href='/section/opinion/news/']")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("News");
        assertThat(browser.findElement(By.cssSelector(".kicker a")).getAttribute("href")).endsWith("/section/opinion/");
    }

    /** Scrolls the element to the middle of the window first, as a person would, then clicks it. */
    private void click(WebElement element) {
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
        element.click();
    }

    @Test
    void articlePageFitsAPhoneScreen() {
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        browser.get("http://localhost:" + port + "/2026/09/08/the-sanctions-ratchet/");
        Object overflow = ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("return document.documentElement.scrollWidth > window.innerWidth;");
        assertThat(overflow).isEqualTo(false);
    }
}
