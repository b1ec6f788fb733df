package io.accord.rating.ingest;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Time-ordered UUIDs (version 7, RFC 9562) for rated, suspense and duplicate rows: new ids land at the end of their
 * indexes instead of all over them, and making one takes no lock (no SecureRandom on the hot path). And the
 * duplicate marker's key of a source + usage id.
 */
final class Ids {

    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    });

    private Ids() {
    }

    /**
     * The key of a source + usage id in {@code usage_key} (V85): the first 16 bytes of SHA-256 over the UTF-8 bytes of
     * {@code "<byte length of source>:<source><usage id>"}, as the migration computes it in SQL for the markers it
     * converts. The length prefix keeps ("ab", "c") and ("a", "bc") apart.
     */
    static UUID usageKey(String source, String usageId) {
        byte[] sourceBytes = source.getBytes(StandardCharsets.UTF_8);
        MessageDigest digest = SHA_256.get();
        digest.update((sourceBytes.length + ":").getBytes(StandardCharsets.US_ASCII));
        digest.update(sourceBytes);
        ByteBuffer hash = ByteBuffer.wrap(digest.digest(usageId.getBytes(StandardCharsets.UTF_8)));
        return new UUID(hash.getLong(), hash.getLong());
    }

    static UUID next(Instant now) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long millis = now.toEpochMilli();
        long high = (millis << 16) | 0x7000L | (random.nextLong() & 0x0FFFL);
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low);
    }
}
