package org.broadsheet.spam;

import java.net.URI;
import java.util.Locale;

import org.springframework.stereotype.Component;

/**
 * The commenter's website: a shortened or bare-IP address hides where it leads, and a website attached to a
 * one-line comment is the classic shape of link spam.
 */
@Component
class AuthorUrlCheck implements SpamCheck {

    @Override
    public SpamSignal check(CommentDraft draft, SpamRules rules) {
        String url = draft.authorUrl();
        if (url == null || url.isBlank()) {
            return SpamSignal.neutral("author-url");
        }
        String host;
        try {
            host = URI.create(url.strip()).getHost();
        } catch (IllegalArgumentException e) {
            host = null;
        }
        if (host == null) {
            return SpamSignal.of("author-url", 1, "website is not a valid address");
        }
        host = host.toLowerCase(Locale.ROOT).replaceFirst("^www\\.", "");
        if (LinkCheck.SHORTENERS.contains(host)) {
            return SpamSignal.of("author-url", 3, "website through the address shortener " + host);
        }
        if (host.matches("[0-9.]+")) {
            return SpamSignal.of("author-url", 2, "website is a bare IP address");
        }
        if (draft.text().strip().length() < 40) {
            return SpamSignal.of("author-url", 1, "a website with a very short comment");
        }
        return SpamSignal.neutral("author-url");
    }
}
