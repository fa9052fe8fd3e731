package org.broadsheet.account;

import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * Staff accounts from {@code app_user}. An account without a password (imported, or invited and not yet
 * accepted) cannot sign in. There is no built-in default account. Not a bean of its own: sign-in goes only
 * through {@link ThrottledAuthentication}, which SecurityConfig builds around it.
 */
class StaffUserDetailsService implements UserDetailsService {

    private final AccountRepository repository;

    StaffUserDetailsService(AccountRepository repository) {
        this.repository = repository;
    }

    @Override
    public StaffUser loadUserByUsername(String email) {
        return repository.byEmail(AccountService.normalise(email))
                .filter(r -> r.passwordHash() != null)
                .map(AccountService::toUser)
                .orElseThrow(() -> new UsernameNotFoundException("No such account"));
    }
}
