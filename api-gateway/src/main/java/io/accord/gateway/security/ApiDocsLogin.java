package io.accord.gateway.security;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.Scopes;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The gateway's own API document (its cross-service audit query) offers the same Keycloak login as the services'
 * documents (the platform starter adds it there); the Swagger UI's login settings are in application.yml. Each
 * operation carries its own lock and roles (apidocs' {@code OwnOperationsDocs}), not the document.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsLogin {

    @Bean
    OpenAPI gatewayOpenApi(JwtProperties jwt) {
        String openIdConnect = jwt.issuerUri() + "/protocol/openid-connect";
        return new OpenAPI()
                .info(new Info().title("Accord API gateway").version("v1").description("""
                        The audit trail across every service. The service APIs are in the list at the top \
                        (onboarding first: a partner's journey starts with its application).

                        **Log in:** press *Authorize* and log in at Keycloak with client_id `ops-console` (staff) \
                        or `self-care-portal` (partner users), no secret. With the development realm \
                        (`./accord up`) each service's description lists the demo users."""))
                .components(new Components()
                        .addSecuritySchemes("keycloak", new SecurityScheme().type(SecurityScheme.Type.OAUTH2)
                                .description("Authorization code with PKCE, public clients ops-console and "
                                        + "self-care-portal")
                                .flows(new OAuthFlows().authorizationCode(new OAuthFlow()
                                        .authorizationUrl(openIdConnect + "/auth")
                                        .tokenUrl(openIdConnect + "/token")
                                        .refreshUrl(openIdConnect + "/token")
                                        .scopes(new Scopes().addString("openid", "OpenID Connect login")))))
                        .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat("JWT")));
    }
}
