package org.broadsheet.spam;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class SpamChecksTest {

    static CommentDraft draft(String text) {
        return CommentDraft.textOnly(text);
    }

    static CommentDraft with(String text, String email, String ip, String url, String language, Duration time,
                             boolean honeypot, CommentDraft.History history) {
        return new CommentDraft(text, "Name", email, url, ip, "UA", "", language, "", "", time, honeypot, history);
    }

    @Test
    void holdsACommentWithMoreLinksThanAllowedAndFlagsShorteners() {
        String three = "See https://a.example/x and http://b.example/y and www.c.example";
        SpamSignal signal = new LinkCheck().check(draft(three), SpamRules.DEFAULT);
        assertThat(signal.score()).isGreaterThanOrEqualTo(SpamVerdict.HOLD_AT);
        assertThat(signal.reason()).contains("3 links (more than 2 allowed)");
        assertThat(new LinkCheck().check(draft("https://bit.ly/abc"), SpamRules.DEFAULT).reason()).contains("bit.ly");
        assertThat(new LinkCheck().check(draft("One link https://example.org is fine"), SpamRules.DEFAULT).score()).isZero();
    }

    @Test
    void theHoneypotAloneMakesSpam() {
        SpamVerdict verdict = SpamVerdict.combine(List.of(new HoneypotCheck().check(
                with("Nice", "a@b.c", "1.2.3.4", "", "en", null, true, CommentDraft.History.NONE), SpamRules.DEFAULT)));
        assertThat(verdict.decision()).isEqualTo(SpamVerdict.Decision.SPAM);
    }

    @Test
    void aFormSentWithinSecondsCountsAgainstIt() {
        CommentDraft fast = with("text", "a@b.c", "", "", "en", Duration.ofMillis(800), false, CommentDraft.History.NONE);
        CommentDraft slow = with("text", "a@b.c", "", "", "en", Duration.ofMinutes(3), false, CommentDraft.History.NONE);
        assertThat(new TimeToSubmitCheck().check(fast, SpamRules.DEFAULT).reason()).contains("0.8 s");
        assertThat(new TimeToSubmitCheck().check(slow, SpamRules.DEFAULT).score()).isZero();
    }

    @Test
    void repeatedTextAndBurstsCountAgainstApprovedHistoryCountsFor() {
        HistoryCheck check = new HistoryCheck();
        assertThat(check.check(with("t", "", "", "", null, null, false, new CommentDraft.History(0, 0, 2, 0, 0)), SpamRules.DEFAULT)
                .reason()).contains("same text");
        assertThat(check.check(with("t", "", "", "", null, null, false, new CommentDraft.History(9, 0, 0, 0, 0)), SpamRules.DEFAULT)
                .reason()).contains("IP address");
        assertThat(check.check(with("t", "", "", "", null, null, false, new CommentDraft.History(0, 0, 0, 3, 0)), SpamRules.DEFAULT)
                .score()).isNegative();
        SpamSignal spamBefore = check.check(with("t", "", "", "", null, null, false, new CommentDraft.History(0, 0, 0, 3, 1)),
                SpamRules.DEFAULT);
        assertThat(spamBefore.reason()).contains("marked spam by a moderator");
        // On its own enough to hold the comment for a moderator, never enough to mark it spam.
        assertThat(spamBefore.score()).isBetween(SpamVerdict.HOLD_AT, SpamVerdict.SPAM_AT - 0.5);
    }

    @Test
    void disallowedWordsIpsAndEmailsMakeSpam() {
        SpamRules rules = new SpamRules(2, List.of("Casino"), List.of("203.0.113."), List.of("@spam.example"));
        DisallowedCheck check = new DisallowedCheck();
        CommentDraft none = with("hello", "ok@example.org", "198.51.100.1", "", null, null, false, CommentDraft.History.NONE);
        assertThat(check.check(none, rules).score()).isZero();
        assertThat(check.check(with("online casino", "ok@example.org", "198.51.100.1", "", null, null, false,
                CommentDraft.History.NONE), rules).score()).isGreaterThanOrEqualTo(SpamVerdict.SPAM_AT);
        assertThat(check.check(with("hello", "ok@example.org", "203.0.113.9", "", null, null, false,
                CommentDraft.History.NONE), rules).reason()).contains("IP address");
        assertThat(check.check(with("hello", "x@spam.example", "1.1.1.1", "", null, null, false,
                CommentDraft.History.NONE), rules).reason()).contains("email");
    }

    @Test
    void authorUrlThroughAShortenerAndTextInAnotherScriptAreSignals() {
        assertThat(new AuthorUrlCheck().check(with("A real comment, long enough to be a sentence or two.", "", "",
                "https://bit.ly/x", null, null, false, CommentDraft.History.NONE), SpamRules.DEFAULT).score()).isPositive();
        CommentDraft cyrillicUnderJapanese = with("Это комментарий на русском языке без японских букв", "", "", "", "ja",
                null, false, CommentDraft.History.NONE);
        assertThat(new LanguageCheck().check(cyrillicUnderJapanese, SpamRules.DEFAULT).score()).isPositive();
        CommentDraft russianUnderRussian = with("Это комментарий на русском языке к русской статье", "", "", "", "ru",
                null, false, CommentDraft.History.NONE);
        assertThat(new LanguageCheck().check(russianUnderRussian, SpamRules.DEFAULT).score()).isZero();
    }

    @Test
    void aCheckThatThrowsHoldsTheCommentInsteadOfLosingOrApprovingIt() {
        SpamCheck broken = (d, r) -> {
            throw new IllegalStateException("boom");
        };
        SpamVerdict verdict = SpamFilter.judge(List.of(broken, new LinkCheck()), draft("hello"), SpamRules.DEFAULT);
        assertThat(verdict.decision()).isEqualTo(SpamVerdict.Decision.HOLD);
        assertThat(verdict.recheck()).isTrue();
        assertThat(verdict.reasons()).contains("check failed");
    }

    @Test
    void theLearnedModelSaysNothingUntilItHasSeenBothKindsThenLearnsOnline() {
        LogisticModel model = new LogisticModel();
        LearnedCheck check = new LearnedCheck(() -> model);
        for (int i = 0; i < 10; i++) {
            model.learn(TextFeatures.of("subscribe to my channel for free gift cards " + i), true);
        }
        assertThat(check.check(draft("subscribe to my channel"), SpamRules.DEFAULT).score()).isZero();
        for (int i = 0; i < 10; i++) {
            model.learn(TextFeatures.of("the renewal procedure in the council is slow " + i), false);
        }
        assertThat(check.check(draft("subscribe to my channel for gift cards"), SpamRules.DEFAULT).score()).isPositive();
        assertThat(check.check(draft("the council renewal procedure"), SpamRules.DEFAULT).score()).isNegative();
        LogisticModel restored = LogisticModel.fromBytes(model.toBytes());
        assertThat(restored.score(TextFeatures.of("free gift cards"))).isEqualTo(model.score(TextFeatures.of("free gift cards")));
        assertThat(restored.examples()).isEqualTo(20);
    }
}
