package io.accord.portal.layout;

import java.util.List;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatusCode;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

import io.accord.portal.problem.ProblemAnswer;
import io.accord.portal.security.PortalUser;
import jakarta.servlet.http.HttpServletRequest;

/**
 * An error as the client wants it: the error page with the layout (user, navigation) for a browser, problem+json
 * for a client that prefers JSON ({@link ProblemAnswer#prefersJson}), its {@code detail} the page's message in the
 * user's language when there is no more specific one. A service's own {@code detail} (English, naming its ids and
 * states: "Statement 17195267-… not found") is shown to staff only, below the page's message; partners and applicants
 * get the page's message per status in their language ({@link #showsServiceDetail}).
 */
@Component
class ErrorAnswers {

    private final NavigationAdvice layout;
    private final MessageSource messages;

    ErrorAnswers(NavigationAdvice layout, MessageSource messages) {
        this.layout = layout;
        this.messages = messages;
    }

    ModelAndView answer(HttpServletRequest request, HttpStatusCode status, String messageKey, String serviceDetail) {
        String detail = showsServiceDetail() ? serviceDetail : null;
        if (ProblemAnswer.prefersJson(request)) {
            String text = detail != null ? detail
                    : messages.getMessage(messageKey, null, messageKey, LocaleContextHolder.getLocale());
            ModelAndView problem = new ModelAndView(ProblemAnswer.view(text, List.of()));
            problem.setStatus(status);
            return problem;
        }
        ModelAndView page = new ModelAndView("problem", status);
        page.addObject("status", status.value());
        page.addObject("messageKey", messageKey);
        page.addObject("detail", detail);
        layout.addTo(page, request);
        return page;
    }

    /** Staff (a user with an Accord role who is not a partner's) read the service's message to trace what failed. */
    private static boolean showsServiceDetail() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof OidcUser oidc)) {
            return false;
        }
        PortalUser user = PortalUser.of(oidc);
        return !user.roles().isEmpty() && !user.isPartner();
    }
}
