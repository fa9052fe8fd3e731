package org.broadsheet.cache;

import org.broadsheet.support.BroadsheetProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Puts the page cache in front of everything else: hits are answered by a Tomcat valve before the servlet filter
 * chain exists, misses by a filter ahead of Spring Security and the DispatcherServlet, which renders and stores.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class PageCacheConfig {

    @Bean
    FilterRegistrationBean<PageCacheFilter> pageCacheFilter(PageCache cache, PageCacheProperties properties,
                                                            BroadsheetProperties site) {
        FilterRegistrationBean<PageCacheFilter> registration =
                new FilterRegistrationBean<>(new PageCacheFilter(cache, properties, byHost(site)));
        // First of all: ahead of the character-encoding filter, Spring Session, Spring Security and the
        // DispatcherServlet (and of the metrics filter, should metrics be added back), so that a page stored or a hit found here (not in Tomcat: MockMvc, or a page
        // stored in between) pays for none of them.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.addUrlPatterns("/*");
        registration.setEnabled(properties.enabled());
        registration.setName("pageCache");
        return registration;
    }

    @Bean
    @ConditionalOnClass(TomcatServletWebServerFactory.class)
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> pageCacheValve(PageCache cache,
                                                                            PageCacheProperties properties,
                                                                            BroadsheetProperties site) {
        return factory -> {
            if (properties.enabled()) {
                factory.addContextValves(new PageCacheValve(cache, byHost(site)));
            }
        };
    }

    /** Without a configured address, pages name the one they were asked under: they are kept per host. */
    private static boolean byHost(BroadsheetProperties site) {
        return site.baseUrl().isEmpty();
    }
}
