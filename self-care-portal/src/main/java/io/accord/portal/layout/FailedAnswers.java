package io.accord.portal.layout;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

/**
 * A page answered with a 4xx or 5xx status (a form shown again with its errors, a refused filter) says so first in
 * its title ("Error: New quote · Accord"), which is what a screen reader announces when the page loads (WCAG 3.3.1).
 */
final class FailedAnswers implements HandlerInterceptor {

    /** The model attribute the layout reads. */
    static final String FAILED = "failedAnswer";
    private static final String ERROR_PAGE = "problem";

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
                           ModelAndView page) {
        // the error page (problem.html) is titled with its status already ("Page not found")
        if (page != null && !ERROR_PAGE.equals(page.getViewName())
                && response.getStatus() >= HttpServletResponse.SC_BAD_REQUEST) {
            page.addObject(FAILED, true);
        }
    }
}
