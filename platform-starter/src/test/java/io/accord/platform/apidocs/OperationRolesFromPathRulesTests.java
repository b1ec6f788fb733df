package io.accord.platform.apidocs;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.web.DefaultSecurityFilterChain;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.access.intercept.RequestMatcherDelegatingAuthorizationManager;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;

import jakarta.servlet.http.HttpServletRequest;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An operation without {@code @PreAuthorize} says who may call it all the same: the roles the service's own
 * security filter chain admits to its path (asked with a token of each role), or anyone when it is public.
 */
class OperationRolesFromPathRulesTests {

    private static final PathPatternRequestMatcher.Builder PATHS = PathPatternRequestMatcher.withDefaults();

    private final ApiDocsConventions conventions = new ApiDocsConventions("http://localhost/realms/test", "Log in.",
            new PublicOperations(new StaticListableBeanFactory(Map.of("chain", chain()))
                    .getBeanProvider(SecurityFilterChain.class)));

    private static SecurityFilterChain chain() {
        AuthorizationManager<HttpServletRequest> rules = RequestMatcherDelegatingAuthorizationManager.builder()
                .add(PATHS.matcher(HttpMethod.POST, "/applications/**"), (authentication, request) ->
                        new AuthorizationDecision(true))
                .add(PATHS.matcher(HttpMethod.GET, "/hub/**"),
                        AuthorityAuthorizationManager.hasAnyRole("ops", "partner-admin", "partner-user"))
                .add(PATHS.matcher("/hub/**"), AuthorityAuthorizationManager.hasAnyRole("ops", "partner-admin"))
                .add(PATHS.matcher("/closed/**"), (authentication, request) ->
                        new AuthorizationDecision(false))
                .add(AnyRequestMatcher.INSTANCE, AuthenticatedAuthorizationManager.authenticated())
                .build();
        return new DefaultSecurityFilterChain(AnyRequestMatcher.INSTANCE, new AuthorizationFilter(rules));
    }

    private static OpenAPI document(Map<String, PathItem> items) {
        Paths paths = new Paths();
        items.forEach(paths::addPathItem);
        return new OpenAPI().paths(paths);
    }

    @Test
    void theRolesThePathRulesAdmitEndTheDescriptionAndAreListed() {
        Operation read = new Operation().summary("read");
        Operation write = new Operation().summary("write").description("Registers a callback.");
        Operation list = new Operation().summary("list");
        Operation closed = new Operation().summary("closed");
        conventions.customise(document(Map.of(
                "/hub/{id}", new PathItem().get(read).delete(write),
                "/partners", new PathItem().get(list),
                "/closed", new PathItem().get(closed))));

        assertThat(read.getDescription()).isEqualTo("Roles: ops, partner-admin, partner-user.");
        assertThat(read.getExtensions()).containsEntry(OperationRoles.EXTENSION,
                List.of("ops", "partner-admin", "partner-user"));
        assertThat(write.getDescription()).isEqualTo("Registers a callback.\n\nRoles: ops, partner-admin.");
        assertThat(write.getExtensions()).containsEntry(OperationRoles.EXTENSION, List.of("ops", "partner-admin"));
        assertThat(list.getDescription()).isEqualTo("Roles: any role (a valid token).");
        assertThat(list.getExtensions()).containsEntry(OperationRoles.EXTENSION, PublicOperations.ROLES);
        assertThat(closed.getDescription()).isEqualTo("Roles: none (no role is admitted).");
        assertThat(closed.getExtensions()).containsEntry(OperationRoles.EXTENSION, List.of());
    }

    @Test
    void aPublicOperationSaysAnyone() {
        Operation apply = new Operation().summary("apply").description("No account needed.");
        conventions.customise(document(Map.of("/applications/{id}/submission", new PathItem().post(apply))));

        assertThat(apply.getDescription()).isEqualTo("No account needed.\n\nRoles: anyone (no token needed).");
        assertThat(apply.getExtensions()).containsEntry(OperationRoles.EXTENSION, List.of(OperationRoles.ANYONE));
        assertThat(apply.getSecurity()).isNull();
    }

    @Test
    void whatThePreAuthorizeSaidStaysAndNothingIsSaidTwice() {
        Operation approved = new Operation().summary("approve").description("Roles: finance.");
        approved.addExtension(OperationRoles.EXTENSION, List.of("finance"));
        Operation quoted = new Operation().summary("mixed")
                .description("Authorization: `hasRole('finance') and principal.name == 'x'`.");
        Operation list = new Operation().summary("list");
        OpenAPI openApi = document(Map.of("/hub", new PathItem().post(approved).put(quoted).get(list)));

        conventions.customise(openApi);
        conventions.customise(openApi);

        assertThat(approved.getDescription()).isEqualTo("Roles: finance.");
        assertThat(approved.getExtensions()).containsEntry(OperationRoles.EXTENSION, List.of("finance"));
        assertThat(quoted.getDescription()).isEqualTo("Authorization: `hasRole('finance') and principal.name == 'x'`.");
        assertThat(quoted.getExtensions()).isNull();
        assertThat(list.getDescription()).isEqualTo("Roles: ops, partner-admin, partner-user.");
    }
}
