package org.broadsheet.spam;

import java.util.Locale;

import org.springframework.stereotype.Component;

/** The site's lists of disallowed words, IP addresses and email addresses (like WordPress's "disallowed keys"). */
@Component
class DisallowedCheck implements SpamCheck {

    @Override
    public SpamSignal check(CommentDraft draft, SpamRules rules) {
        String email = lower(draft.authorEmail());
        // A whole address, or "@" and the domain that ends one; the discussion settings take no other entries.
        for (String blocked : rules.disallowedEmails()) {
            String b = lower(blocked).strip();
            if (!b.isEmpty() && (b.startsWith("@") ? email.endsWith(b) : email.equals(b))) {
                return SpamSignal.of("disallowed", 10, "email address on the disallowed list (" + blocked + ")");
            }
        }
        for (String blocked : rules.disallowedIps()) {
            if (IpAddresses.matches(blocked, draft.ip())) {
                return SpamSignal.of("disallowed", 10, "IP address on the disallowed list (" + blocked + ")");
            }
        }
        String everything = lower(draft.text()) + "\n" + lower(draft.authorName()) + "\n" + lower(draft.authorUrl()) + "\n" + email;
        for (String word : rules.disallowedWords()) {
            String w = lower(word).strip();
            if (!w.isEmpty() && everything.contains(w)) {
                return SpamSignal.of("disallowed", 10, "contains the disallowed word \"" + word.strip() + "\"");
            }
        }
        return SpamSignal.neutral("disallowed");
    }

    private static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }
}
