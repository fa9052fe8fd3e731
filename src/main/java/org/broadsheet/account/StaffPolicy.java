package org.broadsheet.account;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may do what in the newsroom, modelled on WordPress's roles. Contributors write their own drafts and
 * submit them; authors publish their own work and upload media; editors handle everyone's articles,
 * comments, taxonomy, authors and partners; administrators also manage users and site settings.
 * Every rule is named and gives its reason, and every controller asks here before acting.
 */
@Component
public class StaffPolicy {

    /** The article an action concerns, as far as permissions care. */
    public record Subject(boolean own, boolean draft) {
        /** An action not about one article (uploading, managing tags). */
        public static final Subject NONE = new Subject(true, true);
    }

    /** An answer with the reason a person would be told. */
    public record Decision(boolean allowed, String reason) {
    }

    public Decision decide(Role role, StaffAction action, Subject subject) {
        switch (action) {
            case WRITE_ARTICLE:
            case SUBMIT_FOR_REVIEW:
            case PREVIEW_ARTICLE:
            case WRITE_EDITORIAL_NOTE:
                return ownOrEditor(role, subject, "Only the article's own writers and the editors may do this.");
            case EDIT_ARTICLE:
                if (role.atLeast(Role.EDITOR)) {
                    return yes();
                }
                if (!subject.own()) {
                    return no("You may edit only your own articles.");
                }
                if (role == Role.CONTRIBUTOR && !subject.draft()) {
                    return no("A contributor may change an article only while it is a draft; ask an editor.");
                }
                return yes();
            case PUBLISH_ARTICLE:
                if (role == Role.CONTRIBUTOR) {
                    return no("Contributors cannot publish: submit the article for review and an editor will publish it.");
                }
                return ownOrEditor(role, subject, "Authors may publish only their own articles.");
            case UPLOAD_MEDIA:
            case EDIT_MEDIA:
                return atLeast(role, Role.AUTHOR, "Contributors cannot upload media; ask an author or editor.");
            case DELETE_MEDIA:
            case MODERATE_COMMENTS:
            case MANAGE_SECTIONS_AND_TAGS:
            case MANAGE_AUTHORS:
            case MANAGE_PARTNERS:
                return atLeast(role, Role.EDITOR, "Only editors may do this.");
            case MANAGE_USERS:
            case MANAGE_SETTINGS:
                return atLeast(role, Role.ADMINISTRATOR, "Only administrators may do this.");
            default:
                return no("Not allowed.");
        }
    }

    public boolean allows(StaffUser user, StaffAction action, Subject subject) {
        return user != null && decide(user.role(), action, subject).allowed();
    }

    public boolean allows(StaffUser user, StaffAction action) {
        return allows(user, action, Subject.NONE);
    }

    /** Throws (answered with a 403 page that gives the reason) unless the action is allowed. */
    public void require(StaffUser user, StaffAction action, Subject subject) {
        if (user == null) {
            throw new AccessDeniedException("Please sign in.");
        }
        Decision d = decide(user.role(), action, subject);
        if (!d.allowed()) {
            throw new AccessDeniedException(d.reason());
        }
    }

    public void require(StaffUser user, StaffAction action) {
        require(user, action, Subject.NONE);
    }

    private static Decision ownOrEditor(Role role, Subject subject, String reason) {
        return subject.own() || role.atLeast(Role.EDITOR) ? yes() : no(reason);
    }

    private static Decision atLeast(Role role, Role needed, String reason) {
        return role.atLeast(needed) ? yes() : no(reason);
    }

    private static Decision yes() {
        return new Decision(true, "");
    }

    private static Decision no(String reason) {
        return new Decision(false, reason);
    }
}
