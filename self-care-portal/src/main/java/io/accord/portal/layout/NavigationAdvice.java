package io.accord.portal.layout;

import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import io.accord.portal.security.PortalPage;
import io.accord.portal.security.PortalUser;

/** What every page's layout shows: the user and the navigation its roles open. */
@ControllerAdvice
class NavigationAdvice {

    @ModelAttribute("user")
    PortalUser user(@AuthenticationPrincipal OidcUser user) {
        return user == null ? null : PortalUser.of(user);
    }

    /** The page's path, for the navigation's {@code aria-current}. */
    @ModelAttribute("currentPath")
    String currentPath(jakarta.servlet.http.HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    /** Links to the other pages of the page's list, keeping its filters. */
    @ModelAttribute("pageLinks")
    PageLinks pageLinks(jakarta.servlet.http.HttpServletRequest request) {
        return new PageLinks(request.getRequestURI(), request.getQueryString());
    }

    @ModelAttribute("navigation")
    List<PortalPage> navigation(@AuthenticationPrincipal OidcUser user) {
        return user == null ? List.of() : PortalPage.openTo(PortalUser.of(user));
    }
}
