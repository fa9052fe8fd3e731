package org.broadsheet.account;

import java.util.List;

/** The administrator's list of staff accounts, with the invitation form. */
public record UsersPage(List<Row> users, List<Role> roles, long selfId, String notice, String error) {

    /** One account; {@code pending} while an invitation has not been accepted. */
    public record Row(long id, String email, String name, Role role, boolean enabled, boolean pending) {
    }
}
