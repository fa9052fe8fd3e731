package org.broadsheet.spam;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

/**
 * Links in the text: more than the site allows, links to address shorteners (which hide where they lead),
 * and links to bare IP addresses count against a comment.
 */
@Component
class LinkCheck implements SpamCheck {

    private static final Pattern LINK = Pattern.compile("(?i)\\b(?:https?://|www\\.)([^\\s/<>\"'?#]+)");
    static final Set<String> SHORTENERS = Set.of("bit.ly", "goo.gl", "tinyurl.com", "t.co", "ow.ly", "is.gd",
            "buff.ly", "adf.ly", "cutt.ly", "shorturl.at", "rebrand.ly", "tiny.cc");

    @Override
    public SpamSignal check(CommentDraft draft, SpamRules rules) {
        Matcher m = LINK.matcher(draft.text());
        int links = 0;
        Set<String> domains = new LinkedHashSet<>();
        while (m.find()) {
            links++;
            domains.add(m.group(1).toLowerCase(Locale.ROOT).replaceFirst("^www\\.", "").replaceFirst(":\\d+$", ""));
        }
        double score = 0;
        StringBuilder reason = new StringBuilder();
        if (links > rules.maxLinks()) {
            score += 2.0 + (links - rules.maxLinks() - 1);
            reason.append(links).append(" links (more than ").append(rules.maxLinks()).append(" allowed)");
        }
        for (String domain : domains) {
            if (SHORTENERS.contains(domain)) {
                score += 3;
                append(reason, "link through the address shortener " + domain);
            } else if (domain.matches("[0-9.]+")) {
                score += 3;
                append(reason, "link to a bare IP address " + domain);
            }
        }
        return score == 0 ? SpamSignal.neutral("links") : SpamSignal.of("links", score, reason.toString());
    }

    private static void append(StringBuilder reason, String text) {
        if (reason.length() > 0) {
            reason.append("; ");
        }
        reason.append(text);
    }
}
