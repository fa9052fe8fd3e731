package org.broadsheet.spam;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

/**
 * Links in the text: more than the site allows, links to address shorteners (which hide where they lead),
 * and links to bare IP addresses count against a comment.
 */
@Component
class LinkCheck implements SpamCheck {

    static final Set<String> SHORTENERS = Set.of("bit.ly", "goo.gl", "tinyurl.com", "t.co", "ow.ly", "is.gd",
            "buff.ly", "adf.ly", "cutt.ly", "shorturl.at", "rebrand.ly", "tiny.cc");

    @Override
    public SpamSignal check(CommentDraft draft, SpamRules rules) {
        List<String> hosts = Links.hostsIn(draft.text());
        int links = hosts.size();
        Set<String> domains = new LinkedHashSet<>(hosts);
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
