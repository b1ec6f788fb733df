package io.accord.rating.rerate;

import io.accord.rating.engine.AccumulatorKey;
import io.accord.rating.engine.RatedUsage;
import io.accord.rating.ingest.RatedCorrections;
import org.springframework.dao.IncorrectUpdateSemanticsDataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Applies corrections in the caller's transaction: the tier accumulators move by the difference in billed quantity
 * (a replacement takes its original's place in the period, so only a changed quantity moves it), then the reversal
 * and replacement rows and the rollups ({@link RatedCorrections}). Accumulator rows are locked in the ledger's
 * global order (sorted by key), before the rollups and the sequence row, as the pipeline does: concurrent writers
 * wait for each other but never deadlock.
 */
class Corrections {

    private static final Comparator<AccumulatorKey> ORDER = Comparator.comparing(AccumulatorKey::subscriberId)
            .thenComparing(AccumulatorKey::offeringId).thenComparing(AccumulatorKey::usageType)
            .thenComparing(key -> key.period().name()).thenComparing(AccumulatorKey::periodStart);

    private final JdbcClient jdbc;
    private final RatedCorrections corrections;
    private final Clock clock;

    Corrections(JdbcClient jdbc, RatedCorrections corrections, Clock clock) {
        this.jdbc = jdbc;
        this.corrections = corrections;
        this.clock = clock;
    }

    /** The current rating and what replaces it (same accumulator). */
    record Replacement(CurrentRating current, RatedUsage reversal, RatedUsage replacement) {
    }

    List<RatedCorrections.Written> apply(List<Replacement> replacements) {
        if (replacements.isEmpty()) {
            return List.of();
        }
        Map<AccumulatorKey, BigDecimal> deltas = new TreeMap<>(ORDER);
        List<RatedCorrections.Correction> rows = new ArrayList<>(replacements.size());
        for (Replacement replacement : replacements) {
            AccumulatorKey key = replacement.current().accumulator();
            if (!key.equals(replacement.replacement().tiers().accumulator())) {
                throw new IllegalArgumentException("a replacement stays in its original's accumulator");
            }
            deltas.merge(key, replacement.replacement().billedQuantity()
                    .subtract(replacement.current().rated().billedQuantity()), BigDecimal::add);
            rows.add(new RatedCorrections.Correction(replacement.current().ratedId(), replacement.reversal(),
                    replacement.replacement(), replacement.current().arrivalOrder(),
                    replacement.current().receivedAt()));
        }
        Timestamp now = Timestamp.from(clock.instant());
        deltas.forEach((key, delta) -> {
            int updated = jdbc.sql("""
                            update tier_accumulator set quantity = quantity + :delta, updated_at = :now
                            where subscriber_id = :subscriber and offering_id = :offering and usage_type = :type
                              and tier_period = :period and period_start = :start""")
                    .param("delta", delta).param("now", now).param("subscriber", key.subscriberId())
                    .param("offering", key.offeringId()).param("type", key.usageType())
                    .param("period", key.period().name()).param("start", key.periodStart()).update();
            if (updated != 1) {
                throw new IncorrectUpdateSemanticsDataAccessException("tier accumulator " + key
                        + " of a rated record does not exist");
            }
        });
        return corrections.write(rows);
    }
}
