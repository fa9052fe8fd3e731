package org.broadsheet.spam;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The learned filter's reading of texts, its training and its calibrated thresholds. */
class LearnedFilterTest {

    @Test
    void readsObfuscatedSpellingsPlainly() {
        assertThat(ObfuscatedText.unmask("ch3ck my ch4nnel")).isEqualTo("check my channel");
        assertThat(ObfuscatedText.unmask("s u b s c r i b e now")).isEqualTo("subscribe now");
        assertThat(ObfuscatedText.unmask("freeeee views at example dot com")).isEqualTo("free views at example.com");
        assertThat(ObfuscatedText.unmask("$ub$cribe")).isEqualTo("subscribe");
        // Ordinary words, numbers, mostly-digit words and one or two lone letters stay as they are.
        assertThat(ObfuscatedText.unmask("the 2nd vote in 2014, b4 a u-turn")).isEqualTo("the 2nd vote in 2014, b4 a u-turn");
    }

    @Test
    void anObfuscatedWordSharesTheFeaturesOfItsPlainSpelling() {
        int channel = TextFeatures.slot("w:channel") | TextFeatures.WORDS << LogisticModel.BITS;
        assertThat(TextFeatures.of("ch4nnel")).contains(channel);
        assertThat(TextFeatures.of("CHANNEL")).contains(channel);
    }

    @Test
    void linksGiveTheirHostDomainAndPathWordsEvenInsideImportedHtmlOrWithoutAScheme() {
        int domain = TextFeatures.slot("domain:example.com") | TextFeatures.LINKS_AND_SHAPE << LogisticModel.BITS;
        int path = TextFeatures.slot("path:free") | TextFeatures.LINKS_AND_SHAPE << LogisticModel.BITS;
        assertThat(TextFeatures.of("see https://www.shop.example.com/free/views")).contains(domain, path);
        assertThat(TextFeatures.of("<a href=\"http://example.com/free\">here</a>")).contains(domain, path);
        assertThat(TextFeatures.of("go to example.com today")).contains(domain);
        assertThat(TextFeatures.of("go to example dot com today")).contains(domain);
        int countryDomain = TextFeatures.slot("domain:example.pl") | TextFeatures.LINKS_AND_SHAPE << LogisticModel.BITS;
        assertThat(TextFeatures.of("cheap consoles, visit the site example.pl/offers")).contains(countryDomain);
    }

    @Test
    void underAKnownArticleEachWordAndWordPairIsAlsoAWordOfThatArticlesDiscussion() {
        int word = TextFeatures.slot("w:tariff") | TextFeatures.WORDS << LogisticModel.BITS;
        int inArticle = TextFeatures.slot("a:17:w:tariff") | TextFeatures.WORDS << LogisticModel.BITS;
        int pairInArticle = TextFeatures.slot("a:17:b:the tariff") | TextFeatures.WORDS << LogisticModel.BITS;
        assertThat(TextFeatures.of("The tariff", "17")).contains(word, inArticle, pairInArticle);
        assertThat(TextFeatures.of("The tariff", "18")).contains(word).doesNotContain(inArticle);
        // Unknown article: the site-wide features only.
        assertThat(TextFeatures.of("The tariff", "")).isEqualTo(TextFeatures.of("The tariff"));
    }

    @Test
    void theSameWordsCanMeanTheDiscussionUnderOneArticleAndSpamUnderAnother() {
        // Under article 1 (on the tariff) moderators approved talk of the tariff; under article 2 (on the
        // council) the same words came only from a bot pasting them everywhere. Site-wide the words say nothing;
        // per article they say which is which.
        List<int[]> features = new ArrayList<>();
        List<Boolean> labels = new ArrayList<>();
        String[] spam = {"cheap followers for your channel", "win a phone, click my profile", "free gift cards here"};
        String[] ham = {"the council voted on the renewal", "a fair point about the budget", "thanks for the clear report"};
        for (int i = 0; i < 30; i++) {
            features.add(TextFeatures.of("the tariff schedule hurts exporters " + i, "1"));
            labels.add(false);
            features.add(TextFeatures.of("the tariff schedule hurts exporters " + i, "2"));
            labels.add(true);
            features.add(TextFeatures.of(spam[i % spam.length] + " " + i, "1"));
            labels.add(true);
            features.add(TextFeatures.of(ham[i % ham.length] + " " + i, "2"));
            labels.add(false);
        }
        LogisticModel model = ModelTraining.train(features, labels);

        String text = "the tariff schedule hurts exporters";
        assertThat(model.score(TextFeatures.of(text, "1"))).isNegative();
        assertThat(model.score(TextFeatures.of(text, "2"))).isPositive();
        // Without an article the same words are all the model has, and they were taught both ways.
        assertThat(Math.abs(model.score(TextFeatures.of(text)))).isLessThan(model.score(TextFeatures.of(text, "2")));
    }

