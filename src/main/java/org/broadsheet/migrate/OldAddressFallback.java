package org.broadsheet.migrate;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * An imported site's other old addresses ({@code /about/}, {@code /archives/123}): the handler of last resort,
 * asked only when no page, asset or media file answers. An old address gets a 301 to where its article now
 * lives, anything else the 404 page. It stands where Spring Boot's catch-all static-file mapping stood (now off,
 * see application.properties), so pages Broadsheet serves never pay for the lookup and an unknown address
 * is one indexed query, never a class-path lookup that the JDK would remember.
 */
@Configuration(proxyBeanMethods = false)
class OldAddressFallback {

    @Bean
    SimpleUrlHandlerMapping oldAddresses(Redirects redirects) throws NoSuchMethodException {
        // A handler method rather than a plain HttpRequestHandler, so that the site's @ControllerAdvice answers
        // its "not found" with the 404 page, as it does for every controller.
        HandlerMethod answer = new HandlerMethod(new OldAddresses(redirects),
                OldAddresses.class.getMethod("answer", HttpServletRequest.class, HttpServletResponse.class));
        SimpleUrlHandlerMapping mapping = new SimpleUrlHandlerMapping(Map.of("/**", answer));
        // After every other mapping, static files (Ordered.LOWEST_PRECEDENCE - 1) included.
        mapping.setOrder(Ordered.LOWEST_PRECEDENCE);
        return mapping;
    }

    record OldAddresses(Redirects redirects) {

        public void answer(HttpServletRequest request, HttpServletResponse response) throws NoResourceFoundException {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            String target = "GET".equals(request.getMethod()) && !path.startsWith("/newsroom/") ? target(request, path) : null;
            if (target == null) {
                throw new NoResourceFoundException(HttpMethod.valueOf(request.getMethod()), path, path);
            }
            response.setStatus(HttpStatus.MOVED_PERMANENTLY.value());
            response.setHeader("Location", target);
        }

        private String target(HttpServletRequest request, String path) {
            String query = request.getQueryString();
            String decoded = URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
            return redirects.target(query == null ? decoded : decoded + "?" + query)
                    .or(() -> query == null ? Optional.empty() : redirects.target(decoded))
                    .orElse(null);
        }
    }
}
