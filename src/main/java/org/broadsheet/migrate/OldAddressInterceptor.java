package org.broadsheet.migrate;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;

/**
 * An imported site's other old addresses ({@code /about/}, {@code /archives/123}): a request that no page
 * of Broadsheet answers falls through to the static-file handler, which would say 404; before it does,
 * this looks the path up among the redirects and answers 301 when it is an old address. Pages Broadsheet
 * serves never pay for the lookup.
 */
@Configuration(proxyBeanMethods = false)
class OldAddressInterceptor implements WebMvcConfigurer, HandlerInterceptor {

    private final Redirects redirects;

    OldAddressInterceptor(Redirects redirects) {
        this.redirects = redirects;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).excludePathPatterns("/assets/**", "/media/**", "/newsroom/**", "/error");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof ResourceHttpRequestHandler) || !"GET".equals(request.getMethod())) {
            return true;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String query = request.getQueryString();
        String decoded = java.net.URLDecoder.decode(path.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
        String target = redirects.target(query == null ? decoded : decoded + "?" + query)
                .or(() -> query == null ? java.util.Optional.empty() : redirects.target(decoded))
                .orElse(null);
        if (target == null) {
            return true;
        }
        response.setStatus(HttpStatus.MOVED_PERMANENTLY.value());
        response.setHeader("Location", target);
        return false;
    }
}
