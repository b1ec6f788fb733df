package io.accord.gateway.apidocs;

import io.accord.contracts.Roles;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authorization.AuthorizationWebFilter;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tells whether the gateway's own security filter chain lets a caller (anonymous, or a token of one role) through
 * to an operation, by showing it a {@link SampleExchange}: the API document states what is enforced, not a second
 * list. The chain's rules are in-memory checks that answer at once; anything it does not answer at once, or cannot
 * decide, counts as refused.
 */
final class ChainAccess {

    /** Accord's roles, staff first, in the order the API documents list them. */
    static final List<String> ROLES = List.of(Roles.PLATFORM_ADMIN, Roles.PARTNER_MANAGER, Roles.OPS, Roles.FINANCE,
            Roles.AUDITOR, Roles.PARTNER_ADMIN, Roles.PARTNER_USER);

    private static final String SAMPLE_ID = "00000000-0000-4000-8000-000000000000";
    private static final Authentication ANONYMOUS = new AnonymousAuthenticationToken("api-docs", "anonymousUser",
            AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));

    private final ObjectProvider<SecurityWebFilterChain> chains;

    ChainAccess(ObjectProvider<SecurityWebFilterChain> chains) {
        this.chains = chains;
    }

    /** Whether a request without a token to {@code path} (an OpenAPI path template) is let through. */
    boolean isPublic(String method, String path) {
        return grants(method, path, ANONYMOUS);
    }

    /** The roles (of {@link #ROLES}, in that order) whose token is let through to {@code path}. */
    List<String> rolesAdmitted(String method, String path) {
        return ROLES.stream().filter(role -> grants(method, path, token(role))).toList();
    }

    private boolean grants(String method, String path, Authentication caller) {
        try {
            ServerWebExchange exchange = SampleExchange.of(method, path.replaceAll("\\{[^}]+}", SAMPLE_ID));
            return authorizationOf(exchange).map(filter -> passes(filter, exchange, caller)).orElse(false);
        }
        catch (RuntimeException undecidable) {
            return false;
        }
    }

    private static boolean passes(AuthorizationWebFilter filter, ServerWebExchange exchange, Authentication caller) {
        AtomicBoolean passed = new AtomicBoolean();
        CompletableFuture<Void> decided = filter.filter(exchange, next -> Mono.fromRunnable(() -> passed.set(true)))
                .contextWrite(ReactiveSecurityContextHolder.withAuthentication(caller))
                .onErrorResume(AccessDeniedException.class, denied -> Mono.empty())
                .toFuture();
        return decided.isDone() && !decided.isCompletedExceptionally() && passed.get();
    }

    private Optional<AuthorizationWebFilter> authorizationOf(ServerWebExchange exchange) {
        return chains.orderedStream()
                .filter(chain -> Boolean.TRUE.equals(chain.matches(exchange).toFuture().getNow(false)))
                .findFirst()
                .flatMap(chain -> chain.getWebFilters()
                        .filter(AuthorizationWebFilter.class::isInstance)
                        .cast(AuthorizationWebFilter.class)
                        .next().toFuture().getNow(null) instanceof AuthorizationWebFilter filter
                        ? Optional.of(filter) : Optional.empty());
    }

    private static Authentication token(String role) {
        Jwt.Builder jwt = Jwt.withTokenValue("api-docs").header("alg", "none").subject("api-docs")
                .claim("preferred_username", "api-docs");
        if (Roles.PARTNER.contains(role)) {
            jwt.claim(Roles.PARTNER_ID_CLAIM, SAMPLE_ID);
        }
        return new JwtAuthenticationToken(jwt.build(), AuthorityUtils.createAuthorityList("ROLE_" + role));
    }
}
