package org.broadsheet.account;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.broadsheet.support.RequestCookies;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may do what over HTTP. The public site is open to everyone; the newsroom needs a staff account,
 * signed in at {@code /newsroom/sign-in} and out with a POST to {@code /newsroom/sign-out}. What each role
 * may do inside the newsroom is {@link StaffPolicy}'s job. CSRF protection stays on for every
 * state-changing form.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class SecurityConfig {

    static final String SIGN_IN = "/newsroom/sign-in";

    /** Cookies that may carry a signed-in session (the servlet container's, and Spring Session's). */

    /** Addresses that need a staff account: never "anonymous reads", whatever the request looks like. */
    private static final RequestMatcher STAFF_ONLY = new OrRequestMatcher(
            PathPatternRequestMatcher.withDefaults().matcher("/newsroom/**"),
            PathPatternRequestMatcher.withDefaults().matcher("/preview/**"));

    /**
     * Readers' GET and HEAD requests for public pages, without a session cookie. Such a request cannot be
     * signed in (sign-in is a POST, and there is no remember-me), may open every public page, and changes
     * nothing, so the main chain's work — session and security-context handling, CSRF token, saved request,
     * anonymous token, authorisation — would decide nothing for it. Only the security headers are written.
     * This is most of the traffic, and with the page cache off it is what rendering speed is made of.
     */
    @Bean
    @Order(1)
    SecurityFilterChain anonymousReads(HttpSecurity http) throws Exception {
        http.securityMatcher(SecurityConfig::anonymousRead)
                .csrf(c -> c.disable())
                .sessionManagement(c -> c.disable())
                .securityContext(c -> c.disable())
                .requestCache(c -> c.disable())
                .anonymous(c -> c.disable())
                .servletApi(c -> c.disable())
                .logout(c -> c.disable())
                .exceptionHandling(c -> c.disable());
        securityHeaders(http);
        return http.build();
    }

    static boolean anonymousRead(HttpServletRequest request) {
        String method = request.getMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method) || STAFF_ONLY.matches(request)) {
            return false;
        }
        return !RequestCookies.anyNamed(request, RequestCookies.SESSION);
    }

    /**
     * The build leaves Micrometer's metrics out (pom.xml); should a site add them back, Spring Security would
     * otherwise time every filter of every request as an observation.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    @Order(2)
    SecurityFilterChain web(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers(SIGN_IN, "/newsroom/set-up", "/newsroom/forgot-password",
                                "/newsroom/reset-password", "/newsroom/invitation", "/newsroom/form-expired").permitAll()
                        .requestMatchers("/preview/article/**").hasAnyRole("CONTRIBUTOR", "AUTHOR", "EDITOR", "ADMINISTRATOR")
                        .requestMatchers("/newsroom/comments/**").hasAnyRole("EDITOR", "ADMINISTRATOR")
                        .requestMatchers("/newsroom/**").hasAnyRole("CONTRIBUTOR", "AUTHOR", "EDITOR", "ADMINISTRATOR")
                        .anyRequest().permitAll())
                .formLogin(form -> form
                        .loginPage(SIGN_IN)
                        .loginProcessingUrl(SIGN_IN)
                        .usernameParameter("email")
                        .passwordParameter("password")
                        .defaultSuccessUrl("/newsroom/", false)
                        .failureHandler(signInFailure())
                        .permitAll())
                .logout(logout -> logout
                        .logoutUrl("/newsroom/sign-out")
                        .logoutSuccessUrl(SIGN_IN + "?signed-out=1"))
                // A new session id at sign-in: a session id planted before sign-in is worthless after it.
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                // The discussion's comment form is posted by readers without a session; it carries its own
                // signed, expiring form token, checked by the comment feature instead of the session CSRF token.
                .csrf(csrf -> csrf.ignoringRequestMatchers(
                        PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/*/*/*/*/comments")))
                .exceptionHandling(e -> e.accessDeniedHandler(accessDenied()));
        securityHeaders(http);
        return http.build();
    }

    private static void securityHeaders(HttpSecurity http) throws Exception {
        http.headers(headers -> headers
                // Public pages carry the page cache's Cache-Control; the newsroom is marked private by it.
                .cacheControl(c -> c.disable())
                .contentTypeOptions(c -> { })
                .referrerPolicy(r -> r.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)));
    }

    /** The one way to sign in: password, behind the throttle. */
    @Bean
    AuthenticationManager authenticationManager(AccountRepository accounts, PasswordEncoder encoder,
                                                SignInThrottle throttle) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(new StaffUserDetailsService(accounts));
        passwords.setPasswordEncoder(encoder);
        return new ProviderManager(new ThrottledAuthentication(passwords, throttle));
    }

    private static AuthenticationFailureHandler signInFailure() {
        return (HttpServletRequest request, HttpServletResponse response, AuthenticationException e) -> {
            String query = e instanceof ThrottledAuthentication.Throttled t
                    ? "?wait=" + Math.max(1, t.getWait().toSeconds()) : "?error=1";
            response.sendRedirect(request.getContextPath() + SIGN_IN + query);
        };
    }

    /**
     * A form without a valid CSRF token (missing, or the session that issued it has expired) gets a page
     * that says so; a fetch from the editor gets a bare 403 so that its script keeps the text and says so.
     * PUT, PATCH and DELETE reach the CSRF check before any handler could refuse them, but no address of the site
     * takes them (no form can send them): they get a 405 naming the method, not "the form has expired".
     */
    private static AccessDeniedHandler accessDenied() {
        AccessDeniedHandlerImpl plain = new AccessDeniedHandlerImpl();
        return (request, response, e) -> {
            boolean script = "fetch".equals(request.getHeader("X-Requested-By")) || request.getHeader("HX-Request") != null;
            if (e instanceof CsrfException && !HttpMethod.POST.matches(request.getMethod())) {
                response.setHeader(HttpHeaders.ALLOW, "GET, HEAD, POST");
                // The error page shows this sentence (an error dispatch no longer knows the method).
                response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED,
                        "This address does not accept " + request.getMethod() + " requests.");
                return;
            }
            if (e instanceof CsrfException && !script) {
                forwardToExpired(request, response);
                return;
            }
            plain.handle(request, response, e);
        };
    }

    private static void forwardToExpired(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        try {
            request.getRequestDispatcher("/newsroom/form-expired").forward(request, response);
        } catch (jakarta.servlet.ServletException ex) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
        }
    }
}
