package org.broadsheet.site;

import java.util.concurrent.atomic.AtomicBoolean;

import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import gg.jte.springframework.boot.autoconfigure.JteProperties;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.apache.tomcat.util.ExceptionUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.ModelAndView;

/**
 * Requests that Tomcat refuses before the application sees them (an address with {@code %00}, an encoded slash or
 * backslash, bytes that are not UTF-8; headers over the size limit) get the site's error page, not Tomcat's bare
 * "HTTP Status 400" page. Tomcat reports these errors through its host's error report valve; this one renders
 * {@code site/error} instead, and falls back to Tomcat's page if that fails (the database down, say).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@ConditionalOnClass(TomcatServletWebServerFactory.class)
class ServerErrorPages {

    static final String UNREADABLE = "The address or the request's headers could not be read. The address may contain "
            + "something this site does not accept (%00, an encoded slash or backslash such as %2F or %5C, or bytes "
            + "that are not UTF-8), or the request's headers or cookies may be too large. Check the address and try again.";

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> siteErrorReportValve(ObjectProvider<ErrorPages> pages,
                                                                                 ObjectProvider<TemplateEngine> templates,
                                                                                 ObjectProvider<JteProperties> jte) {
        // Replaced when the application's context starts: by then the host has its error report valve (Spring Boot's
        // or Tomcat's default), whichever customizer ran first.
        return factory -> factory.addContextCustomizers(context -> context.addLifecycleListener(event -> {
            if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
                Pipeline host = context.getParent().getPipeline();
                for (Valve valve : host.getValves()) {
                    if (valve instanceof ErrorReportValve && !(valve instanceof SiteErrorReportValve)) {
                        host.removeValve(valve);
                    }
                }
                host.addValve(new SiteErrorReportValve(pages, templates, jte));
            }
        }));
    }

    static final class SiteErrorReportValve extends ErrorReportValve {

        private static final Logger log = LoggerFactory.getLogger(SiteErrorReportValve.class);

        private final ObjectProvider<ErrorPages> pages;
        private final ObjectProvider<TemplateEngine> templates;
        private final ObjectProvider<JteProperties> jte;

        SiteErrorReportValve(ObjectProvider<ErrorPages> pages, ObjectProvider<TemplateEngine> templates,
                             ObjectProvider<JteProperties> jte) {
            this.pages = pages;
            this.templates = templates;
            this.jte = jte;
            setShowReport(false);
            setShowServerInfo(false);
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0) {
                return;
            }
            byte[] page;
            try {
                page = render(status);
            } catch (Throwable t) {
                ExceptionUtils.handleThrowable(t);
                log.warn("Could not render the error page for status {}; Tomcat's own is shown", status, t);
                super.report(request, response, throwable);
                return;
            }
            AtomicBoolean ioAllowed = new AtomicBoolean(true);
            response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
            if (!ioAllowed.get() || !response.setErrorReported()) {
                return;
            }
            try {
                response.setContentType("text/html");
                response.setCharacterEncoding("UTF-8");
                response.setContentLength(page.length);
                response.getOutputStream().write(page);
                response.finishResponse();
            } catch (Throwable t) {
                ExceptionUtils.handleThrowable(t);
            }
        }

        private byte[] render(int status) {
            HttpStatus known = HttpStatus.resolve(status);
            ErrorPages errorPages = pages.getObject();
            ModelAndView mav = status == 400 || known == null
                    ? errorPages.page(HttpStatus.BAD_REQUEST, "That request could not be understood", UNREADABLE)
                    : errorPages.page(known, known.getReasonPhrase(), "The request could not be handled.");
            Utf8ByteOutput output = new Utf8ByteOutput(4096);
            templates.getObject().render(mav.getViewName() + jte.getObject().getTemplateSuffix(), mav.getModel(), output);
            return output.toByteArray();
        }
    }
}
