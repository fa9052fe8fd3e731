package org.broadsheet.site;

import java.time.Duration;

import org.broadsheet.media.MediaStorage;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.VersionResourceResolver;

/**
 * The page chrome on every rendered page ({@link ChromeInterceptor}), and static files. The stylesheet and scripts under {@code /assets/} are addressed by a hash of their content
 * ({@code /assets/site-3f2a….css}), so browsers and CDNs may keep them forever; media files under
 * {@code /media/} are cached for a day. Assets go as brotli or gzip to readers that accept it. These are the only
 * static files: Spring Boot's catch-all {@code /**} mapping is off ({@code spring.web.resources.add-mappings}),
 * and class-path files are looked up only by the names that exist ({@link ListedClasspathFiles}), so an unknown
 * address never becomes a class-path or servlet-context lookup that the JDK or Tomcat would remember.
 */
@Configuration(proxyBeanMethods = false)
class WebConfig implements WebMvcConfigurer {

    private final MediaStorage storage;
    private final SiteChrome chrome;

    WebConfig(MediaStorage storage, SiteChrome chrome) {
        this.storage = storage;
        this.chrome = chrome;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new ChromeInterceptor(chrome));
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/assets/**")
                .addResourceLocations("classpath:/static/assets/")
                .setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
                .resourceChain(true)
                .addResolver(new CompressedAssets())
                .addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"))
                .addResolver(new ListedClasspathFiles("static/assets/"));
        registry.addResourceHandler("/webjars/**")
                .addResourceLocations("classpath:/META-INF/resources/webjars/")
                .resourceChain(false)
                .addResolver(new ListedClasspathFiles("META-INF/resources/webjars/"));
        registry.addResourceHandler(MediaStorage.URL_PREFIX + "**")
                .addResourceLocations(storage.root().toUri().toString() + "/")
                .setCacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePublic());
    }
}
