package io.accord.portal.security;

import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.access.AccessDeniedHandler;

import jakarta.servlet.http.HttpServletResponse;

/**
 * How every security filter chain of the portal refuses a request (a page the user's roles do not open, a form
 * without its CSRF token): 403 through the servlet container's error page, the reason kept as the request attribute
 * {@link WebAttributes#ACCESS_DENIED_403}, so the error page can say that a form came without its token rather than
 * that the user may not see the page. Spring Security's default handler keeps the reason only when it forwards.
 */
public final class Refusals {

    private Refusals() {
    }

    public static AccessDeniedHandler handler() {
        return (request, response, denied) -> {
            if (response.isCommitted()) {
                return;
            }
            request.setAttribute(WebAttributes.ACCESS_DENIED_403, denied);
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
        };
    }
}
