package io.accord.portal.security;

import java.io.IOException;

import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import io.accord.portal.problem.ProblemAnswer;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * "Stay signed in" of the session timeout warning ({@code /js/portal.js}, docs/portal.md, "Session timeout
 * warning"): a cheap authenticated call that restarts the session's idle time (any request does) and refreshes the
 * access token when it has expired, so that Keycloak's session, whose idle time equals the portal's, is kept too. It
 * answers the seconds the session now lasts without activity; a session whose tokens Keycloak no longer refreshes
 * (its session ended, e.g. after its maximum lifespan) is ended here too and answered 401, so the page says the user
 * was signed out; a Keycloak that does not answer is a 503, the session kept.
 */
@RestController
class SessionExtension {

    static final String PATH = "/session/extension";

    private final OAuth2AuthorizedClientManager clients;

    SessionExtension(OAuth2AuthorizedClientManager clients) {
        this.clients = clients;
    }

    @PostMapping(value = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    void extend(Authentication user, HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpSession session = request.getSession(false);
        try {
            clients.authorize(OAuth2AuthorizeRequest.withClientRegistrationId(PortalClient.REGISTRATION_ID)
                    .principal(user)
                    .attribute(HttpServletRequest.class.getName(), request)
                    .attribute(HttpServletResponse.class.getName(), response)
                    .build());
        } catch (OAuth2AuthorizationException refused) {
            if ("invalid_token_response".equals(refused.getError().getErrorCode())) {
                // Keycloak did not answer (in time): as for a page, the session keeps its tokens for the next try
                ProblemAnswer.write(request, response, HttpServletResponse.SC_SERVICE_UNAVAILABLE,
                        "The session could not be extended just now: the login service did not answer.");
                return;
            }
            // no token to refresh, or Keycloak refused the refresh token: nothing the session can do any more
            if (session != null) {
                session.invalidate();
            }
            SecurityContextHolder.clearContext();
            ProblemAnswer.write(request, response, HttpServletResponse.SC_UNAUTHORIZED,
                    "The session has ended; log in again.");
            return;
        }
        int seconds = session == null ? 0 : session.getMaxInactiveInterval();
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write("{\"timeoutSeconds\":" + seconds + "}");
    }
}
