package org.broadsheet.article;

/** Where an article is in its life: only PUBLISHED articles are shown to readers. */
public enum ArticleStatus {
    DRAFT, IN_REVIEW, SCHEDULED, PUBLISHED, ARCHIVED
}
