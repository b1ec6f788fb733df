package io.accord.platform.apidocs;

import io.accord.contracts.Roles;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.FilterInvocation;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Tells which operations an anonymous caller may reach, and which roles a token needs for the others, by asking
 * the service's own security filter chain (its {@code permitAll} and role rules) rather than a second list that
 * could drift from it. Anything it cannot decide counts as protected (not granted).
 */
class PublicOperations {

    private static final String SAMPLE_ID = "00000000-0000-4000-8000-000000000000";
    private static final Authentication ANONYMOUS = new AnonymousAuthenticationToken("api-docs", "anonymousUser",
            AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));

    /** Accord's roles, staff first, in the order the API docs list them. */
    static final List<String> ROLES = List.of(Roles.PLATFORM_ADMIN, Roles.PARTNER_MANAGER, Roles.OPS, Roles.FINANCE,
            Roles.AUDITOR, Roles.PARTNER_ADMIN, Roles.PARTNER_USER);

    private final ObjectProvider<SecurityFilterChain> chains;

    PublicOperations(ObjectProvider<SecurityFilterChain> chains) {
        this.chains = chains;
    }

    /** Whether a request without a token to {@code path} (an OpenAPI path template) is authorized. */
    boolean isPublic(String method, String path) {
        return grants(method, path, ANONYMOUS);
    }

    /**
     * The roles (of {@link #ROLES}, in that order) whose token the chain lets through to {@code path}; a partner
     * role's token carries a partner id. The service may check more (a partner's own data) once there.
     */
    List<String> rolesAdmitted(String method, String path) {
        return ROLES.stream().filter(role -> grants(method, path, token(role))).toList();
    }

    private boolean grants(String method, String path, Authentication caller) {
        try {
            HttpServletRequest request = sampleRequest(method, path.replaceAll("\\{[^}]+}", SAMPLE_ID));
            return authorizationOf(request)
                    .map(manager -> manager.authorize(() -> caller, request))
                    .map(AuthorizationResult::isGranted)
                    .orElse(false);
        }
        catch (RuntimeException undecidable) {
            return false;
        }
    }

    private static Authentication token(String role) {
        Jwt.Builder jwt = Jwt.withTokenValue("api-docs").header("alg", "none").subject("api-docs")
                .claim("preferred_username", "api-docs");
        if (Roles.PARTNER.contains(role)) {
            jwt.claim(Roles.PARTNER_ID_CLAIM, SAMPLE_ID);
        }
        return new JwtAuthenticationToken(jwt.build(), AuthorityUtils.createAuthorityList("ROLE_" + role));
    }

    private Optional<AuthorizationManager<HttpServletRequest>> authorizationOf(HttpServletRequest request) {
        return chains.orderedStream()
                .filter(chain -> chain.matches(request))
                .findFirst()
                .flatMap(chain -> chain.getFilters().stream()
                        .filter(AuthorizationFilter.class::isInstance)
                        .map(filter -> ((AuthorizationFilter) filter).getAuthorizationManager())
                        .findFirst());
    }

    private static HttpServletRequest sampleRequest(String method, String path) {
        HttpServletRequest dummy = new FilterInvocation("", path, null, null, method).getHttpRequest();
        Map<String, Object> attributes = new HashMap<>();
        return new HttpServletRequestWrapper(dummy) {
            @Override
            public Object getAttribute(String name) {
                return attributes.get(name);
            }

            @Override
            public void setAttribute(String name, Object value) {
                attributes.put(name, value);
            }

            @Override
            public void removeAttribute(String name) {
                attributes.remove(name);
            }

            @Override
            public DispatcherType getDispatcherType() {
                return DispatcherType.REQUEST;
            }
        };
    }
}
