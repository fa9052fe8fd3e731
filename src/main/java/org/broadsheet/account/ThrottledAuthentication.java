package org.broadsheet.account;

import java.time.Duration;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Password sign-in behind {@link SignInThrottle}: a throttled attempt is refused before the password is
 * checked, and every failure, whatever its cause, is reported with the same generic message.
 */
class ThrottledAuthentication implements AuthenticationProvider {

    static final String GENERIC_FAILURE = "The email address or password is not right.";

    private final DaoAuthenticationProvider passwords;
    private final SignInThrottle throttle;

    ThrottledAuthentication(DaoAuthenticationProvider passwords, SignInThrottle throttle) {
        this.passwords = passwords;
        this.throttle = throttle;
    }

    /** Refused because of too many failures; carries how long to wait. */
    static class Throttled extends AuthenticationException {
        private final Duration wait;

        Throttled(Duration wait) {
            super("Too many failed attempts");
            this.wait = wait;
        }

        Duration getWait() {
            return wait;
        }
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String email = authentication.getName();
        String address = authentication.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : "";
        Duration wait = throttle.waitFor(email, address);
        if (!wait.isZero()) {
            throw new Throttled(wait);
        }
        try {
            Authentication result = passwords.authenticate(authentication);
            throttle.succeeded(email);
            return result;
        } catch (AuthenticationException e) {
            throttle.failed(email, address);
            throw new BadCredentialsException(GENERIC_FAILURE);
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
