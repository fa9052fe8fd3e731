package org.broadsheet.account;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;


/** Password hashing, needed by jar commands (restores, imports) as well as by the web sign-in. */
@Configuration(proxyBeanMethods = false)
class PasswordConfig {

    /** bcrypt by default, and any hash a newer encoder writes later still verifies. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
