package org.broadsheet.spam;

import java.time.Duration;

/**
 * A comment as the spam filter sees it, with the facts about its sender that the discussion knows.
 *
 * @param articleLanguage the language of the article it is posted under ("en", "ru", "ja"), or null
 * @param articleUrl      the article's absolute address (Akismet's permalink), or empty
 * @param articleKey      which article's discussion the comment joins, as a key that does not change with its
 *                        address ({@link #keyOf}), or empty when unknown: the learned filter weighs words per article
 * @param timeToSubmit    time from serving the form to posting, or null when unknown
 * @param honeypotFilled  the field hidden from people was filled in (by a bot)
 * @param history         what earlier comments say about the sender; {@link History#NONE} when unknown
 */
public record CommentDraft(String text, String authorName, String authorEmail, String authorUrl, String ip,
                           String userAgent, String referrer, String articleLanguage, String articleUrl,
                           String articleKey, Duration timeToSubmit, boolean honeypotFilled, History history) {

    /** A draft with nothing but its text, as in a labelled CSV file. */
    public static CommentDraft textOnly(String text) {
        return new CommentDraft(text, "", "", "", "", "", "", null, "", "", null, false, History.NONE);
    }

    /** The {@code articleKey} of the article with this id. */
    public static String keyOf(long articleId) {
        return Long.toString(articleId);
    }

    /**
     * @param fromIpLastHour      comments from the same IP address in the last hour
     * @param fromEmailLastHour   comments from the same email address in the last hour
     * @param sameTextLastDay     comments with the same text in the last day
     * @param approvedFromEmail   approved comments from the same email address, ever
     * @param spamFromEmail       comments from the same email address that a moderator marked spam, ever
     */
    public record History(int fromIpLastHour, int fromEmailLastHour, int sameTextLastDay, int approvedFromEmail,
                          int spamFromEmail) {
        public static final History NONE = new History(0, 0, 0, 0, 0);
    }
}
