package io.accord.portal.layout;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import io.accord.portal.security.PortalPage;
import io.accord.portal.security.PortalUser;
import jakarta.servlet.http.HttpServletResponse;

/** The start page is the first page the user's roles work on: the dashboard for partners, a work queue for staff. */
@Controller
class HomeController {

    @GetMapping("/")
    String home(@AuthenticationPrincipal OidcUser user, Model model, HttpServletResponse response) {
        return PortalPage.startFor(PortalUser.of(user))
                .map(page -> "redirect:" + page.path())
                .orElseGet(() -> {
                    // logged in, but with no Accord role: say so rather than show empty pages
                    response.setStatus(HttpStatus.FORBIDDEN.value());
                    model.addAttribute("status", HttpStatus.FORBIDDEN.value());
                    model.addAttribute("messageKey", "error.noRole");
                    return "problem";
                });
    }
}
