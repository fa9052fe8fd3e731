package org.broadsheet.spam;

/**
 * Akismet's verdict, when the site owner has switched it on. If Akismet cannot answer, the signal fails,
 * which holds the comment and marks it to be checked again: never dropped, never approved unchecked.
 */
final class AkismetCheck implements SpamCheck {

    private final Akismet akismet;

    AkismetCheck(Akismet akismet) {
        this.akismet = akismet;
    }

    @Override
    public SpamSignal check(CommentDraft draft, SpamRules rules) {
        if (!akismet.enabled()) {
            return SpamSignal.neutral("akismet");
        }
        try {
            Akismet.Answer answer = akismet.check(draft);
            if (answer.discard()) {
                return SpamSignal.of("akismet", 12, "Akismet: blatant spam");
            }
            return answer.spam() ? SpamSignal.of("akismet", 6, "Akismet: spam") : SpamSignal.of("akismet", -1, "Akismet: not spam");
        } catch (Akismet.AkismetException e) {
            return SpamSignal.failure("akismet", e.getMessage());
        }
    }
}
