package io.accord.onboarding.identity;

import org.jboss.resteasy.client.jaxrs.internal.ResteasyClientBuilderImpl;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.JacksonProvider;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.springframework.stereotype.Component;

import java.util.concurrent.TimeUnit;

/**
 * Opens admin-API sessions as this service's own client (client credentials of its service account).
 *
 * <p>A session per batch rather than one for the service's lifetime: the admin client caches its token, and a
 * Keycloak that was restarted or re-imported in between would keep answering 401 to that stale token until it
 * expired. Provisioning is rare, so the extra token request costs nothing that matters.
 *
 * <p>The RESTEasy client is built here so that it has timeouts (the admin client's default has none) and
 * Keycloak's own Jackson 2 provider, which ignores properties this 26.0 client does not know but a newer server
 * sends. Jackson 2 stays inside this client; Spring's JSON is Jackson 3.
 */
@Component
class KeycloakSessions {

    private final IdentityProperties properties;

    KeycloakSessions(IdentityProperties properties) {
        this.properties = properties;
    }

    Keycloak open() {
        return KeycloakBuilder.builder()
                .serverUrl(properties.serverUrl())
                .realm(properties.realm())
                .grantType(OAuth2Constants.CLIENT_CREDENTIALS)
                .clientId(properties.clientId())
                .clientSecret(properties.clientSecret())
                .resteasyClient(new ResteasyClientBuilderImpl()
                        .connectionPoolSize(2)
                        .connectTimeout(properties.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                        .readTimeout(properties.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                        .register(JacksonProvider.class, 100)
                        .build())
                .build();
    }

    String serverUrl() {
        return properties.serverUrl();
    }

    String realm() {
        return properties.realm();
    }

    String clientId() {
        return properties.clientId();
    }
}
