package io.accord.portal.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotBlank;

/**
 * Where users log in: the realm's issuer and the portal's public client (authorization code + PKCE S256).
 *
 * @param issuerUri the realm, e.g. {@code http://localhost:8180/realms/accord}; its endpoints follow Keycloak's paths,
 *                  so the portal starts without Keycloak running (no discovery call at start-up)
 * @param clientId  the realm's {@code self-care-portal} client
 */
@Validated
@ConfigurationProperties("accord.portal.keycloak")
record KeycloakProperties(@NotBlank String issuerUri, @NotBlank String clientId) {

    String endpoint(String name) {
        return issuerUri.replaceAll("/+$", "") + "/protocol/openid-connect/" + name;
    }
}
