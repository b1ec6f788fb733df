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
import reactor.core.publisher.Mono;

/** 401 and 403 as problem+json; a 401 also says {@code WWW-Authenticate: Bearer} as RFC 6750 asks. */
final class ProblemDenialHandler implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler {

    private final ProblemResponses problems;

    ProblemDenialHandler(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException failure) {
        String detail = "A valid bearer token is required.";
        String challenge = "Bearer";
        if (failure instanceof OAuth2AuthenticationException invalid) {
            detail = "The bearer token is not valid: " + describe(invalid);
            challenge = "Bearer error=\"invalid_token\"";
        }
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, challenge);
        return problems.write(exchange, ProblemType.UNAUTHORIZED, detail);
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
