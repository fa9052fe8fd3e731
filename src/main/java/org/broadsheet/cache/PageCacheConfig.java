package org.broadsheet.cache;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Puts the page cache in front of everything else: ahead of Spring Security and the DispatcherServlet. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class PageCacheConfig {

    @Bean
    FilterRegistrationBean<PageCacheFilter> pageCacheFilter(PageCache cache, PageCacheProperties properties) {
        FilterRegistrationBean<PageCacheFilter> registration =
                new FilterRegistrationBean<>(new PageCacheFilter(cache, properties));
        // First of all: ahead of the metrics observation filter (HIGHEST_PRECEDENCE + 1), Spring Security and
        // the DispatcherServlet, so that a hit pays for none of them.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.addUrlPatterns("/*");
        registration.setEnabled(properties.enabled());
        registration.setName("pageCache");
        return registration;
    }
}
