package org.broadsheet.site;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

/**
 * Adds the site's {@link Chrome} to the model of every page a controller renders, unless the controller (or the
 * newsroom's interceptor) has put a chrome there already.
 *
 * <p>An interceptor rather than a {@code @ModelAttribute} method of a controller advice: for every request Spring
 * builds a fresh handler-method object for each such advice method and reads its annotations again, which cost
 * about a tenth of an uncached article page's CPU time (bench/render.md). Pages that end in an exception get
 * their chrome from {@link ErrorPages}, as before.
 */
class ChromeInterceptor implements HandlerInterceptor {

    static final String MODEL_NAME = "chrome";

    private final SiteChrome chrome;

    ChromeInterceptor(SiteChrome chrome) {
        this.chrome = chrome;
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView mav) {
        if (mav != null && !mav.getModelMap().containsAttribute(MODEL_NAME)) {
            mav.addObject(MODEL_NAME, chrome.current());
        }
    }
}
