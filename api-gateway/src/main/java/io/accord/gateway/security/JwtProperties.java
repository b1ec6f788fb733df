package io.accord.gateway.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How tokens are checked, under {@code accord.security.jwt} (the same names the services use).
 *
 * @param issuerUri         the Keycloak realm; every token's {@code iss} must equal it
 * @param jwkSetUri         where the signing keys are fetched, lazily on the first token; defaults to the
 *                          realm's certs endpoint
 * @param publicKeyLocation a PEM RSA public key that, when set, replaces the JWK set (tests sign their own tokens)
 * @param audience          must be in every token's {@code aud}: the realm's {@code accord} client scope maps
 *                          {@code accord-api} into the access tokens of the clients that call the API
 * @param tokenClient       the client a 401 answer tells people to get their token with
 * @param keysTimeout       connecting to the JWK set endpoint and waiting for its answer (a token naming a key the
 *                          gateway does not know yet makes it fetch the keys again)
 */
@ConfigurationProperties("accord.security.jwt")
record JwtProperties(
        @DefaultValue("http://localhost:8180/realms/accord") String issuerUri,
        String jwkSetUri,
        String publicKeyLocation,
        @DefaultValue("accord-api") String audience,
        @DefaultValue("accord-cli") String tokenClient,
        @DefaultValue("2s") Duration keysTimeout) {

    /** Keycloak's token endpoint of the issuer's realm. */
    String tokenEndpoint() {
        return issuerUri + "/protocol/openid-connect/token";
    }

    String effectiveJwkSetUri() {
        return jwkSetUri != null && !jwkSetUri.isBlank() ? jwkSetUri : issuerUri + "/protocol/openid-connect/certs";
    }

    boolean hasPublicKey() {
        return publicKeyLocation != null && !publicKeyLocation.isBlank();
    }
}
