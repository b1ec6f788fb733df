package io.accord.rating.rerate;

import io.accord.rating.engine.AccumulatorKey;
import io.accord.rating.engine.RatedUsage;

import java.time.Instant;
import java.util.UUID;

/**
 * A usage's rating in force (a RATED or RERATED row nothing has reversed yet), read back as the engine's record.
 *
 * @param ratedId      its rated id
 * @param seq          its sequence in the rated table
 * @param arrivalOrder its arrival order in its accumulator's period
 * @param receivedAt   when the usage was received
 * @param rated        the rating, as the engine would have answered it
 */
record CurrentRating(UUID ratedId, long seq, long arrivalOrder, Instant receivedAt, RatedUsage rated) {

    AccumulatorKey accumulator() {
        return rated.tiers().accumulator();
    }
}
