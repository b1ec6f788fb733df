package io.accord.settlement.statement;

import io.accord.contracts.value.Money;
import io.accord.platform.problem.ConflictException;
import io.accord.platform.problem.InvalidInputException;
import io.accord.platform.problem.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.accord.settlement.money.SettlementMath.atMinorUnit;

/**
 * A partner's statement for one period and its lifecycle, with guarded transitions: DRAFT → APPROVED (four-eyes:
 * never by its preparer) → ISSUED (with its gap-free number; from then on its lines and totals never change) ⇄ PAID
 * (PAID once its {@link #balance() balance} is exactly 0; a statement totalling zero is settled when it is issued,
 * since nothing is to be paid either way; an issued credit or debit note that leaves a PAID statement's balance
 * non-zero reopens it to ISSUED). A DRAFT or APPROVED statement found wrong is DISCARDED (kept, with who, when and
 * why), so that the period can be drafted again. Amounts are the rounded totals of its lines.
 */
final class Statement {

    enum State {
        DRAFT, APPROVED, ISSUED, PAID, DISCARDED;

        /** An issued document (what partners may see); drafts and approved statements are internal. */
        boolean issued() {
            return this == ISSUED || this == PAID;
        }
    }

    private final UUID id;
    private final UUID partnerId;
    private final UUID periodId;
    private final StatementLines.Lines lines;
    private final String preparedBy;
    private final String documentType;
    /** The partner's statement of the period discarded last when this one was drafted, else {@code null}. */
    private UUID replacesStatementId;
    /** The agreement versions it was computed with, oldest first; {@code null} when not known (before V90). */
    private List<Statements.AgreementVersion> agreements;
    private State state;
    private String approvedBy;
    private Instant approvedAt;
    private String documentNumber;
    private Instant issuedAt;
    private Money paid;
    private Money notes;
    private String discardedBy;
    private Instant discardedAt;
    private String discardReason;

    private Statement(UUID id, UUID partnerId, UUID periodId, StatementLines.Lines lines, String preparedBy,
                      String documentType) {
        this.id = id;
        this.documentType = documentType;
        this.partnerId = partnerId;
        this.periodId = periodId;
        this.lines = lines;
        this.preparedBy = preparedBy;
        this.state = State.DRAFT;
        this.paid = Money.zero(lines.total().currency());
        this.notes = Money.zero(lines.total().currency());
    }

    /** A statement as stored. */
    static Statement restore(UUID id, UUID partnerId, UUID periodId, StatementLines.Lines lines, String preparedBy,
                             String documentType, State state, String approvedBy, Instant approvedAt,
                             String documentNumber, Instant issuedAt, Money paid, Money notes, Discard discard,
                             UUID replacesStatementId, List<Statements.AgreementVersion> agreements) {
        Statement statement = new Statement(id, partnerId, periodId, lines, preparedBy, documentType);
        statement.replacesStatementId = replacesStatementId;
        statement.agreements = agreements == null ? null : List.copyOf(agreements);
        if (discard != null) {
            statement.discardedBy = discard.by();
            statement.discardedAt = discard.at();
            statement.discardReason = discard.reason();
        }
        statement.state = state;
        statement.approvedBy = approvedBy;
        statement.approvedAt = approvedAt;
        statement.documentNumber = documentNumber;
        statement.issuedAt = issuedAt;
        statement.paid = paid;
        statement.notes = notes;
        return statement;
    }

    /**
     * A draft of the lines composed for the partner's period; its document type follows from them and the business
     * model of the period's agreement ({@link DocumentTypes}), never from the sign of the total.
     */
    static Statement draft(UUID partnerId, UUID periodId, StatementLines.Lines lines, String preparedBy,
                           String businessModel) {
        return draft(partnerId, periodId, lines, preparedBy, businessModel, null);
    }

    /**
     * A draft of a period whose statement was discarded: it names the one it replaces (the period's statement
     * discarded last), so both say what changed between them.
     */
    static Statement draft(UUID partnerId, UUID periodId, StatementLines.Lines lines, String preparedBy,
                           String businessModel, UUID replacesStatementId) {
        return draft(partnerId, periodId, lines, preparedBy, businessModel, replacesStatementId, List.of());
    }

