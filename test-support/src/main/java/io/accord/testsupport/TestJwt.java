package io.accord.testsupport;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Tokens shaped like Keycloak's access tokens (realm roles in {@code realm_access.roles}, {@code partner_id},
 * {@code preferred_username}, audience {@code accord-api}, {@code typ: Bearer}), signed by a key made for this
 * JVM that services under test trust.
 */
public final class TestJwt {

    public static final String ISSUER = "https://keycloak.accord.test/realms/accord";
    /** The audience services expect (their default {@code accord.platform.jwt.audience}). */
    public static final String AUDIENCE = "accord-api";

    private static final KeyPair KEYS = generate();
    private static Path publicKeyFile;

    private TestJwt() {
    }

    /** A token for a staff user (no partner). */
    public static String staff(String username, String... roles) {
        return token(username, null, roles);
    }

    /** A token for a partner user bound to {@code partnerId}. */
    public static String partner(String username, String partnerId, String... roles) {
        return token(username, partnerId, roles);
    }

    public static String token(String username, String partnerId, String... roles) {
        return signed(AUDIENCE, "Bearer", username, partnerId, roles);
    }

    /** A staff token that is valid in all but its audience ({@code null}: no {@code aud} claim at all). */
    public static String forAudience(String audience, String username, String... roles) {
        return signed(audience, "Bearer", username, null, roles);
    }

    /** A staff token of another Keycloak token type ({@code ID}, {@code Refresh}): never accepted as access token. */
    public static String ofType(String type, String username, String... roles) {
        return signed(AUDIENCE, type, username, null, roles);
    }

    private static String signed(String audience, String type, String username, String partnerId, String... roles) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(audience == null ? null : List.of(audience, "account"))
                .claim("typ", type)
                .subject(UUID.nameUUIDFromBytes(username.getBytes(StandardCharsets.UTF_8)).toString())
                .claim("preferred_username", username)
                .claim("realm_access", Map.of("roles", List.of(roles)))
                .issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(900)));
        if (partnerId != null) {
            claims.claim("partner_id", partnerId);
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims.build());
        try {
            jwt.sign(new RSASSASigner(KEYS.getPrivate()));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign test token", e);
        }
        return jwt.serialize();
    }

    /** A PEM file of the public key, for {@code accord.platform.jwt.public-key-location}. */
    public static synchronized Path publicKeyFile() {
        if (publicKeyFile == null) {
            String pem = "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(KEYS.getPublic().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n";
            Path file = TestInfrastructure.tempFile("accord-test-jwt", ".pem");
            try {
                Files.writeString(file, pem);
            } catch (java.io.IOException e) {
                throw new IllegalStateException("cannot write test public key", e);
            }
            publicKeyFile = file;
        }
        return publicKeyFile;
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
