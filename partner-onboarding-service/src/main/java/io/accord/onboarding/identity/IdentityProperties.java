package io.accord.onboarding.identity;

import io.accord.platform.retry.Backoffs;
import org.springframework.boot.context.properties.ConfigurationProperties;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;
import java.util.List;

/**
 * Identity provisioning in Keycloak, under {@code accord.onboarding.identity}.
 *
 * @param serverUrl      Keycloak's base URL (env {@code ACCORD_KEYCLOAK_URL} through application.yml)
 * @param realm          the realm partners log in to
 * @param clientId       this service's confidential client; its service account has the realm-management roles
 *                       manage-users, view-users, query-users and query-groups
 * @param clientSecret   that client's secret (env {@code ACCORD_ONBOARDING_CLIENT_SECRET}); required, with no
 *                       default: the client can manage users, so a committed value would be a standing credential
 * @param enabled        whether this instance runs the worker; requests are recorded either way
 * @param pollInterval   how often the worker looks for due rows
 * @param firstBackoff   wait after the first failed attempt, doubled after each further one
 * @param maxBackoff     the cap of that wait: a Keycloak that is down for long is still asked this often
 * @param batchSize      rows worked per poll at most (each in its own transaction)
 * @param connectTimeout how long to wait for a connection to Keycloak
 * @param readTimeout    how long to wait for one answer of Keycloak
 * @param invitation     the partner admin's first-login e-mail
 * @param locales        the realm's {@code supportedLocales} (deploy/keycloak/accord-realm.json): the only values
 *                       the {@code locale} attribute of a user onboarding creates may take, the first the fallback
 */
@ConfigurationProperties("accord.onboarding.identity")
@Validated
record IdentityProperties(
        @DefaultValue("http://localhost:8180") String serverUrl,
        @DefaultValue("accord") String realm,
        @DefaultValue("accord-onboarding") String clientId,
        @NotBlank(message = "is missing: set the environment variable " + SECRET_VARIABLE
                + " to the secret of the Keycloak client accord-onboarding") String clientSecret,
        @DefaultValue("true") boolean enabled,
        @DefaultValue("2s") Duration pollInterval,
        @DefaultValue("1s") Duration firstBackoff,
        @DefaultValue("5m") Duration maxBackoff,
        @DefaultValue("20") int batchSize,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("10s") Duration readTimeout,
        @DefaultValue Invitation invitation,
        @DefaultValue({"en", "de", "fr"}) List<String> locales) {

    /**
     * Keycloak's execute-actions e-mail sent to a new partner admin, under {@code ...identity.invitation}.
     *
     * @param lifespan    how long its link works (Keycloak's default would be 12 hours)
     * @param clientId    client whose redirect URI the link ends on; none: Keycloak's own "account updated" page
     * @param redirectUri where the admin lands after setting the password; must be a redirect URI of the client
     */
    record Invitation(@DefaultValue("72h") Duration lifespan, String clientId, String redirectUri) {
    }

    static final String SECRET_VARIABLE = "ACCORD_ONBOARDING_CLIENT_SECRET";

    /** The platform's one retry policy with these bounds. */
    ExponentialBackOff backoff() {
        return Backoffs.exponential(firstBackoff, maxBackoff);
    }
}
