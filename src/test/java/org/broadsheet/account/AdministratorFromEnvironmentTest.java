package org.broadsheet.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.crypto.password.PasswordEncoder;

/** BROADSHEET_ADMIN_EMAIL / BROADSHEET_ADMIN_PASSWORD (here as properties) create the administrator at start. */
@SpringBootTest(properties = {"broadsheet.admin.email=Boss@Example.org", "broadsheet.admin.password=from the environment"})
class AdministratorFromEnvironmentTest {

    @Autowired
    AccountService accounts;
    @Autowired
    PasswordEncoder encoder;

    @Test
    void administratorExistsWithABcryptHash() {
        StaffUser boss = accounts.byEmail("boss@example.org").orElseThrow();
        assertThat(boss.role()).isEqualTo(Role.ADMINISTRATOR);
        assertThat(boss.getPassword()).startsWith("{bcrypt}");
        assertThat(encoder.matches("from the environment", boss.getPassword())).isTrue();
    }
}
