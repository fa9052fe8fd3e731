package org.broadsheet.spam;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * What {@link HistoryCheck} would have known about a labelled comment when it was posted, from the other rows
 * of the CSV files that carry AUTHOR and DATE: the same text posted in the day before, comments by the same
 * author (standing in for the email address) in the hour before, and that author's earlier comments that
 * moderators approved or marked spam. The first two use only times and texts, which the live filter sees for every
 * comment; moderators' decisions are counted only among the training rows, so that no test row's label reaches the
 * filter.
 * Rows without a date have no history.
 */
final class CsvHistory {

    private final Map<String, List<LabelledComment>> byText = new HashMap<>();
    private final Map<String, List<LabelledComment>> byAuthor = new HashMap<>();
    private final Predicate<LabelledComment> moderated;

    /**
     * @param posted   every comment the site had received, labelled or not
     * @param moderated which of them moderators have decided on, as far as the filter may know (the training rows)
     */
    CsvHistory(List<LabelledComment> posted, Predicate<LabelledComment> moderated) {
        for (LabelledComment c : posted) {
            if (c.postedAt() != null) {
                byText.computeIfAbsent(key(c.text()), k -> new ArrayList<>()).add(c);
                if (!c.author().isBlank()) {
                    byAuthor.computeIfAbsent(c.author(), k -> new ArrayList<>()).add(c);
                }
            }
        }
        this.moderated = moderated;
    }

    private static final Duration EVER = Duration.ofDays(36500);

    CommentDraft.History of(LabelledComment c) {
        LocalDateTime at = c.postedAt();
        if (at == null) {
            return CommentDraft.History.NONE;
        }
        List<LabelledComment> sameText = byText.getOrDefault(key(c.text()), List.of());
        List<LabelledComment> sameAuthor = c.author().isBlank() ? List.of() : byAuthor.getOrDefault(c.author(), List.of());
        int sameTextLastDay = count(sameText, c, Duration.ofDays(1), x -> true);
        int fromAuthorLastHour = count(sameAuthor, c, Duration.ofHours(1), x -> true);
        int approvedEarlier = count(sameAuthor, c, EVER, x -> !x.spam() && moderated.test(x));
        int spamEarlier = count(sameAuthor, c, EVER, x -> x.spam() && moderated.test(x));
        return new CommentDraft.History(0, fromAuthorLastHour, sameTextLastDay, approvedEarlier, spamEarlier);
    }

    /** Other comments in the list posted within {@code window} before {@code c} that pass the test. */
    private static int count(List<LabelledComment> list, LabelledComment c, Duration window, Predicate<LabelledComment> test) {
        LocalDateTime from = c.postedAt().minus(window);
        int n = 0;
        for (LabelledComment other : list) {
            if (other != c && other.postedAt().isBefore(c.postedAt()) && !other.postedAt().isBefore(from) && test.test(other)) {
                n++;
            }
        }
        return n;
    }

    private static String key(String text) {
        return text.strip();
    }
}
