package org.broadsheet.account;

import java.util.List;

/** The administrator's list of staff accounts, with the invitation form. */
public record UsersPage(List<Row> users, List<Role> roles, List<AuthorChoice> authors, long selfId, String notice,
                        String error) {

    /**
     * One account; {@code pending} while an invitation has not been accepted; {@code authorId} the profile
     * whose byline makes articles this person's own ("" for none).
     */
    public record Row(long id, String email, String name, Role role, boolean enabled, boolean pending, String authorId) {
    }

    /** An author profile an account may write as. */
    public record AuthorChoice(String id, String name) {
    }
}
