package org.broadsheet.comment;

import org.broadsheet.account.StaffUser;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The signed-in staff member a comment form is for, as the form names them. Their comments are posted as their
 * account, so the form asks them for no name or email. Pages with such a form are never kept in the page cache
 * (answers to staff are not stored), so the name reaches no reader.
 */
final class StaffPoster {

    private StaffPoster() {
    }

    /** The display name of the signed-in staff member, or null for a reader. */
    static String currentName() {
        Authentication auth = signedIn();
        if (auth == null) {
            return null;
        }
        return auth.getPrincipal() instanceof StaffUser staff && !staff.displayName().isBlank() ? staff.displayName() : auth.getName();
    }

    /** The signed-in staff member's email (their account's name), or null for a reader. */
    static String currentEmail() {
        Authentication auth = signedIn();
        return auth == null ? null : auth.getName();
    }

    private static Authentication signedIn() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken ? null : auth;
    }
}
