package org.broadsheet.newsroom;

import jakarta.servlet.http.HttpServletRequest;

import org.broadsheet.account.StaffUser;
import org.broadsheet.site.ErrorPages;
import org.broadsheet.support.UploadLimit;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Refusals inside the newsroom: a role that may not do something gets a 403 page naming the rule, an
 * upload over the size limit a 413 page; both keep the newsroom's menu. Upload failures at a public address
 * get the public site's pages.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class NewsroomErrors {

    private final NewsroomChromeBuilder chrome;
    private final UploadLimit uploadLimit;

    private final ErrorPages sitePages;

    NewsroomErrors(NewsroomChromeBuilder chrome, UploadLimit uploadLimit, ErrorPages sitePages) {
        this.chrome = chrome;
        this.uploadLimit = uploadLimit;
        this.sitePages = sitePages;
    }

    @ExceptionHandler(AccessDeniedException.class)
    ModelAndView refused(AccessDeniedException e, HttpServletRequest request) {
        return page(request, HttpStatus.FORBIDDEN, "Not allowed", e.getMessage());
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ModelAndView tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
        if (!inNewsroom(request)) {
            return sitePages.unreadableMultipart(e);
        }
        // The server's limit, for any upload (an import's included); the media library refuses images over its
        // own, smaller limit itself, with its own message.
        return page(request, HttpStatus.PAYLOAD_TOO_LARGE, "File too large", uploadLimit.refusal());
    }

    @ExceptionHandler(MultipartException.class)
    ModelAndView badUpload(MultipartException e, HttpServletRequest request) {
        if (!inNewsroom(request)) {
            // The body is parsed before any controller is chosen, so this advice sees a broken multipart body sent
            // to a reader's address too (a comment form, say): the reader gets the public site's page, not the
            // newsroom's with its sign-in link.
            return sitePages.unreadableMultipart(e);
        }
        return page(request, HttpStatus.BAD_REQUEST, "Upload failed", "The upload did not arrive complete. Please try again.");
    }

    private static boolean inNewsroom(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/newsroom") || path.startsWith("/newsroom/");
    }

    ModelAndView page(HttpServletRequest request, HttpStatus status, String heading, String reason) {
        StaffUser user = NewsroomChromeBuilder.currentUser();
        ModelAndView mav = new ModelAndView(user == null ? "newsroom/refused-plain" : "newsroom/refused");
        mav.setStatus(status);
        if (user != null) {
            mav.addObject("chrome", chrome.build(request, user));
        }
        mav.addObject("page", new RefusedPage(status.value(), heading, reason == null || reason.isBlank() ? "You may not do that." : reason));
        return mav;
    }
}
