package io.accord.dispute.dispute;

import io.accord.platform.problem.ConflictException;
import io.accord.platform.security.Tenancy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The dispute aggregate: what is disputed and the guarded transitions OPEN → IN_REVIEW → RESOLUTION_PROPOSED →
 * ACCEPTED (the partner, or its silence on a credit) → RESOLVED → CLOSED; a partner's rejection of a proposal
 * records REJECTED and returns to IN_REVIEW; WITHDRAWN by the partner before a resolution; ESCALATED on an SLA breach or the partner's
 * request; PENDING_INFORMATION while staff await the partner's answer to a question (the resolution deadline paused).
 * Staff may assign it to one of them ({@link #assignee}, staff only). An illegal transition throws {@link ConflictException} (409 naming the state). Every transition is kept
 * in {@link #history}.
 */
final class Dispute {

    /** How a dispute came to be. */
    enum Source { PARTNER, RECONCILIATION }

    /**
     * A disputed item: {@code role} StatementLine, InvoiceLine, ReconciliationItem, ReconciliationDiscrepancy
     * ({@link ReconciliationDiscrepancies}), UsageRecord or Statement. {@code amount} is the statement line's own
     * amount (when known), {@code disputedAmount} what the partner disputes on it ({@code null}: not told per line).
     */
    record Item(String role, String refId, BigDecimal amount, BigDecimal disputedAmount) {

        Item(String role, String refId, BigDecimal amount) {
            this(role, refId, amount, null);
        }
    }

    /** Who made a step: the partner's user, our staff, or no one ({@code system}: a reconciliation, a timer). */
    static final String PARTNER = "PARTNER";
    static final String STAFF = "STAFF";
    static final String SYSTEM = "SYSTEM";

    /**
     * One state change: to which state, when, by whom ({@code side} {@link #PARTNER}, {@link #STAFF} or
     * {@link #SYSTEM}; {@code null} on changes recorded before it was kept, see {@link ActorNames}), why.
     */
    record StatusChange(String state, Instant at, String by, String reason, String side) {
    }

    /**
     * Finance's proposed adjustment; {@code amount} zero moves no money (the dispute is turned down). It stays on the
     * dispute until the next proposal replaces it, with its {@code state}: {@code proposed} (awaiting the partner),
     * {@code accepted} (by the partner, or its silence), {@code rejected} (with who rejected it, when and why) or
     * {@code withdrawn} (the partner withdrew the dispute while it awaited an answer).
     */
    record Proposal(String direction, BigDecimal amount, String reason, String proposedBy, Instant proposedAt,
                    String state, String rejectedBy, Instant rejectedAt, String rejectionReason) {

        static final String PROPOSED = "proposed";
        static final String ACCEPTED = "accepted";
        static final String REJECTED = "rejected";
        static final String WITHDRAWN = "withdrawn";

        /** Whether it charges the partner ({@code DEBIT_PARTNER}) rather than crediting it. */
        boolean debit() {
            return DEBIT_PARTNER.equals(direction);
        }

        /** A new proposal, awaiting the partner's answer. */
        Proposal(String direction, BigDecimal amount, String reason, String proposedBy, Instant proposedAt) {
            this(direction, amount, reason, proposedBy, proposedAt, PROPOSED, null, null, null);
        }

        Proposal rejected(String by, Instant at, String why) {
            return new Proposal(direction, amount, reason, proposedBy, proposedAt, REJECTED, by, at, why);
        }

        Proposal answered(String newState) {
            return new Proposal(direction, amount, reason, proposedBy, proposedAt, newState, null, null, null);
        }
    }

    final UUID id;
    final UUID partnerId;
    final Category category;
    final BigDecimal disputedAmount;
    final String currency;
    final String statementId;
    final Source source;
    final String reconciliationId;
    final List<Item> items;
    final String openedBy;
    final Instant openedAt;
    final Instant firstResponseDue;
    /** Moved on by the business days the dispute was {@link DisputeState#PENDING_INFORMATION}. */
    Instant resolutionDue;
    /** Since when the resolution deadline is paused (the dispute is pending information); {@code null}: it runs. */
    Instant resolutionPausedAt;
    /** The staff user working the dispute; {@code null}: nobody. Never shown to the partner. */
    String assignee;
    String description;
    DisputeState state;
    Instant firstRespondedAt;
    boolean firstResponseBreached;
    boolean resolutionBreached;
    String escalatedTo;
    String escalationReason;
    Proposal proposal;
    String rejectionReason;
    String outcome;
    String adjustmentId;
    String resolvedBy;
    Instant resolvedAt;
    Instant closedAt;
    List<StatusChange> history = new ArrayList<>();
    Instant updatedAt;
    long version;

    Dispute(UUID id, UUID partnerId, Category category, BigDecimal disputedAmount, String currency,
            String description, String statementId, Source source, String reconciliationId, List<Item> items,
            String openedBy, Instant openedAt, Instant firstResponseDue, Instant resolutionDue) {
        this.id = id;
        this.partnerId = partnerId;
        this.category = category;
        this.disputedAmount = disputedAmount;
        this.currency = currency;
        this.description = description;
        this.statementId = statementId;
        this.source = source;
        this.reconciliationId = reconciliationId;
        this.items = List.copyOf(items);
        this.openedBy = openedBy;
        this.openedAt = openedAt;
        this.firstResponseDue = firstResponseDue;
        this.resolutionDue = resolutionDue;
        this.state = DisputeState.OPEN;
        this.updatedAt = openedAt;
    }

    /** A newly opened dispute records its first status. */
    void opened() {
        history.add(new StatusChange(DisputeState.OPEN.tmf(), openedAt, openedBy, null,
                source == Source.PARTNER ? PARTNER : SYSTEM));
    }

    void describe(String description, Instant at) {
        requireOneOf("described", DisputeState.OPEN, DisputeState.IN_REVIEW, DisputeState.PENDING_INFORMATION);
        this.description = description;
        this.updatedAt = at;
    }

    /** Staff take the dispute up: its first response. */
    void startReview(String by, Instant at) {
        startReview(by, at, resolutionDue);
    }

    /**
     * Staff take the dispute up; one pending information is taken back without the partner's answer, its resolution
     * deadline running again from {@code resumedDue} (the deadline moved on by the business days it was paused).
     */
    void startReview(String by, Instant at, Instant resumedDue) {
        requireOneOf("reviewed", DisputeState.OPEN, DisputeState.ESCALATED, DisputeState.PENDING_INFORMATION);
        responded(at);
        resume(resumedDue);
        move(DisputeState.IN_REVIEW, by, STAFF, null, at);
    }

    /**
     * Staff ask the partner for information ({@code question}, which the partner sees as the step's reason): the
     * dispute awaits the partner and its resolution deadline is paused until the answer. An answer the partner sees,
     * so the first response.
     */
    void requestInformation(String by, String question, Instant at) {
        requireOneOf("asked for information", DisputeState.IN_REVIEW, DisputeState.ESCALATED);
        responded(at);
        this.resolutionPausedAt = at;
        move(DisputeState.PENDING_INFORMATION, by, STAFF, question, at);
    }

    /** The partner answers staff's question: back in review, the resolution deadline running from {@code resumedDue}. */
    void informationProvided(String by, Instant at, Instant resumedDue) {
        requireOneOf("given information", DisputeState.PENDING_INFORMATION);
        resume(resumedDue);
        move(DisputeState.IN_REVIEW, by, PARTNER, INFORMATION_PROVIDED, at);
    }

    /** The reason recorded for the partner's answer (the answer itself is in the thread). */
    static final String INFORMATION_PROVIDED = "information provided";

    private void resume(Instant resumedDue) {
        if (resolutionPausedAt != null) {
            this.resolutionDue = resumedDue;
            this.resolutionPausedAt = null;
        }
    }

    /**
     * Staff give the dispute to a staff user ({@code null}: to nobody) while it is not closed or withdrawn (a resolved
     * one still awaits its closure). No state changes and the partner is not shown it, so its last update stays.
     */
    void assign(String assignee) {
        if (!assignable()) {
            throw new ConflictException("Dispute " + id + " is " + state.tmf() + " and cannot be assigned");
        }
        this.assignee = assignee;
    }

    /** Whether it can be assigned: it is not closed or withdrawn. */
    boolean assignable() {
        return state != DisputeState.CLOSED && state != DisputeState.WITHDRAWN;
    }

    /**
     * A comment joins the thread until the dispute is closed or withdrawn (a resolved one still awaits its settlement
     * and closure); a staff comment answers the partner: it stops the first-response timer but changes no state.
     */
    void commented(boolean byStaff, Instant at) {
        if (state == DisputeState.CLOSED || state == DisputeState.WITHDRAWN) {
            throw new ConflictException("Dispute " + id + " is " + state.tmf()
                    + ": comments are added until it is closed or withdrawn");
        }
        if (byStaff) {
            responded(at);
        }
    }

    /**
     * Evidence is added while the dispute is worked; a staff upload answers the partner, who sees it on the ticket:
     * it stops the first-response timer (it did not, so a dispute answered with our evidence breached its SLA).
     */
    void evidenceAdded(boolean byStaff, Instant at) {
        if (!state.isOpen()) {
            throw new ConflictException("Dispute " + id + " is " + state.tmf()
                    + ": evidence is added while it is worked");
        }
        if (byStaff) {
            responded(at);
        }
    }

    /**
     * A staff answer the partner sees (a comment, evidence, a review, a proposal, an escalation): stops the
     * first-response timer but changes no state. An internal note is no answer: the partner never sees it.
     */
    void responded(Instant at) {
        if (firstRespondedAt == null) {
            firstRespondedAt = at;
        }
    }

    void propose(Proposal proposal) {
        requireOneOf("given a proposal", DisputeState.IN_REVIEW, DisputeState.ESCALATED);
        if (proposal.amount().signum() < 0) {
            throw new IllegalArgumentException("a proposal's amount is not negative");
        }
        responded(proposal.proposedAt());
        this.proposal = proposal;
        move(DisputeState.RESOLUTION_PROPOSED, proposal.proposedBy(), STAFF, proposal.reason(),
                proposal.proposedAt());
    }

    /** The partner (or its silence, by the system) accepts the proposal; then the dispute is resolved. */
    void accept(String by, String reason, String adjustmentId, Instant at) {
        requireOneOf("accepted", DisputeState.RESOLUTION_PROPOSED);
        String side = Tenancy.SYSTEM_ACTOR.equals(by) ? SYSTEM : PARTNER;
        move(DisputeState.ACCEPTED, by, side, reason, at);
        this.proposal = proposal.answered(Proposal.ACCEPTED);
        this.outcome = outcomeOf(proposal);
        this.adjustmentId = proposal.amount().signum() == 0 ? null : adjustmentId;
        this.resolvedBy = proposal.proposedBy();
        this.resolvedAt = at;
        move(DisputeState.RESOLVED, by, side, null, at);
    }

    /** A proposal of nothing turns the dispute down; nothing is owed the partner either. */
    static final String REJECTED = "REJECTED";
    /** The partner's claim was right, fully: a credit of the disputed amount (to the currency's minor unit). */
    static final String ACCEPTED = "ACCEPTED";
    /** The partner's claim was right in part: a credit below the disputed amount. */
    static final String PARTIALLY_ACCEPTED = "PARTIALLY_ACCEPTED";
    /**
     * The claim was not upheld and the partner, explicitly, accepted a charge against it (a {@code DEBIT_PARTNER}
     * proposal): it owes more, or is owed less. Never reached by silence ({@link #autoAcceptable}).
     */
    static final String COUNTER_CHARGED = "COUNTER_CHARGED";
    static final String DEBIT_PARTNER = "DEBIT_PARTNER";

    private String outcomeOf(Proposal accepted) {
        if (accepted.amount().signum() == 0) {
            return REJECTED;
        }
        if (DEBIT_PARTNER.equals(accepted.direction())) {
            return COUNTER_CHARGED;
        }
        return accepted.amount().compareTo(payableDisputedAmount()) >= 0 ? ACCEPTED : PARTIALLY_ACCEPTED;
    }

    /**
     * The disputed amount as settlement can pay it: rounded to the currency's minor unit (HALF_EVEN, as {@code Money}
     * rounds). A dispute may be opened with 6 decimals (50.123456 EUR) while a proposal is in minor units, so 50.12 is
     * the full amount of it; the largest proposal it takes.
     */
    BigDecimal payableDisputedAmount() {
        int digits = Math.max(0, java.util.Currency.getInstance(currency).getDefaultFractionDigits());
        return disputedAmount.setScale(digits, io.accord.contracts.value.Money.ROUNDING);
    }

    /**
     * How {@code adjusted} (a proposal's amount) goes to each disputed statement line: in proportion to what the
     * partner disputed on each ({@link LineShares}, in the currency's minor units, summing to it exactly); empty when
     * the dispute names no statement line or not every line's disputed amount (disputes over several lines opened
     * before V12, or without amounts per line).
     */
    java.util.Map<String, BigDecimal> lineShares(BigDecimal adjusted) {
        List<Item> lines = items.stream().filter(item -> DisputeOpening.STATEMENT_LINE.equals(item.role())).toList();
        if (lines.isEmpty() || lines.stream().anyMatch(line -> line.disputedAmount() == null)) {
            return java.util.Map.of();
        }
        java.util.Map<String, BigDecimal> disputed = new java.util.LinkedHashMap<>();
        lines.forEach(line -> disputed.merge(line.refId(), line.disputedAmount(), BigDecimal::max));
        int digits = Math.max(0, java.util.Currency.getInstance(currency).getDefaultFractionDigits());
        return LineShares.of(adjusted, disputed, Math.max(digits, adjusted.stripTrailingZeros().scale()));
    }

    /**
     * Whether the partner's silence accepts the pending proposal: a credit, or a proposal of nothing, yes; a charge
     * ({@code DEBIT_PARTNER}) only by the partner's explicit acceptance.
     */
    boolean autoAcceptable() {
        return state == DisputeState.RESOLUTION_PROPOSED && proposal != null
                && (!DEBIT_PARTNER.equals(proposal.direction()) || proposal.amount().signum() == 0);
    }

    /**
     * The partner turns the proposal down, with its reason: recorded as REJECTED, then back in review. The proposal
     * stays on the dispute as rejected (by whom, when, why) until finance proposes again.
     */
    void reject(String by, String reason, Instant at) {
        requireOneOf("rejected", DisputeState.RESOLUTION_PROPOSED);
        this.rejectionReason = reason;
        this.proposal = proposal.rejected(by, at, reason);
        move(DisputeState.REJECTED, by, PARTNER, reason, at);
        move(DisputeState.IN_REVIEW, by, PARTNER, reason, at);
    }

    void withdraw(String by, String reason, Instant at) {
        if (!state.isOpen()) {
            throw new ConflictException("Dispute " + id + " is " + state.tmf() + " and can no longer be withdrawn");
        }
        if (state == DisputeState.RESOLUTION_PROPOSED) {
            this.proposal = proposal.answered(Proposal.WITHDRAWN);
        }
        this.resolutionPausedAt = null;
        move(DisputeState.WITHDRAWN, by, PARTNER, reason, at);
    }

    /**
     * On the partner's request, staff's ({@code side} {@link #PARTNER} or {@link #STAFF}) or an SLA breach
     * ({@link #SYSTEM}): to {@code role}, alongside finance. Staff escalating is an answer the partner sees (the
     * first response); the partner's request or the breach is not.
     */
    void escalate(String role, String by, String side, String reason, Instant at) {
        requireOneOf("escalated", DisputeState.OPEN, DisputeState.IN_REVIEW);
        if (STAFF.equals(side)) {
            responded(at);
        }
        this.escalatedTo = role;
        this.escalationReason = reason;
        move(DisputeState.ESCALATED, by, side, reason, at);
    }

    /**
     * Closes a resolved dispute. One still being worked is not closed (409), whoever opened it, the partner or a
     * reconciliation on its behalf: closing would end the partner's claim without its answer and without an outcome
     * for settlement. The way to end one that moves no money is a proposal of 0, which the partner accepts (or its
     * silence does); the 409 says so.
     */
    void close(String by, Instant at) {
        if (state.isOpen()) {
            throw new ConflictException("Dispute " + id + " is " + state.tmf() + " and cannot be closed: only a "
                    + "resolved dispute is closed. To end it without moving money, take it into review and propose "
                    + "0 (POST " + DisputeResources.API + "/" + id + "/proposal); the partner's acceptance, or its "
                    + "silence, resolves it with outcome " + REJECTED + ", then it can be closed");
        }
        requireOneOf("closed", DisputeState.RESOLVED);
        this.closedAt = at;
        move(DisputeState.CLOSED, by, STAFF, null, at);
    }

    /** Whether the first-response deadline passed unanswered (and was not yet reported). */
    boolean firstResponseOverdue(Instant now) {
        return state.isOpen() && firstRespondedAt == null && !firstResponseBreached && !now.isBefore(firstResponseDue);
    }

    /** Whether the resolution deadline passed (and was not yet reported); never while it is paused. */
    boolean resolutionOverdue(Instant now) {
        return state.isOpen() && resolutionPausedAt == null && !resolutionBreached && !now.isBefore(resolutionDue);
    }

    /** Records that the {@code FIRST_RESPONSE} or {@code RESOLUTION} deadline passed; reported once. */
    void breached(String timer, Instant at) {
        if ("FIRST_RESPONSE".equals(timer)) {
            firstResponseBreached = true;
        } else {
            resolutionBreached = true;
        }
        this.updatedAt = at;
    }

    boolean canEscalate() {
        return state == DisputeState.OPEN || state == DisputeState.IN_REVIEW;
    }

    private void move(DisputeState to, String by, String side, String reason, Instant at) {
        this.state = to;
        this.updatedAt = at;
        history.add(new StatusChange(to.tmf(), at, by, reason, side));
    }

    private void requireOneOf(String action, DisputeState... allowed) {
        for (DisputeState candidate : allowed) {
            if (state == candidate) {
                return;
            }
        }
        throw new ConflictException("Dispute " + id + " is " + state.tmf() + " and cannot be " + action);
    }
}
