package io.accord.rating.ingest;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Time-ordered UUIDs (version 7, RFC 9562) for rated, suspense and duplicate rows: new ids land at the end of their
 * indexes instead of all over them, and making one takes no lock (no SecureRandom on the hot path).
 */
final class Ids {

    private Ids() {
    }

    static UUID next(Instant now) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long millis = now.toEpochMilli();
        long high = (millis << 16) | 0x7000L | (random.nextLong() & 0x0FFFL);
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low);
    }
}
