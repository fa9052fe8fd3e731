package org.broadsheet.account;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may do what over HTTP. The public site is open to everyone; the newsroom needs a staff account.
 * CSRF protection stays on for every state-changing form.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    /** Only when serving the site: jar commands run without the web server and have no HttpSecurity. */
    @Bean
    @ConditionalOnWebApplication
    SecurityFilterChain web(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/newsroom/**").hasAnyRole("CONTRIBUTOR", "AUTHOR", "EDITOR", "ADMINISTRATOR")
                        .anyRequest().permitAll())
                .formLogin(form -> form.permitAll())
                .headers(headers -> headers
                        .contentTypeOptions(c -> { })
                        .referrerPolicy(r -> r.policy(
                                org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)));
        return http.build();
    }

    /** bcrypt by default, and any hash a newer encoder writes later still verifies. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
