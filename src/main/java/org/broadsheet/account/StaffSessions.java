package org.broadsheet.account;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Component;

/**
 * Ends a member of staff's sessions on every node when their account changes under them (role, disabled,
 * new password, author profile): the signed-in principal is a copy made at sign-in, so the safe way to apply
 * a change is to make them sign in again. Sessions are in the database (Spring Session JDBC); jar commands run
 * without a web server and so without sessions, hence the optional repository.
 */
@Component
class StaffSessions {

    private final ObjectProvider<FindByIndexNameSessionRepository<?>> sessions;

    StaffSessions(ObjectProvider<FindByIndexNameSessionRepository<?>> sessions) {
        this.sessions = sessions;
    }

    /** Signs out {@code email} everywhere; returns how many sessions ended. */
    int end(String email) {
        FindByIndexNameSessionRepository<?> repository = sessions.getIfAvailable();
        if (repository == null || email == null) {
            return 0;
        }
        var found = repository.findByPrincipalName(email);
        found.keySet().forEach(repository::deleteById);
        return found.size();
    }
}
