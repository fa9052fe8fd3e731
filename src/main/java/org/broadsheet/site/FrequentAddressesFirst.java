package org.broadsheet.site;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Spring MVC's request mapping, trying the {@link FrequentAddress} mappings first. Otherwise an article address,
 * being a pattern and not a fixed path, is matched against every one of the application's ~130 mappings on
 * every request (about 5% of an uncached article page's CPU time). Everything else — the other mappings,
 * interceptors, CORS, content negotiation — is Spring Boot's usual set-up of the same class.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class FrequentAddressesFirst {

    @Bean
    WebMvcRegistrations frequentAddressesFirstRegistrations() {
        return new WebMvcRegistrations() {
            @Override
            public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
                return new Mapping();
            }
        };
    }

    static final class Mapping extends RequestMappingHandlerMapping {

        private record Frequent(RequestMappingInfo info, HandlerMethod handler) {
        }

        private volatile List<Frequent> frequent = List.of();

        @Override
        public void afterPropertiesSet() {
            super.afterPropertiesSet();
            frequent = getHandlerMethods().entrySet().stream()
                    .filter(e -> e.getValue().hasMethodAnnotation(FrequentAddress.class))
                    .map(e -> new Frequent(e.getKey(), e.getValue()))
                    .toList();
        }

        @Override
        protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
            // Reads only: a CORS pre-flight or another method goes the usual way, with its 405 and Allow header.
            String method = request.getMethod();
            if ("GET".equals(method) || "HEAD".equals(method)) {
                for (Frequent candidate : frequent) {
                    RequestMappingInfo match = getMatchingMapping(candidate.info(), request);
                    if (match != null) {
                        // What the general lookup does with its best match.
                        request.setAttribute(BEST_MATCHING_HANDLER_ATTRIBUTE, candidate.handler());
                        handleMatch(match, lookupPath, request);
                        return candidate.handler();
                    }
                }
            }
            return super.lookupHandlerMethod(lookupPath, request);
        }
    }
}
