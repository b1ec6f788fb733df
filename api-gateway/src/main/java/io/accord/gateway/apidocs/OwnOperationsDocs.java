package io.accord.gateway.apidocs;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * The gateway's own API document follows the services' conventions (docs/architecture.md, "API documentation
 * conventions"): a lock only on the operations an anonymous request may not reach, who may call each operation
 * (the description ends with "Roles: auditor, platform-admin." and {@code x-accord-roles} lists them), both asked of
 * the gateway's security filter chain ({@link ChainAccess}), and the problem+json answers it can give, with an
 * example each. The services get this from the platform starter, which is built on the servlet stack.
 */
@Component
class OwnOperationsDocs implements OpenApiCustomizer {

    static final String ROLES = "x-accord-roles";
    static final String ANYONE = "anyone";

    private final ChainAccess access;

    OwnOperationsDocs(ObjectProvider<SecurityWebFilterChain> chains) {
        this.access = new ChainAccess(chains);
    }

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getComponents() == null) {
            openApi.setComponents(new Components());
        }
        openApi.getComponents().addSchemas(ProblemAnswers.SCHEMA, ProblemAnswers.schema());
        // the operations say whether they need a token, not the document
        openApi.setSecurity(null);
        if (openApi.getPaths() != null) {
            openApi.getPaths().forEach((path, item) -> item.readOperationsMap()
                    .forEach((method, operation) -> document(path, method.name(), operation)));
        }
    }

    private void document(String path, String method, Operation operation) {
        if (operation.getExtensions() != null && operation.getExtensions().containsKey(ROLES)) {
            return;
        }
        boolean isPublic = access.isPublic(method, path);
        operation.setSecurity(isPublic ? null : List.of(new SecurityRequirement().addList("keycloak", "openid"),
                new SecurityRequirement().addList("bearer")));
        stateRoles(operation, isPublic, isPublic ? List.of() : access.rolesAdmitted(method, path));
        ApiResponses responses = operation.getResponses() != null ? operation.getResponses() : new ApiResponses();
        operation.setResponses(responses);
        for (String status : problemsOf(path, operation, isPublic)) {
            responses.putIfAbsent(status, new ApiResponse());
        }
        responses.replaceAll((status, response) -> ProblemAnswers.knows(status)
                ? ProblemAnswers.response(status, path, response.getDescription()) : response);
    }

    private static void stateRoles(Operation operation, boolean isPublic, List<String> admitted) {
        String said;
        if (isPublic) {
            operation.addExtension(ROLES, List.of(ANYONE));
            said = "Roles: anyone (no token needed).";
        } else {
            operation.addExtension(ROLES, admitted);
            said = admitted.isEmpty() ? "Roles: none (no role is admitted)."
                    : admitted.equals(ChainAccess.ROLES) ? "Roles: any role (a valid token)."
                    : "Roles: " + String.join(", ", admitted) + ".";
        }
        String description = operation.getDescription();
        operation.setDescription(description == null || description.isBlank() ? said
                : description.strip() + "\n\n" + said);
    }

    private static List<String> problemsOf(String path, Operation operation, boolean isPublic) {
        List<String> statuses = new ArrayList<>();
        if (operation.getParameters() != null && !operation.getParameters().isEmpty()) {
            statuses.add("400");
        }
        if (!isPublic) {
            statuses.addAll(List.of("401", "403"));
        }
        if (path.contains("{")) {
            statuses.add("404");
        }
        statuses.add("429");
        return statuses;
    }
}
