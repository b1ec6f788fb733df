package io.accord.settlement.note;

import io.accord.contracts.value.PartnerId;
import io.accord.platform.audit.AuditTrail;
import io.accord.platform.problem.ConflictException;
import io.accord.settlement.adjustment.DisputeAdjustments;
import io.accord.settlement.statement.Statements;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.UUID;

/**
 * Moves a pending dispute correction off a DRAFT statement onto a credit or debit note of its own, the way the
 * partner's {@code settleBy: NOTE} setting settles one at once: the way out when four-eyes leaves nobody to approve
 * the statement (its correction proposers and its preparer are all the finance users there are). In one transaction:
 * the draft is discarded (its corrections pending again), this one is settled by its note (drafted by {@code system},
 * {@code proposedBy} its proposer, who may not approve it), and the period is drafted again by the same preparer,
 * carrying the others; audited ({@code DisputeAdjustment}, {@code moved}). Anything refused leaves all as it was.
 */
@Service
class AdjustmentMoves {

    private final Statements statements;
    private final DisputeNotes notes;
    private final AuditTrail audit;

    AdjustmentMoves(Statements statements, DisputeNotes notes, AuditTrail audit) {
        this.statements = statements;
        this.notes = notes;
        this.audit = audit;
    }

    /**
     * 404: the statement does not carry the adjustment; 409: the statement is not a DRAFT (or was changed meanwhile),
     * cannot be discarded, or the correction cannot be settled by a note (it names no issued statement of the
     * partner, another currency, or more than that statement may still be corrected by).
     */
    @Transactional
    Moved moveToNote(UUID statementId, String adjustmentId, String by) {
        Statements.Released released = statements.releaseAdjustment(statementId, adjustmentId,
                "dispute correction " + adjustmentId + " moved off this draft onto its own note", by);
        DisputeAdjustments.Adjustment adjustment = released.adjustment();
        DisputeNotes.Outcome outcome = notes.settle(adjustment);
        if (outcome.note() == null) {
            throw new ConflictException("Dispute correction " + adjustmentId + " (dispute " + adjustment.disputeId()
                    + ") cannot move onto a note of its own: " + outcome.refusal() + "; nothing was changed");
        }
        Statements.View redrafted = statements.draft(released.statement().partnerId(),
                released.statement().periodId(), released.preparedBy());
        Placement before = new Placement(statementId, null, released.lineId(), null);
        Placement after = new Placement(null, outcome.note().id(), outcome.note().id() + "-1", redrafted.id());
        audit.record(new PartnerId(adjustment.partnerId()), "DisputeAdjustment", adjustmentId, "moved", before,
                after);
        return new Moved(adjustmentId, "NOTE", statementId, outcome.note(), redrafted);
    }

    /**
     * Where a correction was, in the audit trail.
     *
     * @param redraftedStatementId the period's new draft, which no longer carries it
     */
    private record Placement(UUID statementId, UUID noteId, String lineId, UUID redraftedStatementId) {
    }

    /**
     * A correction moved onto its note.
     *
     * @param discardedStatementId the draft it was taken off (DISCARDED)
     * @param note                 its credit or debit note, DRAFT, awaiting four-eyes approval
     * @param statement            the period's new draft without it
     */
    record Moved(String adjustmentId, String target, UUID discardedStatementId, CorrectionNotes.View note,
                 Statements.View statement) {
    }
}
