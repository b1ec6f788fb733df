package io.accord.platform.idempotency;

import org.apache.commons.codec.binary.Hex;
import org.apache.commons.codec.digest.DigestUtils;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * SHA-256 over a sequence of fields, each prefixed with its length, so that ("ab", "c") and ("a", "bc")
 * never hash alike.
 */
final class Sha256 {

    private final MessageDigest digest;

    private Sha256() {
        digest = DigestUtils.getSha256Digest();
    }

    static Sha256 fields() {
        return new Sha256();
    }

    static String of(byte[] bytes) {
        return fields().add(bytes).hex();
    }

    static String of(String text) {
        return fields().add(text).hex();
    }

    Sha256 add(String value) {
        return value == null ? length(-1) : add(value.getBytes(StandardCharsets.UTF_8));
    }

    Sha256 add(byte[] bytes) {
        length(bytes.length);
        digest.update(bytes);
        return this;
    }

    Sha256 add(InputStream content, long length) throws IOException {
        length(length);
        try (content) {
            DigestUtils.updateDigest(digest, content);
        }
        return this;
    }

    String hex() {
        return Hex.encodeHexString(bytes());
    }

    byte[] bytes() {
        return digest.digest();
    }

    private Sha256 length(long length) {
        for (int shift = 56; shift >= 0; shift -= 8) {
            digest.update((byte) (length >>> shift));
        }
        return this;
    }
}
