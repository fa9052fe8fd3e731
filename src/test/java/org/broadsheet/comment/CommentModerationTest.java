package org.broadsheet.comment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.broadsheet.spam.SpamSignal;
import org.broadsheet.spam.SpamVerdict;
import org.junit.jupiter.api.Test;

class CommentModerationTest {

    static DiscussionSettings.Settings settings(boolean holdFirst, boolean holdAll) {
        return new DiscussionSettings.Settings(true, 0, holdFirst, holdAll, 2, 5, 50, false, 20, 10, 60,
                List.of(), List.of(), List.of(), List.of(), false);
    }

    static SpamVerdict verdict(SpamSignal... signals) {
        return SpamVerdict.combine(List.of(signals));
    }

    @Test
    void aCleanCommentIsApprovedUnlessARuleHoldsIt() {
        SpamVerdict clean = verdict(SpamSignal.neutral("links"));
        assertThat(CommentModeration.decide(clean, settings(false, false), false, 0, "").status()).isEqualTo(CommentStatus.APPROVED);
        CommentModeration.Decision first = CommentModeration.decide(clean, settings(true, false), false, 0, "");
        assertThat(first.status()).isEqualTo(CommentStatus.PENDING);
        assertThat(first.reasons()).anyMatch(r -> r.reason().contains("first comment"));
        assertThat(CommentModeration.decide(clean, settings(true, false), false, 2, "").status()).isEqualTo(CommentStatus.APPROVED);
        assertThat(CommentModeration.decide(clean, settings(false, true), false, 2, "").status()).isEqualTo(CommentStatus.PENDING);
    }

    @Test
    void moreLinksThanTheSettingsAllowHoldACommentWhateverItsScore() {
        // A returning commenter's credit outweighs the links' points, but the site's rule still holds the comment.
        SpamVerdict credited = verdict(SpamSignal.of("links", 2, "3 links"), SpamSignal.of("history", -1, "approved before"));
        String threeLinks = "See https://a.example/1, https://b.example/2 and www.c.example.";
        CommentModeration.Decision held = CommentModeration.decide(credited, settings(false, false), false, 3, threeLinks);
        assertThat(held.status()).isEqualTo(CommentStatus.PENDING);
        assertThat(held.reasons()).anyMatch(r -> r.reason().equals("more than 2 links"));
        assertThat(CommentModeration.decide(credited, settings(false, false), false, 3, "Only https://a.example/1 here.")
                .status()).isEqualTo(CommentStatus.APPROVED);
    }

    @Test
    void unsureIsHeldAndClearSpamIsKeptAsSpam() {
        assertThat(CommentModeration.decide(verdict(SpamSignal.of("links", 3, "3 links")), settings(false, false), false, 5, "")
                .status()).isEqualTo(CommentStatus.PENDING);
        assertThat(CommentModeration.decide(verdict(SpamSignal.of("honeypot", 10, "filled")), settings(false, false), false, 5, "")
                .status()).isEqualTo(CommentStatus.SPAM);
    }

    @Test
    void aFailedCheckNeverApprovesAndNeverSpamsButHoldsForARecheck() {
        CommentModeration.Decision decision = CommentModeration.decide(
                verdict(SpamSignal.failure("akismet", "timed out"), SpamSignal.of("links", -1, "")), settings(false, false), false, 9, "");
        assertThat(decision.status()).isEqualTo(CommentStatus.PENDING);
        assertThat(decision.recheck()).isTrue();
        CommentModeration.Decision spammyButUnchecked = CommentModeration.decide(
                verdict(SpamSignal.failure("akismet", "down"), SpamSignal.of("honeypot", 10, "filled")), settings(false, false), false, 0, "");
        assertThat(spammyButUnchecked.status()).isEqualTo(CommentStatus.PENDING);
    }

    @Test
    void staffPostAsThemselvesAndAreNotHeld() {
        assertThat(CommentModeration.decide(verdict(SpamSignal.of("time", 3, "fast")), settings(true, true), true, 0, "")
                .status()).isEqualTo(CommentStatus.APPROVED);
    }
}
