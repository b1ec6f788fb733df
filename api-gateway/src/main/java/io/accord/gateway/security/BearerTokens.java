package io.accord.gateway.security;

import io.accord.contracts.security.RequestChecks;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Takes the bearer token from the {@code Authorization} header with the same rules as Spring Security's
 * {@code ServerBearerTokenAuthenticationConverter} ({@code Bearer <b64token>}, RFC 6750 §2.1: a header not starting
 * with "bearer" carries no token, one that does but is malformed is an invalid token), checked by a loop
 * ({@link RequestChecks#bearerToken}, shared with the services) instead of a regular expression: on the gateway's
 * hot path, matching the ~1.5 KB token against the pattern cost about 8 % of its CPU per request (JFR,
 * {@code ./accord bench gateway}). Tokens in query parameters or form bodies are not accepted, as with Spring's
 * defaults.
 */
final class BearerTokens implements ServerAuthenticationConverter {

    @Override
    public Mono<Authentication> convert(ServerWebExchange exchange) {
        return Mono.fromCallable(() -> token(exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION)))
                .map(BearerTokenAuthenticationToken::new);
    }

    /** The token of an {@code Authorization} header, null when it names another scheme (or is absent). */
    static String token(String authorization) {
        try {
            return RequestChecks.bearerToken(authorization);
        } catch (RequestChecks.MalformedBearerToken malformed) {
            throw malformed();
        }
    }

    private static OAuth2AuthenticationException malformed() {
        return new OAuth2AuthenticationException(BearerTokenErrors.invalidToken(RequestChecks.MalformedBearerToken.DESCRIPTION));
    }
}
