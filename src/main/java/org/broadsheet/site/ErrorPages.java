package org.broadsheet.site;

import org.broadsheet.support.BadRequestException;
import org.broadsheet.support.NotFoundException;
import org.broadsheet.support.UploadLimit;
import java.nio.charset.CharacterCodingException;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.apache.tomcat.util.res.StringManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns failures into pages a reader can act on: 404 with a way onward, 400 saying what to fix. Nothing
 * a reader types yields a stack trace; unexpected errors are logged and answered with a plain 500 page.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ErrorPages {

    private static final Logger log = LoggerFactory.getLogger(ErrorPages.class);

    private final SiteChrome chrome;
    private final SiteSettings settings;
    private final UploadLimit uploadLimit;

    private final String formLimit;
    private final int maxParameters;
    /** Tomcat's message (in the server's language) when a request has more parameters than it takes. */
    private final String tooManyParameters;

    ErrorPages(SiteChrome chrome, SiteSettings settings, UploadLimit uploadLimit,
               @Value("${server.tomcat.max-http-form-post-size:2MB}") DataSize formLimit,
               @Value("${server.tomcat.max-parameter-count:1000}") int maxParameters) {
        this.chrome = chrome;
        this.settings = settings;
        this.uploadLimit = uploadLimit;
        this.formLimit = UploadLimit.readable(formLimit);
        this.maxParameters = maxParameters;
        this.tooManyParameters = StringManager.getManager("org.apache.tomcat.util.http")
                .getString("parameters.maxCountFail", Integer.valueOf(maxParameters));
    }

    @ExceptionHandler(NotFoundException.class)
    ModelAndView notFound(NotFoundException e) {
        return page(HttpStatus.NOT_FOUND, "Page not found", e.getMessage());
    }

    @ExceptionHandler(org.broadsheet.support.GoneException.class)
    ModelAndView gone(org.broadsheet.support.GoneException e) {
        return page(HttpStatus.GONE, "No longer available", e.getMessage());
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ModelAndView noResource(NoResourceFoundException e) {
        return page(HttpStatus.NOT_FOUND, "Page not found", "There is nothing at this address.");
    }

    @ExceptionHandler(BadRequestException.class)
    ModelAndView badRequest(BadRequestException e) {
        return page(HttpStatus.BAD_REQUEST, "That request could not be understood", e.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView typeMismatch(MethodArgumentTypeMismatchException e) {
        return page(HttpStatus.BAD_REQUEST, "That request could not be understood",
                "The value given for \"" + e.getName() + "\" is not valid here.");
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ModelAndView missingParameter(MissingServletRequestParameterException e) {
        return page(HttpStatus.BAD_REQUEST, "That request could not be understood",
                "The request needs a value for \"" + e.getParameterName() + "\".");
    }

    /** A query string or form that Tomcat refuses to read: the page says which of its limits or rules it broke. */
    @ExceptionHandler(InvalidParameterException.class)
    ModelAndView undecodableParameters(InvalidParameterException e) {
        return unreadableParameters(e);
    }

    /**
     * A multipart body that cannot be parsed (no boundary, cut short) or is over the upload limit, sent to a public
     * address (the newsroom answers its own with its own pages, and hands the public site's to this).
     */
    @ExceptionHandler(MultipartException.class)
    public ModelAndView unreadableMultipart(MultipartException e) {
        return UploadLimit.causedTooLarge(e) ? uploadTooLarge() : page(HttpStatus.BAD_REQUEST, "That request could not be understood",
                "The form sent could not be read: it did not arrive complete. Please go back and send it again.");
    }

    /** 413: an upload over the server's limit, which the page states. */
    ModelAndView uploadTooLarge() {
        return page(HttpStatus.PAYLOAD_TOO_LARGE, "Too large", uploadLimit.refusal());
    }

    /**
     * Why Tomcat could not read the parameters: the form was over {@code server.tomcat.max-http-form-post-size}
     * (its 413), had more than {@code server.tomcat.max-parameter-count} fields, held bytes that are not UTF-8,
     * or a broken %-escape. Nothing of such a form can be read, so it cannot be shown back.
     */
    ModelAndView unreadableParameters(Throwable error) {
        if (UploadLimit.causedTooLarge(error)) {
            return uploadTooLarge();
        }
        String unreadable = "The address or the form sent could not be read: ";
        for (Throwable t = error; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof InvalidParameterException p && p.getErrorCode() == HttpStatus.PAYLOAD_TOO_LARGE.value()) {
                return page(HttpStatus.PAYLOAD_TOO_LARGE, "Too large", "The form sent was larger than this site accepts ("
                        + formLimit + " at most), so none of it could be read. Please shorten what you wrote and send it again.");
            }
            if (t instanceof InvalidParameterException && tooManyParameters.equals(t.getMessage())) {
                return page(HttpStatus.BAD_REQUEST, "That request could not be understood", "The form sent has more fields "
                        + "than this site accepts (" + maxParameters + " at most), so none of it could be read.");
            }
            if (t instanceof CharacterCodingException) {
                return page(HttpStatus.BAD_REQUEST, "That request could not be understood", unreadable
                        + "it contains bytes that are not UTF-8 text. Please send it again from a page of this site.");
            }
        }
        return undecodableParameters();
    }

    ModelAndView undecodableParameters() {
        return page(HttpStatus.BAD_REQUEST, "That request could not be understood",
                "The address or the form sent could not be read: every % must be followed by two hexadecimal digits "
                        + "(a % itself is written %25), and text must be UTF-8.");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ModelAndView methodNotAllowed(HttpRequestMethodNotSupportedException e) {
        return page(HttpStatus.METHOD_NOT_ALLOWED, "Not allowed here", "This address does not accept " + e.getMethod() + " requests.");
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ModelAndView notAcceptable(HttpMediaTypeNotAcceptableException e) {
        return page(HttpStatus.NOT_ACCEPTABLE, "Not available in that format", "This page is available as HTML.");
    }

    /** Anything unforeseen: logged with its stack trace for the operator, a plain page for the reader. */
    @ExceptionHandler(Exception.class)
    ModelAndView unexpected(Exception e) {
        log.error("Unexpected error", e);
        return page(HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong",
                "The error has been logged. Please try again in a moment.");
    }

    ModelAndView page(HttpStatus status, String heading, String message) {
        SiteSettings.Settings s = settings.current();
        ModelAndView mav = new ModelAndView("site/error");
        mav.setStatus(status);
        mav.addObject("chrome", chrome.build(s));
        mav.addObject("error", new ErrorPage(status.value(), heading, message));
        mav.addObject("head", PageHead.simple(heading + " — " + s.title(), message, "", s.language()).withNoindex());
        return mav;
    }
}
