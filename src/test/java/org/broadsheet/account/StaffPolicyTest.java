package org.broadsheet.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Walks every role × action × (own / someone else's) × (draft / not) and compares with the intended table. */
class StaffPolicyTest {

    private final StaffPolicy policy = new StaffPolicy();

    /** Actions each role may take on its own drafts (or with no article involved). */
    private static final Map<Role, Set<StaffAction>> OWN_DRAFT = new EnumMap<>(Map.of(
            Role.CONTRIBUTOR, Set.of(StaffAction.WRITE_ARTICLE, StaffAction.EDIT_ARTICLE, StaffAction.SUBMIT_FOR_REVIEW,
                    StaffAction.WRITE_EDITORIAL_NOTE, StaffAction.PREVIEW_ARTICLE),
            Role.AUTHOR, Set.of(StaffAction.WRITE_ARTICLE, StaffAction.EDIT_ARTICLE, StaffAction.SUBMIT_FOR_REVIEW,
                    StaffAction.WRITE_EDITORIAL_NOTE, StaffAction.PREVIEW_ARTICLE, StaffAction.PUBLISH_ARTICLE,
                    StaffAction.UPLOAD_MEDIA, StaffAction.EDIT_MEDIA),
            Role.EDITOR, Set.of(StaffAction.WRITE_ARTICLE, StaffAction.EDIT_ARTICLE, StaffAction.SUBMIT_FOR_REVIEW,
                    StaffAction.WRITE_EDITORIAL_NOTE, StaffAction.PREVIEW_ARTICLE, StaffAction.PUBLISH_ARTICLE,
                    StaffAction.UPLOAD_MEDIA, StaffAction.EDIT_MEDIA, StaffAction.DELETE_MEDIA,
                    StaffAction.MODERATE_COMMENTS, StaffAction.MANAGE_SECTIONS_AND_TAGS, StaffAction.MANAGE_AUTHORS,
                    StaffAction.MANAGE_PARTNERS),
            Role.ADMINISTRATOR, Set.of(StaffAction.values())));

    /** Article actions that reach someone else's article. */
    private static final Set<StaffAction> ARTICLE_ACTIONS = Set.of(StaffAction.WRITE_ARTICLE, StaffAction.EDIT_ARTICLE,
            StaffAction.SUBMIT_FOR_REVIEW, StaffAction.WRITE_EDITORIAL_NOTE, StaffAction.PREVIEW_ARTICLE,
            StaffAction.PUBLISH_ARTICLE);

    @Test
    void everyRoleMayDoExactlyWhatItsRowOfTheTableSays() {
        int checked = 0;
        for (Role role : Role.values()) {
            for (StaffAction action : StaffAction.values()) {
                for (boolean own : new boolean[] {true, false}) {
                    for (boolean draft : new boolean[] {true, false}) {
                        boolean expected = expected(role, action, own, draft);
                        StaffPolicy.Decision d = policy.decide(role, action, new StaffPolicy.Subject(own, draft));
                        assertThat(d.allowed()).as("%s %s own=%s draft=%s", role, action, own, draft).isEqualTo(expected);
                        if (!expected) {
                            assertThat(d.reason()).as("reason for refusing %s %s", role, action).isNotBlank();
                        }
                        checked++;
                    }
                }
            }
        }
        assertThat(checked).isEqualTo(Role.values().length * StaffAction.values().length * 4);
    }

    private static boolean expected(Role role, StaffAction action, boolean own, boolean draft) {
        boolean base = OWN_DRAFT.get(role).contains(action);
        if (!ARTICLE_ACTIONS.contains(action)) {
            return base;
        }
        if (!own && !role.atLeast(Role.EDITOR)) {
            return false;
        }
        if (role == Role.CONTRIBUTOR && action == StaffAction.EDIT_ARTICLE && !draft) {
            return false;
        }
        return base;
    }

    @Test
    void contributorIsToldToSubmitInsteadOfPublishing() {
        assertThat(policy.decide(Role.CONTRIBUTOR, StaffAction.PUBLISH_ARTICLE, StaffPolicy.Subject.NONE).reason())
                .contains("submit the article for review");
    }

    @Test
    void throttleDelaysDoubleAfterTheFreeAttemptsUpToACap() {
        assertThat(SignInThrottle.delayAfter(4, 5)).isZero();
        assertThat(SignInThrottle.delayAfter(5, 5)).isEqualTo(SignInThrottle.FIRST_DELAY);
        assertThat(SignInThrottle.delayAfter(6, 5)).isEqualTo(SignInThrottle.FIRST_DELAY.multipliedBy(2));
        assertThat(SignInThrottle.delayAfter(60, 5)).isEqualTo(SignInThrottle.LONGEST_DELAY);
    }
}