    /** The same, computed with the agreement versions in force during the period (kept with it, oldest first). */
    static Statement draft(UUID partnerId, UUID periodId, StatementLines.Lines lines, String preparedBy,
                           String businessModel, UUID replacesStatementId,
                           List<Statements.AgreementVersion> agreements) {
        Statement statement = new Statement(UUID.randomUUID(), partnerId, periodId, lines, preparedBy,
                DocumentTypes.of(businessModel, lines.lines()));
        statement.replacesStatementId = replacesStatementId;
        statement.agreements = List.copyOf(agreements);
        return statement;
    }

    /** The agreement versions it was computed with, oldest first; {@code null} when not known (before V90). */
    List<Statements.AgreementVersion> agreements() {
        return agreements;
    }

    /** Finance approves the draft; the preparer may not (four-eyes). */
    void approve(String by, Instant at) {
        requireState(State.DRAFT, "approve");
        if (by == null || by.equals(preparedBy)) {
            throw new ConflictException("Statement " + id + " was prepared by " + preparedBy
                    + ": another finance user must approve it (four-eyes)");
        }
        state = State.APPROVED;
        approvedBy = by;
        approvedAt = at;
    }

    /**
     * Four-eyes over what the statement carries: whoever proposed one of its dispute adjustments (the resolution the
     * partner accepted, carried as a line) may not approve the statement that pays it, as they may not approve a note
     * carrying it (409, nothing changes).
     *
     * @param proposers who proposed the dispute adjustments its lines carry
     */
    void refuseProposerAsApprover(String by, java.util.Collection<String> proposers) {
        if (by != null && proposers.contains(by)) {
            throw new ConflictException("Statement " + id + " carries a correction proposed by " + by
                    + " (a dispute's resolution): another finance user must approve it (four-eyes: whoever proposed "
                    + "a correction does not approve the statement that carries it; if nobody else can, move the "
                    + "correction onto its own note: see the statement's warnings)");
        }
    }

    /**
     * Issues the approved statement under its gap-free number; it never changes afterwards. One totalling zero is PAID
     * at once: nobody owes anything on it, and left ISSUED it would stay open (unpaid) for good.
     */
    void issue(String number, Instant at) {
        requireState(State.APPROVED, "issue");
        state = balance().amount().signum() == 0 ? State.PAID : State.ISSUED;
        documentNumber = number;
        issuedAt = at;
    }

    /**
     * Finance discards the DRAFT or APPROVED statement it found wrong, with its reason: it is never issued, and the
     * period may be drafted again. An issued statement is a document the partner holds: it is corrected with a credit
     * or debit note (409), as is one already discarded.
     */
    void discard(String by, String reason, Instant at) {
        if (state.issued()) {
            throw new ConflictException("Statement " + id + " is " + state + " as " + documentNumber
                    + ": issued statements are corrected with a credit or debit note, not discarded");
        }
        if (state == State.DISCARDED) {
            throw new ConflictException("Statement " + id + " was already discarded by " + discardedBy + " at "
                    + discardedAt);
        }
        state = State.DISCARDED;
        discardedBy = by;
        discardedAt = at;
        discardReason = reason;
    }

    /** Records a payment in the balance's direction; see {@link #recordPayment(Money, String)}. */
    Money recordPayment(Money amount) {
        return recordPayment(amount, null);
    }

