package org.broadsheet.comment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the comment form accepts as it was typed, and what it asks a reader to fix. */
class CommentFormTest {

    static CommentForm form(String name, String email, String url, String text) {
        return new CommentForm(name, email, url, text, "", "token", "");
    }

    @Test
    void anEmailIsCheckedForLengthAsItIsStoredInLowerCase() {
        // "İ" becomes two characters in lower case: 200 of them fit the column typed, not stored.
        String dotted = "\u0130".repeat(200) + "@example.com";
        assertThat(dotted.length()).isLessThanOrEqualTo(CommentForm.MAX_EMAIL);
        assertThat(form("Ayşe", dotted, "", "A comment.").problems(false)).singleElement().asString()
                .contains("is not an email address");
        assertThat(form("Ayşe", "AYSE@Example.COM", "", "A comment.").normalisedEmail()).isEqualTo("ayse@example.com");
    }

    @Test
    void aNameIsOneVisibleLine() {
        assertThat(form("Bob\r\nBcc: victim@example.com", "bob@example.net", "", "Hi").problems(false))
                .singleElement().asString().contains("line breaks");
        assertThat(form("evil\u202Egnp.exe", "e@example.net", "", "Hi").problems(false))
                .singleElement().asString().contains("invisible");
        assertThat(form("\u200B\u2060", "z@example.net", "", "Hi").problems(false))
                .containsExactly("Please give your name.");
        // Joiners that scripts and emoji need stay.
        assertThat(form("می\u200Cخواهم", "fa@example.net", "", "Hi").problems(false)).isEmpty();
    }

    @Test
    void aCommentOfInvisibleCharactersIsEmpty() {
        assertThat(form("Zed", "zed@example.net", "", "\u200B\u2060\u200B \u00A0").problems(false))
                .containsExactly("Please write your comment.");
    }

    @Test
    void comparisonsAndKeysInAnglesArePlainTextButHtmlTagsAreNot() {
        for (String plain : new String[] {"When growth<expected and inflation>target, rates stay put.",
                "If x<y and y>z then x<z.", "Press <Ctrl>+C to copy.", "x < y > z", "<3 this piece"}) {
            assertThat(form("Ann", "ann@example.net", "", plain).problems(false)).as(plain).isEmpty();
        }
        for (String tagged : new String[] {"<script>alert(1)</script>", "<b>bold</b>", "<IMG SRC=x onerror=alert(1)>",
                "<svg/onload=alert(1)>", "<a href=\"https://spam.example\">cheap</a>", "<!-- hidden -->", "</p>",
                "< iframe src=//evil.example>"}) {
            assertThat(form("Ann", "ann@example.net", "", "Look: " + tagged).problems(false)).as(tagged)
                    .singleElement().asString().contains("HTML tags");
        }
    }

    @Test
    void websitesMayBeNamedInAnyScript() {
        for (String ok : new String[] {"https://пример.рф/", "https://例え.jp/about", "http://xn--e1afmkfd.xn--p1ai/",
                "https://my_site.example.com/", "https://example.org:8443/a?b=c", "HTTPS://EXAMPLE.ORG"}) {
            assertThat(CommentForm.isWebAddress(ok)).as(ok).isTrue();
        }
        for (String bad : new String[] {"javascript:alert(1)", "ftp://example.org/", "https://",
                "https://exa mple.org/", "//example.org/", "https://-bad-.example/", "data:text/html,hi"}) {
            assertThat(CommentForm.isWebAddress(bad)).as(bad).isFalse();
        }
    }
}
