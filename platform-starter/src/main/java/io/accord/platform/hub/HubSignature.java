package io.accord.platform.hub;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The signature the hub sends with every delivery, and how a receiver checks it. The signed text is
 * {@code <X-Accord-Timestamp>.<body>} (the timestamp header, a dot, the raw body bytes), the key is the
 * subscription's secret (its UTF-8 bytes), the algorithm HMAC-SHA256, and the header
 * {@code X-Accord-Signature: sha256=<lower-case hex>}. Signing the timestamp too is what lets a receiver refuse a
 * replayed delivery: a captured body cannot be re-sent with a fresh timestamp without the secret.
 */
public final class HubSignature {

    public static final String SIGNATURE_HEADER = "X-Accord-Signature";
    public static final String TIMESTAMP_HEADER = "X-Accord-Timestamp";
    public static final String EVENT_ID_HEADER = "X-Accord-Event-Id";
    public static final String DELIVERY_ID_HEADER = "X-Accord-Delivery-Id";
    static final String PREFIX = "sha256=";

    private static final SecureRandom RANDOM = new SecureRandom();

    private HubSignature() {
    }

    /** The header value for {@code body} sent at {@code timestamp} (epoch seconds, as in the timestamp header). */
    public static String sign(String secret, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(timestamp.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) '.');
            return PREFIX + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** Whether {@code header} is the signature of {@code body} sent at {@code timestamp}; constant-time compare. */
    public static boolean verify(String secret, String timestamp, byte[] body, String header) {
        if (header == null || timestamp == null) {
            return false;
        }
        return MessageDigest.isEqual(sign(secret, timestamp, body).getBytes(StandardCharsets.US_ASCII),
                header.trim().getBytes(StandardCharsets.US_ASCII));
    }

    /** A new secret: 32 random bytes, base64url without padding (43 characters). */
    static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
