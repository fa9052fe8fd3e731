package org.broadsheet.spam;

import org.springframework.stereotype.Component;

/** A field hidden from people (and labelled "leave empty" for screen readers) that only bots fill in. */
@Component
class HoneypotCheck implements SpamCheck {

    @Override
    public SpamSignal check(CommentDraft draft, SpamRules rules) {
        return draft.honeypotFilled() ? SpamSignal.of("honeypot", 10, "filled in the field hidden from people")
                : SpamSignal.neutral("honeypot");
    }
}
