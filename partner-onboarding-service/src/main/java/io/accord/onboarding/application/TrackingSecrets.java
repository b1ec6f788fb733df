package io.accord.onboarding.application;

import org.apache.commons.codec.digest.DigestUtils;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * The secret an applicant follows its application with. Only its SHA-256 is stored, so a database leak does
 * not hand out access to applications.
 */
final class TrackingSecrets {

    static final String HEADER = "X-Tracking-Secret";

    private static final SecureRandom RANDOM = new SecureRandom();

    private TrackingSecrets() {
    }

    static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The hex SHA-256 of the secret's UTF-8 bytes, as stored. */
    static String hash(String secret) {
        return DigestUtils.sha256Hex(secret);
    }
}
