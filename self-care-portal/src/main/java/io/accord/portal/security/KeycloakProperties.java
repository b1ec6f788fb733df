package io.accord.portal.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotBlank;

/**
 * Where users log in: the realm's issuer and the portal's client (authorization code + PKCE S256).
 *
 * @param issuerUri      the realm, e.g. {@code http://localhost:8180/realms/accord}; its endpoints follow Keycloak's
 *                       paths, so the portal starts without Keycloak running (no discovery call at start-up). The
 *                       browser is sent to its login and logout pages, and ID tokens must carry it as {@code iss}
 * @param clientId       the realm's {@code self-care-portal} client
 * @param clientSecret   the client's secret when it is confidential (Kubernetes: from a Secret); {@code null} for the
 *                       realm's public client (PKCE only)
 * @param backChannelUri where the portal itself reaches the same realm for the token endpoint and the signing keys,
 *                       e.g. Keycloak's in-cluster service {@code http://accord-keycloak-service:8080/realms/accord};
 *                       {@code null}: the issuer
 * @param connectTimeout connecting to the token endpoint (the login's code, each refresh)
 * @param readTimeout    waiting for its answer; a page whose token refresh waits longer says a service is not
 *                       available
 */
@Validated
@ConfigurationProperties("accord.portal.keycloak")
record KeycloakProperties(@NotBlank String issuerUri, @NotBlank String clientId, String clientSecret,
                          String backChannelUri, @DefaultValue("2s") Duration connectTimeout,
                          @DefaultValue("10s") Duration readTimeout) {

    /** An endpoint the browser is sent to (login, logout): always at the issuer. */
    String endpoint(String name) {
        return openIdConnect(issuerUri, name);
    }

    /** An endpoint the portal calls itself (token, certs): on the back channel when there is one. */
    String backChannelEndpoint(String name) {
        return openIdConnect(backChannelUri == null || backChannelUri.isBlank() ? issuerUri : backChannelUri, name);
    }

    boolean confidential() {
        return clientSecret != null && !clientSecret.isBlank();
    }

    private static String openIdConnect(String realm, String name) {
        return realm.replaceAll("/+$", "") + "/protocol/openid-connect/" + name;
    }
}
