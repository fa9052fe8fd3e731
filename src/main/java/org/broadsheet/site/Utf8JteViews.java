package org.broadsheet.site;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.view.AbstractUrlBasedView;

import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import gg.jte.springframework.boot.autoconfigure.JteProperties;
import gg.jte.springframework.boot.autoconfigure.JteView;
import gg.jte.springframework.boot.autoconfigure.JteViewResolver;

/**
 * Renders jte pages into UTF-8 bytes instead of through the response's character writer. The templates are
 * compiled with their fixed text already encoded ({@code binaryStaticContent} in the build), so most of a page
 * is copied, not encoded, on every request; the response then gets one write with its Content-Length. A
 * template that fails half-way has written nothing, so the error page is not glued to half a page.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class Utf8JteViews {

    /** Takes the place of the jte starter's resolver (it backs off when one exists). */
    @Bean
    JteViewResolver jteViewResolver(TemplateEngine engine, JteProperties properties) {
        return new JteViewResolver(engine, properties) {
            @Override
            protected AbstractUrlBasedView instantiateView() {
                return new Utf8View(engine);
            }
        };
    }

    static final class Utf8View extends JteView {

        private final TemplateEngine engine;

        Utf8View(TemplateEngine engine) {
            super(engine);
            this.engine = engine;
        }

        @Override
        protected void renderMergedTemplateModel(Map<String, Object> model, HttpServletRequest request,
                                                 HttpServletResponse response) throws Exception {
            // The output keeps one piece per write (a few hundred for an article); joined, they go out at once.
            Utf8ByteOutput output = new Utf8ByteOutput(512);
            engine.render(getUrl(), model, output);
            byte[] page = output.toByteArray();
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.setContentLength(page.length);
            response.getOutputStream().write(page);
        }
    }
}
