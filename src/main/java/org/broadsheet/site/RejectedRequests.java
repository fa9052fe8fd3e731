package org.broadsheet.site;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.web.firewall.RequestRejectedException;

/**
 * Requests that Spring Security's firewall refuses before any controller sees them (a doubled or encoded slash, a
 * {@code ..} segment, a backslash, an unknown HTTP method) get a 400 page saying what was wrong, instead of a bare
 * "Bad Request".
 */
@Configuration(proxyBeanMethods = false)
class RejectedRequests {

    /** Set on a refused request: the sentence its error page shows. */
    static final String REASON = RejectedRequests.class.getName() + ".reason";

    static final String ADDRESS = "The address contains something this site does not accept: a doubled slash, an encoded "
            + "slash, dot, percent sign or backslash (%2F, %2E, %25, %5C), a semicolon or a control character. Check the "
            + "address and try again.";

    @Bean
    WebSecurityCustomizer rejectedRequestPages() {
        return web -> web.requestRejectedHandler(RejectedRequests::refuse);
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, RequestRejectedException e)
            throws IOException {
        boolean method = e.getMessage() != null && e.getMessage().contains("HTTP method");
        request.setAttribute(REASON, method
                ? "This site does not accept " + request.getMethod() + " requests; use GET, or POST for forms."
                : ADDRESS);
        response.sendError(HttpServletResponse.SC_BAD_REQUEST);
    }
}
