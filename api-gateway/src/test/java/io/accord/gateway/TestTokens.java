package io.accord.gateway;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Signs Keycloak-shaped access tokens with an RSA key made for the test run; the gateway trusts its public half. */
final class TestTokens {

    static final String ISSUER = "https://keycloak.test/realms/accord";

    private static final KeyPair KEYS = generate();
    private static final KeyPair OTHER_KEYS = generate();
    private static final Path PUBLIC_KEY_PEM = writePem();

    private TestTokens() {
    }

    /** For {@code accord.security.jwt.public-key-location}. */
    static String publicKeyLocation() {
        return PUBLIC_KEY_PEM.toUri().toString();
    }

    /** A partner user of a partner no other test uses, so rate limits never interfere between tests. */
    static String partner(String... roles) {
        return sign(KEYS.getPrivate(), claims(roles).claim("partner_id", UUID.randomUUID().toString()).build());
    }

    static String partnerOf(String partnerId, String... roles) {
        return sign(KEYS.getPrivate(), claims(roles).claim("partner_id", partnerId).build());
    }

    /** A CSP staff member: no {@code partner_id}. */
    static String staff(String... roles) {
        return sign(KEYS.getPrivate(), claims(roles).build());
    }

    static String expired(String... roles) {
        Instant past = Instant.now().minus(Duration.ofHours(2));
        return sign(KEYS.getPrivate(), claims(roles)
                .issueTime(Date.from(past)).expirationTime(Date.from(past.plus(Duration.ofMinutes(5)))).build());
    }

    static String fromOtherIssuer(String... roles) {
        return sign(KEYS.getPrivate(), claims(roles).issuer("https://evil.test/realms/accord").build());
    }

    static String signedWithUnknownKey(String... roles) {
        return sign(OTHER_KEYS.getPrivate(), claims(roles).build());
    }

    /** A staff token valid in all but its audience: minted for another client, not the Accord API. */
    static String forOtherAudience(String... roles) {
        return sign(KEYS.getPrivate(), claims(roles).audience("account").build());
    }

    /** A staff token of another Keycloak token type ({@code ID}, {@code Refresh}). */
    static String ofType(String type, String... roles) {
        return sign(KEYS.getPrivate(), claims(roles).claim("typ", type).build());
    }

    private static JWTClaimsSet.Builder claims(String... roles) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
                .audience(List.of("accord-api", "account"))
                .claim("typ", "Bearer")
                .claim("azp", "self-care-portal")
                .claim("realm_access", Map.of("roles", List.of(roles)));
    }

    private static String sign(PrivateKey key, JWTClaimsSet claims) {
        var jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).keyID("test").build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        }
        catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static KeyPair generate() {
        try {
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path writePem() {
        String pem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(KEYS.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        try {
            Path file = Files.createTempFile("accord-gateway-test-key", ".pem");
            file.toFile().deleteOnExit();
            return Files.writeString(file, pem);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
