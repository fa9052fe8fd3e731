package org.broadsheet.comment;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.web.util.HtmlUtils;

/**
 * Turns a reader's plain text into safe HTML: everything escaped, blank lines make paragraphs, single line
 * breaks stay, and web addresses become links marked {@code rel="nofollow ugc noopener"} so that comment
 * spam earns no search ranking.
 */
public final class CommentText {

    private static final Pattern URL = Pattern.compile("\\bhttps?://[^\\s<>\"']+[^\\s<>\"'.,;:!?)\\]]", Pattern.CASE_INSENSITIVE);

    private CommentText() {
    }

    public static String toHtml(String text) {
        String normalized = text.replace("\r\n", "\n").replace('\r', '\n').strip();
        StringBuilder html = new StringBuilder();
        for (String paragraph : normalized.split("\n\\s*\n")) {
            if (paragraph.isBlank()) {
                continue;
            }
            html.append("<p>").append(linkify(paragraph.strip()).replace("\n", "<br>")).append("</p>");
        }
        return html.toString();
    }

    private static String linkify(String text) {
        StringBuilder out = new StringBuilder();
        Matcher m = URL.matcher(text);
        int last = 0;
        while (m.find()) {
            out.append(HtmlUtils.htmlEscape(text.substring(last, m.start())));
            String url = HtmlUtils.htmlEscape(m.group());
            out.append("<a href=\"").append(url).append("\" rel=\"nofollow ugc noopener\">").append(url).append("</a>");
            last = m.end();
        }
        out.append(HtmlUtils.htmlEscape(text.substring(last)));
        return out.toString();
    }
}
