package org.broadsheet.spam;

/**
 * What one check thinks of a comment.
 *
 * @param score  points towards spam (positive) or towards a real comment (negative); 0 is no opinion
 * @param reason a sentence a moderator can read, empty when the check has nothing to say
 * @param failed the check could not run (error, timeout): the comment must wait for a person
 */
public record SpamSignal(String check, double score, String reason, boolean failed) {

    public static SpamSignal neutral(String check) {
        return new SpamSignal(check, 0, "", false);
    }

    public static SpamSignal of(String check, double score, String reason) {
        return new SpamSignal(check, score, reason, false);
    }

    public static SpamSignal failure(String check, String reason) {
        return new SpamSignal(check, 0, reason, true);
    }

    public boolean hasOpinion() {
        return failed || score != 0;
    }
}
