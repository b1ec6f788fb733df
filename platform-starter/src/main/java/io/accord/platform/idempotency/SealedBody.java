package io.accord.platform.idempotency;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * Stored answers can hold secrets (an application's tracking secret, whose plain text the service itself never
 * keeps). They are encrypted (AES-256-GCM) with a key derived from the {@code Idempotency-Key}, which only the
 * client knows and the table keeps only as a hash: a leaked table does not reveal them. Random keys (UUIDs) make
 * this strong; a guessable key makes it weak.
 */
final class SealedBody {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private SealedBody() {
    }

    static byte[] seal(String scope, IdempotencyKey key, byte[] body) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        byte[] sealed = crypt(Cipher.ENCRYPT_MODE, scope, key, nonce, body, 0, body.length);
        return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
    }

    static byte[] open(String scope, IdempotencyKey key, byte[] stored) {
        byte[] nonce = Arrays.copyOf(stored, NONCE_BYTES);
        return crypt(Cipher.DECRYPT_MODE, scope, key, nonce, stored, NONCE_BYTES, stored.length - NONCE_BYTES);
    }

    private static byte[] crypt(int mode, String scope, IdempotencyKey key, byte[] nonce, byte[] input, int offset,
                                int length) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            byte[] secret = Sha256.fields().add("accord idempotent answer").add(scope).add(key.value()).bytes();
            cipher.init(mode, new SecretKeySpec(secret, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            return cipher.doFinal(input, offset, length);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a stored answer cannot be " + (mode == Cipher.ENCRYPT_MODE
                    ? "encrypted" : "decrypted: it was altered"), e);
        }
    }
}
