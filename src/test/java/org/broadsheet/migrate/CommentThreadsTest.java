package org.broadsheet.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class CommentThreadsTest {

    private static List<ImportStore.NewComment> comments(String... idAndParent) {
        List<ImportStore.NewComment> out = new ArrayList<>();
        for (String pair : idAndParent) {
            String[] p = pair.split(">", -1);
            out.add(new ImportStore.NewComment(new ImportStore.CommentRow(1, null, "A", "a@example.org", null, null,
                    "Text", "APPROVED", OffsetDateTime.parse("2024-03-06T10:00:00Z")), p[0], p[1]));
        }
        return out;
    }

    @Test
    void aRunEndsWhereTheNextCommentAnswersOneOfTheSameRun() {
        // 1, 2 answers 1, 3, 4 answers 2, 5 answers 3
        CommentThreads threads = new CommentThreads(comments("1>0", "2>1", "3>0", "4>2", "5>3"));
        assertThat(threads.runEnds()).containsExactly(1, 3, 5);
        assertThat(threads.parentOf(1)).isEqualTo(0);
        assertThat(threads.parentOf(3)).isEqualTo(1);
        assertThat(threads.parentOf(4)).isEqualTo(2);
        assertThat(threads.answersLater()).isEmpty();
    }

    @Test
    void commentsWithoutRepliesInTheBatchAreOneRun() {
        CommentThreads threads = new CommentThreads(comments("1>0", "2>", "3>0"));
        assertThat(threads.runEnds()).containsExactly(3);
        assertThat(new CommentThreads(List.of()).runEnds()).isEmpty();
    }

    @Test
    void aReplyBeforeItsParentIsLinkedAfterwards() {
        CommentThreads threads = new CommentThreads(comments("2>1", "1>0"));
        assertThat(threads.runEnds()).containsExactly(2);
        assertThat(threads.answersLater()).containsExactly(0);
        assertThat(threads.parentOf(0)).isEqualTo(1);
    }

    @Test
    void missingParentsSelfRepliesAndLoopsGoToTheTopLevel() {
        CommentThreads threads = new CommentThreads(comments("1>9", "2>2", "3>4", "4>3"));
        assertThat(threads.unanswerable()).containsExactly(0, 1);
        assertThat(threads.loops()).hasSize(1);
        int cut = threads.loops().get(0);
        assertThat(threads.parentOf(cut)).isEqualTo(-1);
        // The other comment of the loop still answers the one that was cut.
        assertThat(threads.parentOf(cut == 2 ? 3 : 2)).isEqualTo(cut);
    }

    @Test
    void aParentKnownBeforeTheBatchIsNotLookedForInIt() {
        List<ImportStore.NewComment> list = comments("1>0", "2>1");
        ImportStore.CommentRow r = list.get(1).row();
        list.set(1, new ImportStore.NewComment(new ImportStore.CommentRow(1, 77L, r.authorName(), r.authorEmail(), null, null,
                r.body(), r.status(), r.createdAt()), "2", "1"));
        CommentThreads threads = new CommentThreads(list);
        assertThat(threads.parentOf(1)).isEqualTo(-1);
        assertThat(threads.runEnds()).containsExactly(2);
    }

    @Test
    void aDeepThreadNeedsNoRecursion() {
        String[] chain = new String[50_000];
        for (int i = 0; i < chain.length; i++) {
            chain[i] = (chain.length - i) + ">" + (chain.length - i - 1);
        }
        // Listed from the deepest reply up: every comment answers a later one.
        CommentThreads threads = new CommentThreads(comments(chain));
        assertThat(threads.answersLater()).hasSize(chain.length - 1);
        assertThat(threads.loops()).isEmpty();
    }
}
