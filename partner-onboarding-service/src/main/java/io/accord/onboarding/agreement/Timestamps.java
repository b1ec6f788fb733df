package io.accord.onboarding.agreement;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Instants at PostgreSQL's precision (microseconds). Dates compared in Java ("is this version due?") and in SQL
 * (which partners have a due version) must be the same values; a nanosecond instant rounded on its way into the
 * database could otherwise be due in one and not in the other. The platform's {@code Clock} already ticks in
 * microseconds; instants from callers (requests, other features) go through {@link #stored}.
 */
final class Timestamps {

    private Timestamps() {
    }

    static Instant stored(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }
}
