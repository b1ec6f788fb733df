package io.accord.settlement.adjustment;

import io.accord.contracts.value.Money;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The money resolved disputes move (the feature's entry point): each {@code DisputeResolved} adjustment is kept as
 * pending for its partner until the partner's next drafted statement carries it as its own line. Drafting takes the
 * pending ones under a row lock and marks them carried in its own transaction, so an adjustment is on exactly one
 * statement, however often runs are re-run or resumed.
 */
@Service
public class DisputeAdjustments {

    private final AdjustmentStore store;
    private final Clock clock;

    DisputeAdjustments(AdjustmentStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * The partner's pending adjustments, oldest first, locked until the calling (drafting) transaction ends: a
     * concurrent draft for the same partner waits and then finds them carried.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Adjustment> lockPending(UUID partnerId) {
        return store.lockPending(partnerId);
    }

    /** Marks the adjustments carried by the statement, in the drafting transaction; each must still be pending. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void carry(List<String> adjustmentIds, UUID statementId) {
        if (adjustmentIds.isEmpty()) {
            return;
        }
        int carried = store.carry(adjustmentIds, statementId, clock.instant());
        if (carried != adjustmentIds.size()) {
            throw new IllegalStateException("only " + carried + " of the adjustments " + adjustmentIds
                    + " were still pending: another statement carries the others");
        }
    }

    /** Every adjustment of the partner, pending or carried, oldest first. */
    @Transactional(readOnly = true)
    public List<Adjustment> ofPartner(UUID partnerId) {
        return store.ofPartner(partnerId);
    }

    /**
     * A dispute's adjustment.
     *
     * @param direction   {@code CREDIT_PARTNER} (in the partner's favour) or {@code DEBIT_PARTNER}
     * @param amount      positive, as the dispute service sent it
     * @param statementId the statement that carries it, {@code null} while pending
     */
    public record Adjustment(String adjustmentId, String disputeId, UUID partnerId, String direction,
                             BigDecimal amount, String currency, String reason, String periodReference,
                             String statementReference, String outcome, Instant resolvedAt, Instant receivedAt,
                             UUID statementId, Instant carriedAt) {

        /** The amount signed from the partner's side: positive credits it, negative debits it. */
        public Money signedAmount() {
            return Money.of("DEBIT_PARTNER".equals(direction) ? amount.negate() : amount, currency);
        }

        public boolean pending() {
            return statementId == null;
        }
    }
}
