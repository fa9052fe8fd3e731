package org.broadsheet.account;

import org.broadsheet.support.Rows;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/**
 * Staff accounts from {@code app_user}. An account without a password (imported, or invited and not yet
 * accepted) cannot sign in. There is no built-in default account.
 */
@Service
class StaffUserDetailsService implements UserDetailsService {

    private final JdbcClient jdbc;

    StaffUserDetailsService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Row(String email, String passwordHash, String role, boolean enabled) {
    }

    @Override
    public UserDetails loadUserByUsername(String email) {
        Row row = jdbc.sql("SELECT email, password_hash, role, enabled FROM app_user WHERE LOWER(email) = LOWER(:email)")
                .param("email", email == null ? "" : email.trim())
                .query(Rows.of(Row.class)).optional()
                .filter(r -> r.passwordHash() != null)
                .orElseThrow(() -> new UsernameNotFoundException("No such account"));
        return User.withUsername(row.email())
                .password(row.passwordHash())
                .disabled(!row.enabled())
                .authorities(List.of(new SimpleGrantedAuthority("ROLE_" + row.role())))
                .build();
    }
}
