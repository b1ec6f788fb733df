package io.accord.platform.apidocs;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.FilterInvocation;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Tells which operations an anonymous caller may reach, by asking the service's own security filter chain (its
 * {@code permitAll} rules) rather than a second list that could drift from it. Anything it cannot decide counts
 * as protected.
 */
class PublicOperations {

    private static final String SAMPLE_ID = "00000000-0000-4000-8000-000000000000";
    private static final Authentication ANONYMOUS = new AnonymousAuthenticationToken("api-docs", "anonymousUser",
            AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));

    private final ObjectProvider<SecurityFilterChain> chains;

    PublicOperations(ObjectProvider<SecurityFilterChain> chains) {
        this.chains = chains;
    }

    /** Whether a request without a token to {@code path} (an OpenAPI path template) is authorized. */
    boolean isPublic(String method, String path) {
        try {
            HttpServletRequest request = sampleRequest(method, path.replaceAll("\\{[^}]+}", SAMPLE_ID));
            return authorizationOf(request)
                    .map(manager -> manager.authorize(() -> ANONYMOUS, request))
                    .map(AuthorizationResult::isGranted)
                    .orElse(false);
        }
        catch (RuntimeException undecidable) {
            return false;
        }
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
