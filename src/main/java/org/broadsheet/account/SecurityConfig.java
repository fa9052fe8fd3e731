package org.broadsheet.account;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may do what over HTTP. The public site is open to everyone; the newsroom needs a staff account.
 * CSRF protection stays on for every state-changing form.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class SecurityConfig {

    @Bean
    SecurityFilterChain web(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/newsroom/**").hasAnyRole("CONTRIBUTOR", "AUTHOR", "EDITOR", "ADMINISTRATOR")
                        .anyRequest().permitAll())
                .formLogin(form -> form.permitAll())
                .headers(headers -> headers
                        // Public pages carry the page cache's Cache-Control; the newsroom is never shared.
                        .cacheControl(c -> c.disable())
                        .contentTypeOptions(c -> { })
                        .referrerPolicy(r -> r.policy(
                                org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)));
        return http.build();
    }

}
