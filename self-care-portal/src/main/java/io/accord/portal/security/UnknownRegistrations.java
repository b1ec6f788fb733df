package io.accord.portal.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;

/**
 * {@code GET /oauth2/authorization/<id>} for an id the portal has no client registration of (e.g.
 * {@code /oauth2/authorization/self-care-portal}, the client's id, not its registration's) is a 404, the portal's own
 * error page; Spring Security answered every failure to start a login with a 500. Any other failure stays a 500.
 */
final class UnknownRegistrations implements ObjectPostProcessor<OAuth2AuthorizationRequestRedirectFilter> {

    @Override
    public <O extends OAuth2AuthorizationRequestRedirectFilter> O postProcess(O filter) {
        filter.setAuthenticationFailureHandler(UnknownRegistrations::answer);
        return filter;
    }

    private static void answer(HttpServletRequest request, HttpServletResponse response,
                               AuthenticationException failure) throws IOException {
        // the authorization request resolver refuses an unknown registration id with an IllegalArgumentException
        boolean unknown = failure.getCause() instanceof IllegalArgumentException;
        response.sendError(unknown ? HttpServletResponse.SC_NOT_FOUND : HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
    }
}