    @Test
    void aTextLikeWhatModeratorsMarkedSpamIsMarkedSpamWithItsReasonAndALegitimateOneIsNot() {
        LogisticModel model = ModelTraining.fit(lessons().features(), lessons().labels());
        List<SpamCheck> checks = List.of(new LinkCheck(), new LearnedCheck(() -> model));

        SpamVerdict spam = SpamFilter.judge(checks, CommentDraft.textOnly("check out my channel for free followers"), SpamRules.DEFAULT);
        assertThat(spam.decision()).isEqualTo(SpamVerdict.Decision.SPAM);
        assertThat(spam.reasons()).startsWith("learned: resembles what moderators marked spam (evidence");

        SpamVerdict real = SpamFilter.judge(checks, CommentDraft.textOnly("the council voted on the renewal"), SpamRules.DEFAULT);
        assertThat(real.decision()).isEqualTo(SpamVerdict.Decision.APPROVE);
        assertThat(real.score()).isLessThan(SpamVerdict.HOLD_AT);
    }

    @Test
    void fittingTheSameDecisionsGivesTheSameModel() {
        LogisticModel first = ModelTraining.fit(lessons().features(), lessons().labels());
        LogisticModel second = ModelTraining.fit(lessons().features(), lessons().labels());
        assertThat(second.toBytes()).isEqualTo(first.toBytes());
    }

    record Lessons(List<int[]> features, List<Boolean> labels) {
    }

    /** Forty decisions of each kind, on a few spam and news-comment texts. */
    static Lessons lessons() {
        List<int[]> features = new ArrayList<>();
        List<Boolean> labels = new ArrayList<>();
        String[] spam = {"subscribe to my channel", "check out my channel for free views", "free gift cards at my page",
            "visit my page for free followers"};
        String[] ham = {"the renewal procedure is slow", "the council voted against it", "a clear analysis of the vote",
            "the minister resigned in march"};
        for (int i = 0; i < 40; i++) {
            features.add(TextFeatures.of(spam[i % spam.length] + " " + i));
            labels.add(true);
            features.add(TextFeatures.of(ham[i % ham.length] + " " + i));
            labels.add(false);
        }
        return new Lessons(features, labels);
    }

    @Test
    void fittingCalibratesTheSpamThresholdAboveAlmostAllUnseenLegitimateComments() {
        LogisticModel model = ModelTraining.fit(lessons().features(), lessons().labels());
        assertThat(model.spamAt()).isNotEqualTo(LogisticModel.DEFAULT_SPAM_AT).isGreaterThanOrEqualTo(0);
        assertThat(model.holdAt()).isLessThanOrEqualTo(model.spamAt());
        assertThat(model.score(TextFeatures.of("check out my channel for free followers"))).isGreaterThan(model.spamAt());
        assertThat(model.score(TextFeatures.of("the council voted on the renewal"))).isNegative().isLessThan(model.spamAt());
        assertThat(model.examples()).isEqualTo(80);

        LogisticModel restored = LogisticModel.fromBytes(model.toBytes());
        assertThat(restored.spamAt()).isEqualTo(model.spamAt());
        assertThat(restored.holdAt()).isEqualTo(model.holdAt());
        // The learned check puts the calibrated spam threshold exactly on the filter's.
        assertThat(LearnedCheck.points(model.spamAt(), model)).isEqualTo(SpamVerdict.SPAM_AT);
    }

    @Test
    void aModelStoredByAnOlderVersionIsRecognisedAsOutdated() {
        assertThat(LogisticModel.current(new LogisticModel().toBytes())).isTrue();
        assertThat(LogisticModel.current(null)).isTrue();
        assertThat(LogisticModel.current(new byte[] {1, 2, 3})).isFalse();
        assertThat(LogisticModel.fromBytes(new byte[] {1, 2, 3}).examples()).isZero();
    }

    @Test
    void csvHistorySeesRepeatsAndBurstsBeforeACommentAndOnlyTrainingApprovals() {
        LocalDateTime t = LocalDateTime.of(2014, 11, 7, 12, 0);
        LabelledComment first = new LabelledComment("same words", "Ann", t.minusHours(2), false, "a:2");
        LabelledComment repeat = new LabelledComment("same words", "Bob", t, true, "a:3");
        LabelledComment later = new LabelledComment("same words", "Cy", t.plusDays(2), true, "a:4");
        LabelledComment annAgain = new LabelledComment("other words", "Ann", t, false, "a:5");
        List<LabelledComment> all = List.of(first, repeat, later, annAgain);

        CsvHistory history = new CsvHistory(all, c -> c == first);
        assertThat(history.of(repeat).sameTextLastDay()).isEqualTo(1);
        assertThat(history.of(later).sameTextLastDay()).isZero();
        assertThat(history.of(first).sameTextLastDay()).isZero();
        assertThat(history.of(annAgain).approvedFromEmail()).isEqualTo(1);
        assertThat(new CsvHistory(all, c -> false).of(annAgain).approvedFromEmail()).isZero();
        LabelledComment annSpam = new LabelledComment("buy now", "Ann", t.minusHours(1), true, "a:7");
        List<LabelledComment> withSpam = List.of(first, annSpam, annAgain);
        assertThat(new CsvHistory(withSpam, c -> true).of(annAgain).spamFromEmail()).isEqualTo(1);
        assertThat(new CsvHistory(withSpam, c -> c != annSpam).of(annAgain).spamFromEmail())
                .as("a test row's label never reaches the filter").isZero();
        assertThat(history.of(new LabelledComment("same words", "Dee", null, true, "a:6"))).isEqualTo(CommentDraft.History.NONE);
    }
}
