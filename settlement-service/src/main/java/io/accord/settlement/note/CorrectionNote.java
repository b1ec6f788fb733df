package io.accord.settlement.note;

import io.accord.platform.problem.ConflictException;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A credit or debit note correcting an issued statement, with guarded transitions: DRAFT → APPROVED (four-eyes:
 * never by its preparer) → ISSUED (with its gap-free number; never changes afterwards). Amounts are positive and at
 * the currency's minor unit; {@link Type} says whose favour they are in.
 */
final class CorrectionNote {

    enum State { DRAFT, APPROVED, ISSUED }

    /** CREDIT_NOTE: in the partner's favour (we owe more, it owes less); DEBIT_NOTE: the other way. */
    enum Type {
        CREDIT_NOTE, DEBIT_NOTE;

        /** Positive amounts are payable to the partner on documents and events. */
        BigDecimal signed(BigDecimal amount) {
            return this == CREDIT_NOTE ? amount : amount.negate();
        }

        String direction() {
            return this == CREDIT_NOTE ? "PAYABLE" : "RECEIVABLE";
        }
    }

    /** @param statementLineNumber the corrected statement line (1, 2, ...), {@code null} when it names none */
    record Line(String label, BigDecimal amount, Integer statementLineNumber) {
    }

    final UUID id;
    final Type type;
    final UUID statementId;
    final UUID partnerId;
    final UUID periodId;
    final String currency;
    final List<Line> lines;
    final BigDecimal net;
    final String taxRatePercent;
    final BigDecimal tax;
    final String taxNote;
    final BigDecimal total;
    final String reason;
    final String preparedBy;
    private State state;
    private String approvedBy;
    private Instant approvedAt;
    private String documentNumber;
    private String issuingEntityId;
    private Instant issuedAt;

    CorrectionNote(UUID id, Type type, UUID statementId, UUID partnerId, UUID periodId, String currency,
                   List<Line> lines, BigDecimal net, String taxRatePercent, BigDecimal tax, String taxNote,
                   BigDecimal total, String reason, String preparedBy) {
        this.id = id;
        this.type = type;
        this.statementId = statementId;
        this.partnerId = partnerId;
        this.periodId = periodId;
        this.currency = currency;
        this.lines = List.copyOf(lines);
        this.net = net;
        this.taxRatePercent = taxRatePercent;
        this.tax = tax;
        this.taxNote = taxNote;
        this.total = total;
        this.reason = reason;
        this.preparedBy = preparedBy;
        this.state = State.DRAFT;
    }

    /** A note as stored. */
    CorrectionNote restored(State state, String approvedBy, Instant approvedAt, String documentNumber,
                            String issuingEntityId, Instant issuedAt) {
        this.state = state;
        this.approvedBy = approvedBy;
        this.approvedAt = approvedAt;
        this.documentNumber = documentNumber;
        this.issuingEntityId = issuingEntityId;
        this.issuedAt = issuedAt;
        return this;
    }

    void approve(String by, Instant at) {
        requireState(State.DRAFT, "approve");
        if (by == null || by.equals(preparedBy)) {
            throw new ConflictException("Note " + id + " was prepared by " + preparedBy
                    + ": another finance user must approve it (four-eyes)");
        }
        state = State.APPROVED;
        approvedBy = by;
        approvedAt = at;
    }

    void issue(String number, String entity, Instant at) {
        requireState(State.APPROVED, "issue");
        state = State.ISSUED;
        documentNumber = number;
        issuingEntityId = entity;
        issuedAt = at;
    }

    void requireState(State required, String action) {
        if (state != required) {
            throw new ConflictException("Cannot " + action + " note " + id + ": it is " + state + ", not "
                    + required);
        }
    }

    State state() { return state; }
    String approvedBy() { return approvedBy; }
    Instant approvedAt() { return approvedAt; }
    String documentNumber() { return documentNumber; }
    String issuingEntityId() { return issuingEntityId; }
    Instant issuedAt() { return issuedAt; }
}
