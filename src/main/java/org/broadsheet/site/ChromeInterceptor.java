package org.broadsheet.site;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;
import org.springframework.web.servlet.view.UrlBasedViewResolver;

/**
 * Adds the site's {@link Chrome} to the model of every page a controller renders, unless the controller (or the
 * newsroom's interceptor) has put a chrome there already.
 *
 * <p>An interceptor rather than a {@code @ModelAttribute} method of a controller advice: for every request Spring
 * builds a fresh handler-method object for each such advice method and reads its annotations again, which cost
 * about a tenth of an uncached article page's CPU time (bench/render.md). Pages that end in an exception get
 * their chrome from {@link ErrorPages}, as before.
 */
public class ChromeInterceptor implements HandlerInterceptor {

    static final String MODEL_NAME = "chrome";

    private final SiteChrome chrome;

    ChromeInterceptor(SiteChrome chrome) {
        this.chrome = chrome;
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView mav) {
        if (rendersPage(mav) && !mav.getModelMap().containsAttribute(MODEL_NAME)) {
            mav.addObject(MODEL_NAME, chrome.current());
        }
    }

    /** Whether the handler's answer is a page to render (not a redirect, nor a body written by the handler). */
    public static boolean rendersPage(ModelAndView mav) {
        if (mav == null || mav.getView() instanceof RedirectView) {
            return false;
        }
        String name = mav.getViewName();
        return name == null || !name.startsWith(UrlBasedViewResolver.REDIRECT_URL_PREFIX);
    }
}