    /**
     * Records a payment of the issued statement against its {@link #balance()}, and returns what remains (|balance|);
     * PAID once the balance is exactly 0. A payment goes the balance's way ({@link #remainingDirection()}): while we
     * owe the partner (balance &gt; 0) it is ours to the partner, while the partner owes us (balance &lt; 0) the
     * partner's to us. That is the statement's own {@link #direction()} until issued notes turn it (a credit note
     * issued after a receivable statement was paid in full: we owe the partner the credit). A statement totalling
     * zero has nothing to pay either way, and a payment the caller says goes the other way ({@code expectedDirection})
     * would be recorded as the opposite of what happened: both are refused (409) and change nothing, as is more than
     * what remains (422).
     *
     * @param expectedDirection {@code PAYABLE} or {@code RECEIVABLE} as the caller understands the payment,
     *                          {@code null}: the balance's
     */
    Money recordPayment(Money amount, String expectedDirection) {
        if (state.issued() && lines.total().amount().signum() == 0 && balance().amount().signum() == 0) {
            throw paymentConflict("Statement " + documentNumber + " totals " + shown(lines.total()) + " (net "
                    + shown(lines.net()) + "): nothing is payable to the partner and the partner owes nothing, so "
                    + "there is no payment to record");
        }
        requireState(State.ISSUED, "record a payment of");
        if (!amount.currency().equals(paid.currency())) {
            throw new InvalidInputException("currency", "Statement " + id + " is in " + paid.currency() + ", not "
                    + amount.currency());
        }
        if (amount.amount().signum() <= 0) {
            throw new InvalidInputException("amount", "amount must be positive");
        }
        String owed = remainingDirection();
        if (owed == null) {
            // PAID whenever the balance is 0; kept for a row changed by hand
            throw paymentConflict("Statement " + documentNumber + " has a balance of " + shown(balance())
                    + ": nothing remains to be paid either way");
        }
        if (expectedDirection != null && !expectedDirection.equals(owed)) {
            throw paymentConflict(notes.amount().signum() != 0 ? turnedByNotes(owed)
                    : "RECEIVABLE".equals(owed)
                    ? "Statement " + documentNumber + " is RECEIVABLE: its net is " + shown(lines.net()) + " (total "
                    + shown(lines.total()) + "), which the partner owes us; nothing is payable to the partner on it, "
                    + "so a payment to the partner (PAYABLE) cannot be recorded. Record the partner's payment "
                    + "(direction RECEIVABLE), or correct the statement with a credit note"
                    : "Statement " + documentNumber + " is PAYABLE: its net is " + shown(lines.net()) + " (total "
                    + shown(lines.total()) + "), which we owe the partner; the partner owes nothing on it, so a "
                    + "payment by the partner (RECEIVABLE) cannot be recorded. Record our payment (direction "
                    + "PAYABLE), or correct the statement with a debit note");
        }
        Money left = Money.of(balance().amount().abs(), paid.currency());
        if (left.minus(amount).isNegative()) {
            ProblemDetail problem = Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "over-payment", "Statement "
                    + documentNumber + " has " + shown(left) + " left to pay ("
                    + ("PAYABLE".equals(owed) ? "we owe the partner" : "the partner owes us") + "); a payment of "
                    + amount.amount().stripTrailingZeros().toPlainString() + " would over-pay it");
            problem.setProperty("remainingAmount", atMinorUnit(left).toPlainString());
            problem.setProperty("direction", owed);
            throw new ErrorResponseException(HttpStatus.UNPROCESSABLE_CONTENT, problem, null);
        }
        // paid is kept net in the statement's direction: a payment the other way (the balance turned by notes)
        // takes from it
        paid = owed.equals(direction()) ? paid.plus(amount) : paid.minus(amount);
        if (balance().amount().signum() == 0) {
            state = State.PAID;
        }
        return Money.of(balance().amount().abs(), paid.currency());
    }

    /**
     * Applies an issued credit or debit note of this statement, its total signed like the statement's (a credit note,
     * in the partner's favour, positive; a debit note negative), and returns the state before: the note changes the
     * {@link #balance()}, so an ISSUED statement it brings to exactly 0 becomes PAID, and a PAID one it leaves
     * non-zero is ISSUED again (reopened: what remains is then paid in the balance's direction). Only an issued
     * statement is corrected by a note (409).
     */
    State applyNote(Money signedTotal) {
        if (!state.issued()) {
            throw new ConflictException("Statement " + id + " is " + state + ": only an issued statement is corrected "
                    + "by a note");
        }
        State before = state;
        notes = notes.plus(signedTotal);
        state = balance().amount().signum() == 0 ? State.PAID : State.ISSUED;
        return before;
    }

    /**
     * What remains between us and the partner on this statement, signed like its total (positive: we owe the
     * partner; negative: the partner owes us): the total, plus the issued notes (a credit note +, a debit note −),
     * less the payments, each signed by its direction (ours to the partner −, the partner's to us +). The one rule
     * for what is due: payments, notes, KPIs and TMF678 all read it.
     */
    Money balance() {
        Money paidSigned = "PAYABLE".equals(direction()) ? paid : Money.zero(paid.currency()).minus(paid);
        return lines.total().plus(notes).minus(paidSigned);
    }

    /** Who pays what remains: {@code PAYABLE} (we pay the partner), {@code RECEIVABLE} (it pays us), or null. */
    String remainingDirection() {
        int sign = balance().amount().signum();
        return sign > 0 ? "PAYABLE" : sign < 0 ? "RECEIVABLE" : null;
    }

    private String turnedByNotes(String owed) {
        boolean toPartner = "PAYABLE".equals(owed);
        return "Statement " + documentNumber + " is " + direction() + " (total " + shown(lines.total())
                + "); its issued notes add " + shown(notes) + " and its payments come to " + shown(paid)
                + " net in its direction, so " + (toPartner ? "we owe the partner " : "the partner owes us ")
                + shown(Money.of(balance().amount().abs(), paid.currency())) + ": a payment "
                + (toPartner ? "by the partner (RECEIVABLE)" : "to the partner (PAYABLE)") + " cannot be recorded. "
                + "Record " + (toPartner ? "our payment (direction PAYABLE)" : "the partner's payment (direction "
                + "RECEIVABLE)");
    }

    private ErrorResponseException paymentConflict(String detail) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "conflict", detail);
        String owed = remainingDirection();
        problem.setProperty("direction", owed == null ? direction() : owed);
        problem.setProperty("netAmount", atMinorUnit(lines.net()).toPlainString());
        problem.setProperty("totalAmount", atMinorUnit(lines.total()).toPlainString());
        problem.setProperty("notesAmount", atMinorUnit(notes).toPlainString());
        problem.setProperty("remainingAmount",
                atMinorUnit(Money.of(balance().amount().abs(), paid.currency())).toPlainString());
        problem.setProperty("currency", lines.total().currency());
        return new ErrorResponseException(HttpStatus.CONFLICT, problem, null);
    }

    /** An amount at the currency's minor unit with its currency: {@code -2980.85 EUR}. */
    private static String shown(Money money) {
        return atMinorUnit(money).toPlainString() + " " + money.currency();
    }


    private void requireState(State required, String action) {
        if (state != required) {
            throw new ConflictException("Cannot " + action + " statement " + id + ": it is " + state + ", not "
                    + required);
        }
    }

    /**
     * The statement's own direction, as its document says: {@code PAYABLE} when we pay the partner (the total is not
     * negative), {@code RECEIVABLE} otherwise. What remains may go the other way ({@link #remainingDirection()}).
     */
    String direction() {
        return lines.total().isNegative() ? "RECEIVABLE" : "PAYABLE";
    }

    UUID id() { return id; }
    UUID partnerId() { return partnerId; }
    UUID periodId() { return periodId; }
    List<StatementLine> lines() { return lines.lines(); }
    StatementLines.Lines totals() { return lines; }
    String preparedBy() { return preparedBy; }
    /** What its document is ({@link DocumentTypes}): decided when drafted, whatever the sign of its total. */
    String documentType() { return documentType; }
    State state() { return state; }
    String approvedBy() { return approvedBy; }
    Instant approvedAt() { return approvedAt; }
    String documentNumber() { return documentNumber; }
    Instant issuedAt() { return issuedAt; }
    Money paid() { return paid; }
    Money notes() { return notes; }
    String discardedBy() { return discardedBy; }
    Instant discardedAt() { return discardedAt; }
    String discardReason() { return discardReason; }
    UUID replacesStatementId() { return replacesStatementId; }

    /** Who discarded a statement, when and why, as stored. */
    record Discard(String by, Instant at, String reason) {
    }
}
