package io.accord.rating.engine;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Which usage times the inputs rate: not older than {@code tooOldAfter} (else {@link SuspenseReason#TOO_OLD}, so
 * the duplicate index stays bounded) and not more than {@code maxAhead} after the clock's instant (else
 * {@link SuspenseReason#INVALID}: usage is rated once it happened, and a record dated a year ahead would open
 * settlement periods up to it and keep its duplicate marker as long); and which quantities: not more than one record
 * plausibly measures ({@link QuantityLimits}, else {@link SuspenseReason#INVALID}).
 */
public record UsageWindow(Duration tooOldAfter, Duration maxAhead, QuantityLimits limits) {

    public UsageWindow {
        Objects.requireNonNull(tooOldAfter, "tooOldAfter");
        Objects.requireNonNull(maxAhead, "maxAhead");
        Objects.requireNonNull(limits, "limits");
        if (tooOldAfter.isNegative() || maxAhead.isNegative()) {
            throw new IllegalArgumentException("a usage window's bounds are not negative: " + tooOldAfter + ", "
                    + maxAhead);
        }
    }

    /** A window with the {@link QuantityLimits#DEFAULTS default} quantity limits. */
    public UsageWindow(Duration tooOldAfter, Duration maxAhead) {
        this(tooOldAfter, maxAhead, QuantityLimits.DEFAULTS);
    }

    /** An engine over {@code snapshot} that rates within this window and these limits. */
    public RatingEngine engine(RatingSnapshot snapshot, Clock clock) {
        return new RatingEngine(snapshot, clock, tooOldAfter, maxAhead, limits);
    }
}
