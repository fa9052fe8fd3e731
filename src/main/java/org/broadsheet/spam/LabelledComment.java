package org.broadsheet.spam;

/** One row of a labelled CSV file: the comment's text and whether people judged it spam. */
record LabelledComment(String text, String author, boolean spam, String source) {
}
