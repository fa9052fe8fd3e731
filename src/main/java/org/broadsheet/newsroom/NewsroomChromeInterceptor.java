package org.broadsheet.newsroom;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.broadsheet.account.StaffUser;
import org.broadsheet.site.ChromeInterceptor;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Gives every page under {@code /newsroom/} that a signed-in member of staff sees the newsroom's chrome, whichever
 * feature's controller serves it. It replaces the public site's chrome under the same model name, so it does not
 * matter which of the two interceptors runs first. Signed-out visitors of the newsroom (the sign-in page) keep
 * the public chrome.
 */
@Configuration(proxyBeanMethods = false)
class NewsroomChromeInterceptor implements HandlerInterceptor, WebMvcConfigurer {

    private final NewsroomChromeBuilder chrome;

    NewsroomChromeInterceptor(NewsroomChromeBuilder chrome) {
        this.chrome = chrome;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/newsroom/**");
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView mav) {
        StaffUser user = NewsroomChromeBuilder.currentUser();
        if (user != null && ChromeInterceptor.rendersPage(mav)) {
            mav.addObject("chrome", chrome.build(request, user));
        }
    }
}
