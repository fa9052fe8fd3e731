package org.broadsheet.comment;

import java.time.Duration;
import java.util.List;

/**
 * A comment that cannot be posted as sent; nothing was stored. The form is shown again with the reader's text
 * and these problems.
 *
 * @param status     400 for something to fix, 429 when over the posting rate, 403 when comments are closed
 * @param retryAfter for 429: how long until posting is possible again
 */
class CommentRejected extends RuntimeException {

    final int status;
    final List<String> problems;
    final Duration retryAfter;

    CommentRejected(int status, List<String> problems, Duration retryAfter) {
        super(String.join(" ", problems));
        this.status = status;
        this.problems = problems;
        this.retryAfter = retryAfter;
    }

    CommentRejected(int status, String problem) {
        this(status, List.of(problem), null);
    }
}
