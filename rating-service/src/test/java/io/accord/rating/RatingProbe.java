package io.accord.rating;

import io.accord.contracts.catalog.UnitOfMeasure;
import io.accord.rating.engine.RatedUsage;
import io.accord.rating.engine.RatingEngine;
import io.accord.rating.engine.RatingOutcome;
import io.accord.rating.engine.SuspendedUsage;
import io.accord.rating.engine.TierAccumulators;
import io.accord.rating.engine.UsageRecord;
import io.accord.rating.model.RatingModel;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

/** Rates one usage record with the real engine against the model's current snapshot (fresh accumulators). */
public final class RatingProbe {

    private final RatingModel model;
    private final Clock clock;

    RatingProbe(RatingModel model, Clock clock) {
        this.model = model;
        this.clock = clock;
    }

    public RatingOutcome rate(String subscriber, String usageType, Instant at, String quantity, UnitOfMeasure unit) {
        return rate(new UsageRecord("test", UUID.randomUUID().toString(), usageType, subscriber,
                at.atOffset(ZoneOffset.ofHours(1)), new BigDecimal(quantity), unit, null, null, null));
    }

    public RatingOutcome rate(UsageRecord usage) {
        return new RatingEngine(model.snapshot(), clock, RatingEngine.DEFAULT_TOO_OLD_AFTER)
                .rate(usage, new TierAccumulators());
    }

    /** The rated record, or an assertion error saying why it was suspended. */
    public RatedUsage rated(String subscriber, String usageType, Instant at, String quantity, UnitOfMeasure unit) {
        RatingOutcome outcome = rate(subscriber, usageType, at, quantity, unit);
        if (outcome instanceof SuspendedUsage suspended) {
            throw new AssertionError("suspended " + suspended.reason() + ": " + suspended.detail());
        }
        return (RatedUsage) outcome;
    }
}
