package io.accord.orchestration.activation;

import org.springframework.stereotype.Component;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * Encrypts the partners' webhook secrets at rest (AES-256-GCM, a random 12-byte nonce per value, stored in front of
 * the ciphertext). Encrypted, not hashed: Accord needs the secret itself to sign each request.
 */
@Component
class SecretCipher {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int SECRET_BYTES = 32;

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    SecretCipher(ActivationProperties properties) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(properties.secretKey().strip());
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalStateException("accord.orchestration.activation.secret-key is not base64", notBase64);
        }
        if (raw.length != 32) {
            throw new IllegalStateException("accord.orchestration.activation.secret-key must be 32 bytes (AES-256), "
                    + "got " + raw.length);
        }
        this.key = new SecretKeySpec(raw, "AES");
    }

    /** A new webhook secret, as the partner receives it once. */
    String newSecret() {
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    byte[] encrypt(String secret) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt a webhook secret", e);
        }
    }

    String decrypt(byte[] stored) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, stored, 0, NONCE_BYTES));
            return new String(cipher.doFinal(Arrays.copyOfRange(stored, NONCE_BYTES, stored.length)),
                    StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            // a changed key or a tampered row: the secret is unusable, the partner must rotate it
            throw new IllegalStateException("cannot decrypt a webhook secret (was the key changed?)", e);
        }
    }
}
