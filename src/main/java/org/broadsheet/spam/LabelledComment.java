package org.broadsheet.spam;

import java.nio.file.Path;
import java.time.LocalDateTime;

/**
 * One row of a labelled CSV file: the comment's text, who posted it and when (null when the file does not
 * say), and whether people judged it spam.
 */
record LabelledComment(String text, String author, LocalDateTime postedAt, boolean spam, String source) {

    /**
     * The discussion the comment joined, standing in for its article: the name of the file it came from (in the
     * YouTube collection each file holds the comments under one video).
     */
    String article() {
        String file = source.substring(0, Math.max(0, source.lastIndexOf(':')));
        Path name = Path.of(file).getFileName();
        return name == null ? file : name.toString();
    }
}
