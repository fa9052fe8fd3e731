package org.broadsheet.support;

import org.springframework.boot.autoconfigure.condition.ConditionalOnNotWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/**
 * Jar commands run without the web server, yet the beans of the web features are still created. The one
 * web bean several of them need, the resolver of fingerprinted asset addresses, gets an inert stand-in here
 * (it resolves nothing; no page is rendered by a command).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnNotWebApplication
class CommandContextConfig {

    @Bean
    ResourceUrlProvider resourceUrlProvider() {
        return new ResourceUrlProvider();
    }
}
