package org.broadsheet.support;

import java.util.Set;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

/** Questions about the cookies a request carries, asked on every read before any session is looked up. */
public final class RequestCookies {

    /** The names of the session cookie: the servlet container's and Spring Session's. */
    public static final Set<String> SESSION = Set.of("JSESSIONID", "SESSION");

    private RequestCookies() {
    }

    /** Whether the request carries a cookie with one of these names (whatever its value). */
    public static boolean anyNamed(HttpServletRequest request, Set<String> names) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (names.contains(cookie.getName())) {
                    return true;
                }
            }
        }
        return false;
    }
}
