package io.accord.rating.ingest;

import io.accord.rating.engine.RatedUsage;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Writes re-rating's corrections into the rated table (the outbox of {@code usage.rated.v1}) by the ledger's own
 * rules, in the caller's transaction: per correction a {@code REVERSAL} row (the current rating negated,
 * {@code reversal_of} = the current rating) followed by its {@code RERATED} replacement ({@code reversal_of} = the same
 * rating), sequence numbers taken under the one sequence lock so they are published in that order, and the rollups
 * moved by the exact difference (the reversal subtracts the old amounts and one record, the replacement adds the new
 * amounts and one record back). Nothing is updated in place. The caller adjusts the tier accumulators; a second
 * reversal of one rating fails on {@code usage_rated_one_correction} and rolls the caller's transaction back.
 */
public class RatedCorrections {

    private final LedgerWriter writer;
    private final Clock clock;

    RatedCorrections(LedgerWriter writer, Clock clock) {
        this.writer = writer;
        this.clock = clock;
    }

    /**
     * One rated record replaced.
     *
     * @param currentId    the rated id of the rating in force (a RATED or RERATED row), which is reversed
     * @param reversal     its reversal ({@link RatedUsage#reversal()}, or the engine's volume re-rating)
     * @param replacement  the new rating, kind {@code RERATED}
     * @param arrivalOrder the arrival order in its accumulator's period (the current rating's: it takes its place)
     * @param receivedAt   when the usage was received (the current rating's)
     */
    public record Correction(UUID currentId, RatedUsage reversal, RatedUsage replacement, long arrivalOrder,
                             Instant receivedAt) {
    }

    /** The rated ids written for a correction. */
    public record Written(UUID currentId, UUID reversalId, UUID replacementId) {
    }

    /** Writes the corrections, in their order; answers their new rated ids in the same order. */
    public List<Written> write(List<Correction> corrections) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("corrections are written in their caller's transaction; there is none");
        }
        Instant now = clock.instant();
        List<LedgerWriter.RatedRow> rows = new ArrayList<>(corrections.size() * 2);
        List<Written> written = new ArrayList<>(corrections.size());
        for (Correction correction : corrections) {
            if (correction.reversal().kind() != RatedUsage.Kind.REVERSAL
                    || correction.replacement().kind() != RatedUsage.Kind.RERATED) {
                throw new IllegalArgumentException("a correction is a REVERSAL and a RERATED record");
            }
            UUID reversalId = Ids.next(now);
            UUID replacementId = Ids.next(now);
            UsageLedger.Incoming incoming = new UsageLedger.Incoming(correction.replacement().usage(), null, null,
                    correction.receivedAt(), null, null);
            rows.add(new LedgerWriter.RatedRow(incoming, correction.reversal(), correction.arrivalOrder(),
                    reversalId, correction.currentId()));
            rows.add(new LedgerWriter.RatedRow(incoming, correction.replacement(), correction.arrivalOrder(),
                    replacementId, correction.currentId()));
            written.add(new Written(correction.currentId(), reversalId, replacementId));
        }
        writer.addRollups(rows, now);
        writer.writeRated(rows, now);
        return written;
    }
}
