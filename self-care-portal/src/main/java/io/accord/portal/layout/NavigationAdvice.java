package io.accord.portal.layout;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.ModelAndView;

import io.accord.portal.security.PortalPage;
import io.accord.portal.security.PortalUser;

/** What every page's layout shows: the user (with its partner's name) and the navigation its roles open. */
@ControllerAdvice
class NavigationAdvice {

    @ModelAttribute("user")
    PortalUser user(@AuthenticationPrincipal OidcUser user) {
        return user == null ? null : PortalUser.of(user);
    }

    /** The page's path, for the navigation's {@code aria-current}. */
    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    /** Links to the other pages of the page's list, keeping its filters. */
    @ModelAttribute("pageLinks")
    PageLinks pageLinks(HttpServletRequest request) {
        return new PageLinks(request.getRequestURI(), request.getQueryString());
    }

    /** The header's partner: its name as read at login ({@link PartnerNameAtLogin}), else its id shortened. */
    @ModelAttribute("partnerName")
    String partnerName(@AuthenticationPrincipal OidcUser user, HttpServletRequest request) {
        String partnerId = user == null ? null : PortalUser.of(user).partnerId();
        if (partnerId == null) {
            return null;
        }
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(PartnerNameAtLogin.ATTRIBUTE) instanceof String name ? name
                : Display.shortId(partnerId);
    }

    /**
     * The seconds the logged-in user's session lasts without a request, for the session timeout warning
     * ({@code /js/portal.js}); {@code null} for anybody else (an applicant, a page before the login).
     */
    @ModelAttribute("sessionTimeout")
    Integer sessionTimeout(@AuthenticationPrincipal OidcUser user, HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return user == null || session == null || session.getMaxInactiveInterval() <= 0 ? null
                : session.getMaxInactiveInterval();
    }

    @ModelAttribute("navigation")
    List<PortalPage> navigation(@AuthenticationPrincipal OidcUser user) {
        return user == null ? List.of() : PortalPage.openTo(PortalUser.of(user));
    }

    /**
     * The names of the pages the user may open ({@link PortalPage}), e.g. {@code STATEMENTS}: a page links a
     * statement's number to its page only for whom that page opens (template {@code statementlink.html}).
     */
    @ModelAttribute("openPages")
    Set<String> openPages(@AuthenticationPrincipal OidcUser user) {
        return navigation(user).stream().map(PortalPage::name).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * The same for a page an exception handler renders: its model gets none of the attributes above, so the
     * layout would show neither the user nor the navigation.
     */
    void addTo(ModelAndView page, HttpServletRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        OidcUser user = authentication != null && authentication.getPrincipal() instanceof OidcUser oidc ? oidc : null;
        page.addObject("user", user(user));
        page.addObject("currentPath", currentPath(request));
        page.addObject("pageLinks", pageLinks(request));
        page.addObject("navigation", navigation(user));
        page.addObject("openPages", openPages(user));
        page.addObject("partnerName", partnerName(user, request));
        page.addObject("sessionTimeout", sessionTimeout(user, request));
    }
}
