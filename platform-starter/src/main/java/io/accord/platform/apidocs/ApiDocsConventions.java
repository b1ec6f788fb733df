package io.accord.platform.apidocs;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.Scopes;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What every Accord service's API docs say the same way: login through Keycloak (OAuth2 authorization code with
 * PKCE) or a pasted token, a lock only on the operations that need a token, who may call each operation (see
 * {@link OperationRoles}), the problem+json answers each operation can give (with an example each), the
 * {@code Location} of what a 201 created, and the conditional reads of a versioned resource ({@link ConditionalReads}).
 */
class ApiDocsConventions implements GlobalOpenApiCustomizer {

    static final String KEYCLOAK = "keycloak";
    static final String BEARER = "bearer";

    private final String issuerUri;
    private final String loginHelp;
    private final PublicOperations publicOperations;

    ApiDocsConventions(String issuerUri, String loginHelp, PublicOperations publicOperations) {
        this.issuerUri = issuerUri;
        this.loginHelp = loginHelp;
        this.publicOperations = publicOperations;
    }

    @Override
    public void customise(OpenAPI openApi) {
        describeLogin(openApi);
        if (openApi.getPaths() == null) {
            return;
        }
        Set<String> versionedPaths = ConditionalReads.versionedPaths(openApi.getPaths());
        openApi.getPaths().forEach((path, item) -> {
            boolean versioned = versionedPaths.contains(path);
            item.readOperationsMap().forEach((method, operation) -> {
                if (versioned) {
                    ConditionalReads.document(method, operation);
                }
                document(path, method, operation);
            });
        });
    }

    private void describeLogin(OpenAPI openApi) {
        if (openApi.getComponents() == null) {
            openApi.setComponents(new Components());
        }
        String openIdConnect = issuerUri + "/protocol/openid-connect";
        openApi.getComponents()
                .addSecuritySchemes(KEYCLOAK, new SecurityScheme().type(SecurityScheme.Type.OAUTH2)
                        .description("Log in through Keycloak: client `ops-console` (staff) or `self-care-portal` "
                                + "(partner users), no client secret; the code flow uses PKCE")
                        .flows(new OAuthFlows().authorizationCode(new OAuthFlow()
                                .authorizationUrl(openIdConnect + "/auth")
                                .tokenUrl(openIdConnect + "/token")
                                .refreshUrl(openIdConnect + "/token")
                                .scopes(new Scopes().addString("openid", "OpenID Connect login")))))
                .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                        .bearerFormat("JWT").description("An access token from the realm's token endpoint"))
                .addSchemas(ProblemResponses.SCHEMA, ProblemResponses.schema());
        // the operations say whether they need a token, not the document
        openApi.setSecurity(null);
        Info info = openApi.getInfo() != null ? openApi.getInfo() : new Info();
        String description = info.getDescription() != null ? info.getDescription() : "";
        if (!description.contains(loginHelp)) {
            info.setDescription(description.isBlank() ? loginHelp : description + "\n\n" + loginHelp);
        }
        openApi.setInfo(info);
    }

    private void document(String path, PathItem.HttpMethod method, Operation operation) {
        boolean isPublic = publicOperations.isPublic(method.name(), path);
        if (isPublic) {
            operation.setSecurity(null);
        } else if (operation.getSecurity() == null || operation.getSecurity().isEmpty()) {
            operation.setSecurity(List.of(new SecurityRequirement().addList(KEYCLOAK, "openid"),
                    new SecurityRequirement().addList(BEARER)));
        }
        if (!OperationRoles.stated(operation)) {
            OperationRoles.state(operation, isPublic,
                    isPublic ? List.of() : publicOperations.rolesAdmitted(method.name(), path), PublicOperations.ROLES);
        }
        ApiResponses responses = operation.getResponses() != null ? operation.getResponses() : new ApiResponses();
        operation.setResponses(responses);
        responses.forEach((status, response) -> {
            if ("201".equals(status)) {
                addLocation(response);
            }
        });
        for (String status : problemsOf(path, method, operation, isPublic)) {
            if (!responses.containsKey(status)) {
                responses.addApiResponse(status, ProblemResponses.response(status, path));
            }
        }
    }

    private static void addLocation(ApiResponse created) {
        if (created.getHeaders() == null || !created.getHeaders().containsKey("Location")) {
            created.addHeaderObject("Location", new Header()
                    .description("The URL of the created resource").schema(new StringSchema().format("uri")));
        }
    }

    static List<String> problemsOf(String path, PathItem.HttpMethod method, Operation operation, boolean isPublic) {
        boolean write = method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PUT
                || method == PathItem.HttpMethod.PATCH;
        boolean hasBody = operation.getRequestBody() != null;
        boolean multipart = hasBody && operation.getRequestBody().getContent() != null
                && operation.getRequestBody().getContent().keySet().stream().anyMatch(t -> t.startsWith("multipart/"));
        boolean hasInput = hasBody || (operation.getParameters() != null && !operation.getParameters().isEmpty());
        List<String> statuses = new ArrayList<>();
        if (hasInput) {
            statuses.add("400");
        }
        if (!isPublic) {
            statuses.addAll(List.of("401", "403"));
        }
        if (path.contains("{")) {
            statuses.add("404");
        }
        if (write || method == PathItem.HttpMethod.DELETE) {
            statuses.add("409");
        }
        if (ConditionalReads.takesIfMatch(operation)) {
            statuses.add("412");
        }
        if (multipart) {
            statuses.add("413");
        }
        if (hasBody) {
            statuses.add("415");
        }
        if (write) {
            statuses.add("422");
        }
        statuses.add("429");
        return statuses;
    }
}
