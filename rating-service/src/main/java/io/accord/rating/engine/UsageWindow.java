package io.accord.rating.engine;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Which usage times the inputs rate: not older than {@code tooOldAfter} (else {@link SuspenseReason#TOO_OLD}, so
 * the duplicate index stays bounded) and not more than {@code maxAhead} after the clock's instant (else
 * {@link SuspenseReason#INVALID}: usage is rated once it happened, and a record dated a year ahead would open
 * settlement periods up to it and keep its duplicate marker as long).
 */
public record UsageWindow(Duration tooOldAfter, Duration maxAhead) {

    public UsageWindow {
        Objects.requireNonNull(tooOldAfter, "tooOldAfter");
        Objects.requireNonNull(maxAhead, "maxAhead");
        if (tooOldAfter.isNegative() || maxAhead.isNegative()) {
            throw new IllegalArgumentException("a usage window's bounds are not negative: " + tooOldAfter + ", "
                    + maxAhead);
        }
    }

    /** An engine over {@code snapshot} that rates within this window. */
    public RatingEngine engine(RatingSnapshot snapshot, Clock clock) {
        return new RatingEngine(snapshot, clock, tooOldAfter, maxAhead);
    }
}
