package io.accord.platform.idempotency;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Stored answers can hold secrets (an application's tracking secret, whose plain text the service itself never
 * keeps). They are encrypted (AES-256-GCM) with a key derived from the {@code Idempotency-Key}, which only the
 * client knows and the table keeps only as a hash: a leaked table does not reveal them. Random keys (UUIDs) make
 * this strong; a guessable key makes it weak.
 * <p>
 * Answers are gzipped before they are encrypted: a bulk answer (one JSON result per record) shrinks 10 to 20
 * times, so even a 10,000-record batch's answer fits {@code max-stored-body-size}. The compressed form is bound
 * to the ciphertext as associated data ({@link #GZIP}); a row sealed before compression was introduced fails that
 * check and is read as it was stored (such rows expire after the retention).
 */
final class SealedBody {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final byte[] GZIP = "gzip".getBytes(StandardCharsets.US_ASCII);

    private SealedBody() {
    }

    /** The body gzipped and encrypted, as the table keeps it. */
    static byte[] seal(String scope, IdempotencyKey key, byte[] body) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        byte[] compressed = gzip(body);
        byte[] sealed = crypt(Cipher.ENCRYPT_MODE, scope, key, nonce, GZIP, compressed, 0, compressed.length);
        return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
    }

    static byte[] open(String scope, IdempotencyKey key, byte[] stored) {
        byte[] nonce = Arrays.copyOf(stored, NONCE_BYTES);
        int length = stored.length - NONCE_BYTES;
        try {
            return gunzip(crypt(Cipher.DECRYPT_MODE, scope, key, nonce, GZIP, stored, NONCE_BYTES, length));
        } catch (Uncompressed legacy) {
            return crypt(Cipher.DECRYPT_MODE, scope, key, nonce, null, stored, NONCE_BYTES, length);
        }
    }

    private static byte[] crypt(int mode, String scope, IdempotencyKey key, byte[] nonce, byte[] associated,
                                byte[] input, int offset, int length) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            byte[] secret = Sha256.fields().add("accord idempotent answer").add(scope).add(key.value()).bytes();
            cipher.init(mode, new SecretKeySpec(secret, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            if (associated != null) {
                cipher.updateAAD(associated);
            }
            return cipher.doFinal(input, offset, length);
        } catch (AEADBadTagException notThisForm) {
            if (associated != null) {
                throw new Uncompressed();
            }
            throw new IllegalStateException("a stored answer cannot be decrypted: it was altered", notThisForm);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a stored answer cannot be " + (mode == Cipher.ENCRYPT_MODE
                    ? "encrypted" : "decrypted: it was altered"), e);
        }
    }

    private static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, body.length / 8));
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(body);
        } catch (IOException cannotHappenInMemory) {
            throw new UncheckedIOException(cannotHappenInMemory);
        }
        return out.toByteArray();
    }

    private static byte[] gunzip(byte[] compressed) {
        try (GZIPInputStream zip = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
            return zip.readAllBytes();
        } catch (IOException corrupt) {
            throw new IllegalStateException("a stored answer cannot be decompressed", corrupt);
        }
    }

    /** The row was sealed without compression (before it was introduced). */
    private static final class Uncompressed extends RuntimeException {
        Uncompressed() {
            super(null, null, false, false);
        }
    }
}
