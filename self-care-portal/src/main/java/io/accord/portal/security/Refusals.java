package io.accord.portal.security;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.access.AccessDeniedHandler;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * How every security filter chain of the portal refuses a request (a page the user's roles do not open, a form
 * without its CSRF token): 403 through the servlet container's error page, the reason kept as the request attribute
 * {@link WebAttributes#ACCESS_DENIED_403}, so the error page can say that a form came without its token rather than
 * that the user may not see the page. Spring Security's default handler keeps the reason only when it forwards.
 * One exception: staff who type or bookmark the partners' start page ({@code /dashboard}) are sent to their own.
 */
public final class Refusals {

    private Refusals() {
    }

    public static AccessDeniedHandler handler() {
        return (request, response, denied) -> {
            if (response.isCommitted()) {
                return;
            }
            if (isStaffOnThePartnersStartPage(request, denied)) {
                // typed or bookmarked by staff: their own start page rather than a refusal
                response.sendRedirect(request.getContextPath() + "/");
                return;
            }
            request.setAttribute(WebAttributes.ACCESS_DENIED_403, denied);
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
        };
    }

    /** A logged-in user whose roles do not open the dashboard (staff) asks for it, as a page (not a form). */
    private static boolean isStaffOnThePartnersStartPage(HttpServletRequest request, Exception denied) {
        return "GET".equals(request.getMethod()) && !(denied instanceof CsrfException)
                && PortalPage.DASHBOARD.path().equals(request.getRequestURI().substring(request.getContextPath().length()))
                && SecurityContextHolder.getContext().getAuthentication() instanceof OAuth2AuthenticationToken;
    }
}
