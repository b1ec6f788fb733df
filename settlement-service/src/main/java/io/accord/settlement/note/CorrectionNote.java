package io.accord.settlement.note;

import io.accord.platform.problem.ConflictException;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A credit or debit note correcting an issued statement, with guarded transitions: DRAFT → APPROVED (four-eyes:
 * never by its preparer, nor by whoever proposed the correction it carries) → ISSUED (with its gap-free number; never
 * changes afterwards), or DRAFT/APPROVED → WITHDRAWN (a wrong note finance discards before it becomes a document; an
 * issued one is a numbered document and is corrected by another note instead). Amounts are positive and at the
 * currency's minor unit; {@link Type} says whose favour they are in.
 */
final class CorrectionNote {

    enum State {
        DRAFT, APPROVED, ISSUED, WITHDRAWN;

        /** Whether a note in this state takes from what a statement may still be corrected by (not withdrawn). */
        boolean counts() {
            return this != WITHDRAWN;
        }
    }

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
    /**
     * Who proposed the correction when that is someone else than the preparer: the staff user whose dispute
     * resolution a note drafted by {@code system} carries ({@code null}: nobody else). Four-eyes holds against them
     * too, or the proposer of a dispute credit could approve its note themselves.
     */
    final String proposedBy;
    private State state;
    private String approvedBy;
    private Instant approvedAt;
    private String documentNumber;
    private String issuingEntityId;
    private Instant issuedAt;
    private String withdrawnBy;
    private Instant withdrawnAt;
    private String withdrawalReason;

    CorrectionNote(UUID id, Type type, UUID statementId, UUID partnerId, UUID periodId, String currency,
                   List<Line> lines, BigDecimal net, String taxRatePercent, BigDecimal tax, String taxNote,
                   BigDecimal total, String reason, String preparedBy, String proposedBy) {
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
        this.proposedBy = proposedBy;
        this.state = State.DRAFT;
    }

    /** A note as stored. */
    CorrectionNote restored(State state, String approvedBy, Instant approvedAt, String documentNumber,
                            String issuingEntityId, Instant issuedAt, String withdrawnBy, Instant withdrawnAt,
                            String withdrawalReason) {
        this.state = state;
        this.approvedBy = approvedBy;
        this.approvedAt = approvedAt;
        this.documentNumber = documentNumber;
        this.issuingEntityId = issuingEntityId;
        this.issuedAt = issuedAt;
        this.withdrawnBy = withdrawnBy;
        this.withdrawnAt = withdrawnAt;
        this.withdrawalReason = withdrawalReason;
        return this;
    }

    /** A second finance user approves the draft: neither its preparer nor the proposer of its correction (409). */
    void approve(String by, Instant at) {
        requireState(State.DRAFT, "approve");
        if (by == null || by.equals(preparedBy)) {
            throw new ConflictException("Note " + id + " was prepared by " + preparedBy
                    + ": another finance user must approve it (four-eyes)");
        }
        if (by.equals(proposedBy)) {
            throw new ConflictException("Note " + id + " carries a correction proposed by " + proposedBy
                    + " (a dispute's resolution): another finance user must approve it (four-eyes: whoever proposed "
                    + "a correction does not approve its note)");
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

    /**
     * Discards a draft or approved note: it never becomes a document and no longer takes from what the statement
     * may be corrected by. An issued note is a numbered document that stays: it is corrected by another note (409).
     */
    void withdraw(String by, String why, Instant at) {
        if (state == State.ISSUED) {
            throw new ConflictException("Note " + id + " is ISSUED as " + documentNumber + ": an issued note is not "
                    + "withdrawn; correct it with another note");
        }
        if (state != State.DRAFT && state != State.APPROVED) {
            throw new ConflictException("Cannot withdraw note " + id + ": it is " + state + ", not DRAFT or "
                    + "APPROVED");
        }
        state = State.WITHDRAWN;
        withdrawnBy = by;
        withdrawnAt = at;
        withdrawalReason = why;
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
    String withdrawnBy() { return withdrawnBy; }
    Instant withdrawnAt() { return withdrawnAt; }
    String withdrawalReason() { return withdrawalReason; }
}
