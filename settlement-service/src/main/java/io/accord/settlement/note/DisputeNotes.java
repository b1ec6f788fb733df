package io.accord.settlement.note;

import io.accord.contracts.value.Money;
import io.accord.platform.security.Tenancy;
import io.accord.settlement.adjustment.DisputeAdjustments;
import io.accord.settlement.statement.Statements;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Settles a dispute adjustment at once on a note of its own when the partner's setting says
 * {@link DisputeAdjustments.SettleBy#NOTE}: a credit adjustment becomes a credit note, a debit adjustment a debit
 * note, correcting the disputed statement, drafted by {@code system} in the transaction that received the
 * adjustment, so a finance user approves it (four-eyes) and issues it like any note. An adjustment that names no
 * issued statement of its partner, is in another currency than that statement, or rounds to nothing at the minor
 * unit, stays pending for the partner's next statement (logged).
 */
@Component
class DisputeNotes {

    private static final Logger log = LoggerFactory.getLogger(DisputeNotes.class);
    private static final Set<String> CORRECTABLE = Set.of("ISSUED", "PAID");

    private final DisputeAdjustments adjustments;
    private final Statements statements;
    private final CorrectionNotes notes;

    DisputeNotes(DisputeAdjustments adjustments, Statements statements, CorrectionNotes notes) {
        this.adjustments = adjustments;
        this.statements = statements;
        this.notes = notes;
    }

    @EventListener
    void on(DisputeAdjustments.Received received) {
        DisputeAdjustments.Adjustment adjustment = received.adjustment();
        if (adjustments.settleBy(adjustment.partnerId()) != DisputeAdjustments.SettleBy.NOTE) {
            return;
        }
        Outcome outcome = settle(adjustment);
        if (outcome.note() == null) {
            log.warn("Dispute {} adjustment {} is not settled by a note ({}): it waits for the partner's next "
                    + "statement", adjustment.disputeId(), adjustment.adjustmentId(), outcome.refusal());
        }
    }

    /**
     * Settles the pending adjustment on a note of its own, drafted by {@code system} with its proposer as
     * {@code proposedBy}, in the caller's transaction; or says why it cannot (nothing changed then).
     */
    Outcome settle(DisputeAdjustments.Adjustment adjustment) {
        Optional<Statements.View> corrected = statement(adjustment.statementReference())
                .filter(statement -> statement.partnerId().equals(adjustment.partnerId()));
        if (corrected.isEmpty() || !CORRECTABLE.contains(corrected.get().state())) {
            return Outcome.refused("it names no issued statement of the partner to correct");
        }
        Statements.View statement = corrected.get();
        if (!statement.currency().equals(adjustment.currency())) {
            return Outcome.refused("it is in " + adjustment.currency() + ", the statement in "
                    + statement.currency());
        }
        BigDecimal amount = adjustment.amount().setScale(
                Currency.getInstance(adjustment.currency()).getDefaultFractionDigits(), RoundingMode.HALF_EVEN);
        if (amount.signum() <= 0) {
            return Outcome.refused("it is less than the currency's minor unit");
        }
        boolean credit = "CREDIT_PARTNER".equals(adjustment.direction());
        String type = credit ? "CREDIT_NOTE" : "DEBIT_NOTE";
        String label = "Dispute " + adjustment.disputeId() + " adjustment " + adjustment.adjustmentId() + " ("
                + (credit ? "credit" : "debit") + ")";
        String own = adjustment.reasonWithoutDispute();
        String reason = "Dispute " + adjustment.disputeId() + " resolved" + (own == null ? "" : ": " + own);
        List<CorrectionNotes.DraftLine> lines = lines(adjustment, statement.id(), label, amount);
        Optional<NoteCeilings.Refusal> refusal = notes.refusal(statement.id(), type, lines);
        if (refusal.isPresent()) {
            // refused inside the inbox transaction, the adjustment would be retried and dead-lettered: kept instead
            return Outcome.refused(refusal.get().detail());
        }
        CorrectionNotes.View note = notes.draft(statement.id(), type, cut(reason, 1000), lines,
                Tenancy.SYSTEM_ACTOR, adjustment.resolvedBy());
        adjustments.settleByNote(placed(adjustment, note.id(), lines, credit), note.id(), type);
        log.info("Dispute {} adjustment {} is settled by {} {} correcting statement {}", adjustment.disputeId(),
                adjustment.adjustmentId(), type, note.id(), statement.id());
        return new Outcome(note, null);
    }

    /**
     * The note's lines: the whole amount on one, or, when the dispute split it by statement line, one line per
     * disputed line with its share (at the minor unit, summing to the amount exactly), each correcting that line.
     */
    private static List<CorrectionNotes.DraftLine> lines(DisputeAdjustments.Adjustment adjustment, UUID statementId,
                                                         String label, BigDecimal amount) {
        if (adjustment.lines().isEmpty()) {
            return List.of(new CorrectionNotes.DraftLine(cut(label, 500), amount, null));
        }
        return adjustment.shares().stream().filter(share -> share.amount().amount().signum() != 0)
                .map(share -> {
                    Integer number = lineNumber(statementId, share.statementLineId());
                    // a line of the statement prints "(corrects line n)"; any other is named
                    String named = number != null ? label : label + " on statement line " + share.statementLineId();
                    return new CorrectionNotes.DraftLine(cut(named, 500), share.amount().amount().abs(), number);
                })
                .toList();
    }

    /**
     * Where the note carries the adjustment: its lines in order ({@code <note id>-<n>}), each with the disputed
     * statement line whose share it corrects ({@code null}: not split), signed from the partner's side.
     */
    private static DisputeAdjustments.Placed placed(DisputeAdjustments.Adjustment adjustment, UUID noteId,
                                                    List<CorrectionNotes.DraftLine> lines, boolean credit) {
        List<DisputeAdjustments.Share> shares = adjustment.lines().isEmpty() ? List.of()
                : adjustment.shares().stream().filter(share -> share.amount().amount().signum() != 0).toList();
        List<DisputeAdjustments.PlacedLine> placed = new java.util.ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            BigDecimal amount = lines.get(i).amount();
            placed.add(new DisputeAdjustments.PlacedLine(noteId + "-" + (i + 1),
                    shares.isEmpty() ? null : shares.get(i).statementLineId(),
                    Money.of(credit ? amount : amount.negate(), adjustment.currency())));
        }
        return DisputeAdjustments.Placed.on(adjustment.adjustmentId(), placed);
    }

    /** The number of the statement's line {@code <statement id>-<n>}, or {@code null} when it is not one of its. */
    private static Integer lineNumber(UUID statementId, String statementLineId) {
        String prefix = statementId + "-";
        if (statementLineId == null || !statementLineId.startsWith(prefix)) {
            return null;
        }
        try {
            return Integer.valueOf(statementLineId.substring(prefix.length()));
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    /** The note that settles an adjustment, or why none does ({@code note} then {@code null}). */
    record Outcome(CorrectionNotes.View note, String refusal) {

        static Outcome refused(String why) {
            return new Outcome(null, why);
        }
    }

    private Optional<Statements.View> statement(String reference) {
        if (reference == null) {
            return Optional.empty();
        }
        try {
            return statements.find(UUID.fromString(reference.strip()));
        } catch (IllegalArgumentException notAStatementId) {
            return Optional.empty();
        }
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
