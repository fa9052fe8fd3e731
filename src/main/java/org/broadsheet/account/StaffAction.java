package org.broadsheet.account;

/** Everything the newsroom lets someone do, each checked on the server by {@link StaffPolicy}. */
public enum StaffAction {
    /** Start a new article. */
    WRITE_ARTICLE,
    /** Change an article's text and fields. */
    EDIT_ARTICLE,
    /** Send a draft to the editors. */
    SUBMIT_FOR_REVIEW,
    /** Publish, schedule, unpublish or archive. */
    PUBLISH_ARTICLE,
    /** Read and write the editorial notes of an article the user may see. */
    WRITE_EDITORIAL_NOTE,
    /** Preview an unpublished article and hand out a secret preview link. */
    PREVIEW_ARTICLE,
    UPLOAD_MEDIA,
    EDIT_MEDIA,
    DELETE_MEDIA,
    MODERATE_COMMENTS,
    MANAGE_SECTIONS_AND_TAGS,
    MANAGE_AUTHORS,
    MANAGE_PARTNERS,
    MANAGE_USERS,
    MANAGE_SETTINGS
}
