package io.accord.platform.security;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;

/**
 * What makes a token an Accord access token: signed by the realm (the decoder), issued by it, in its validity
 * window, meant for the Accord API ({@code aud} holds the configured audience, {@code accord-api} by default,
 * which the realm's {@code accord} client scope maps) and an access token ({@code typ} claim {@code Bearer}):
 * Keycloak's ID tokens ({@code typ: ID}) and refresh tokens ({@code typ: Refresh}) carry the same signature and
 * are refused.
 */
final class AccessTokenValidator {

    /** Keycloak's {@code typ} claim of an access token. */
    static final String ACCESS_TOKEN_TYPE = "Bearer";

    private AccessTokenValidator() {
    }

    static OAuth2TokenValidator<Jwt> of(String issuer, String audience) {
        if (audience == null || audience.isBlank()) {
            throw new IllegalStateException("accord.platform.jwt.audience must name the audience of Accord's "
                    + "access tokens (default accord-api)");
        }
        return new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(issuer),
                new JwtAudienceValidator(audience),
                new JwtClaimValidator<String>("typ", ACCESS_TOKEN_TYPE::equals));
    }
}
