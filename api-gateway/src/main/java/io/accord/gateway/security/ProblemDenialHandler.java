package io.accord.gateway.security;

import io.accord.gateway.problem.ProblemResponses;
import io.accord.gateway.problem.ProblemType;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import reactor.core.publisher.Mono;

import java.util.Map;

/** 401 and 403 as problem+json; a 401 also says {@code WWW-Authenticate: Bearer} as RFC 6750 asks. */
final class ProblemDenialHandler implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler {

    private final ProblemResponses problems;
    private final JwtProperties jwt;
    private final ServerWebExchangeMatcher applicationTracking;

    ProblemDenialHandler(ProblemResponses problems, JwtProperties jwt, ServerWebExchangeMatcher applicationTracking) {
        this.problems = problems;
        this.jwt = jwt;
        this.applicationTracking = applicationTracking;
    }

    /**
     * 401 saying how to get a token (token endpoint and client). An applicant's own application is followed with
     * its tracking secret, not a token: without either, the answer asks for the secret.
     */
    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException failure) {
        boolean withToken = exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION);
        if (!withToken) {
            return applicationTracking.matches(exchange).flatMap(match -> match.isMatch()
                    ? problems.write(exchange, ProblemType.UNAUTHORIZED, "This application needs its tracking "
                            + "secret in " + SecurityConfiguration.APPLICATION_TRACKING_HEADER
                            + " (the trackingSecret of the answer that created it).",
                            Map.of("header", SecurityConfiguration.APPLICATION_TRACKING_HEADER))
                    : unauthorized(exchange, failure));
        }
        return unauthorized(exchange, failure);
    }

    private Mono<Void> unauthorized(ServerWebExchange exchange, AuthenticationException failure) {
        String detail = "A valid bearer token is required.";
        String challenge = "Bearer";
        if (failure instanceof OAuth2AuthenticationException invalid) {
            detail = "The bearer token is not valid: " + describe(invalid);
            challenge = "Bearer error=\"invalid_token\"";
        }
        if (!detail.endsWith(".")) {
            detail += "."; // "...: Missing dot delimiter(s) Get one from" ran the sentences together
        }
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, challenge);
        return problems.write(exchange, ProblemType.UNAUTHORIZED, detail + " Get one from " + jwt.tokenEndpoint()
                + " (OAuth2, client_id=" + jwt.tokenClient() + ", e.g. grant_type=password with your user) and send "
                + "it as 'Authorization: Bearer <token>'.",
                Map.of("tokenEndpoint", jwt.tokenEndpoint(), "clientId", jwt.tokenClient()));
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        return problems.write(exchange, ProblemType.FORBIDDEN,
                "Your roles do not allow " + exchange.getRequest().getMethod() + " "
                        + exchange.getRequest().getPath().value() + ".");
    }

    private static String describe(OAuth2AuthenticationException invalid) {
        String description = invalid.getError().getDescription();
        return description != null ? description : invalid.getError().getErrorCode();
    }
}
