package org.broadsheet.spam;

import java.time.LocalDateTime;

/**
 * One row of a labelled CSV file: the comment's text, who posted it and when (null when the file does not
 * say), and whether people judged it spam.
 */
record LabelledComment(String text, String author, LocalDateTime postedAt, boolean spam, String source) {
}
