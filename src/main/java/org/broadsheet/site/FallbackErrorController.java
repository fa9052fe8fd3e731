package org.broadsheet.site;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.broadsheet.support.UploadLimit;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors raised outside the controllers (a malformed URL rejected by the server, a filter's failure) land
 * here and get the same page as the rest of the site, never a stack trace.
 */
@Controller
class FallbackErrorController implements ErrorController {

    private final ErrorPages pages;

    FallbackErrorController(ErrorPages pages) {
        this.pages = pages;
    }

    @RequestMapping("/error")
    ModelAndView error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = HttpStatus.resolve(code instanceof Integer i ? i : 500);
        if (status == null) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable e && UploadLimit.causedTooLarge(e)) {
            // Tomcat refused the form while a filter (the CSRF check) read its first parameter.
            return pages.uploadTooLarge();
        }
        if (causedBy(request.getAttribute(RequestDispatcher.ERROR_EXCEPTION), InvalidParameterException.class)) {
            // A filter asked for the parameters of a request whose query or form Tomcat would not read.
            return pages.unreadableParameters((Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION));
        }
        if (request.getAttribute(RejectedRequests.REASON) instanceof String reason) {
            return pages.page(HttpStatus.BAD_REQUEST, "That request could not be understood", reason);
        }
        return switch (status) {
            case NOT_FOUND -> pages.page(status, "Page not found", "There is nothing at this address.");
            case METHOD_NOT_ALLOWED -> pages.page(status, "Not allowed here",
                    request.getAttribute(RequestDispatcher.ERROR_MESSAGE) instanceof String m && !m.isBlank()
                            ? m : "This address does not accept that kind of request.");
            case FORBIDDEN -> pages.page(status, "Not allowed", "You do not have permission to do that. If you were filling in a form, reload the page and try again.");
            case PAYLOAD_TOO_LARGE -> pages.uploadTooLarge();
            case INTERNAL_SERVER_ERROR -> pages.page(status, "Something went wrong", "The error has been logged. Please try again in a moment.");
            default -> pages.page(status, status.getReasonPhrase(), "The request could not be handled.");
        };
    }

    private static boolean causedBy(Object error, Class<? extends Throwable> type) {
        for (Throwable t = error instanceof Throwable e ? e : null; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
