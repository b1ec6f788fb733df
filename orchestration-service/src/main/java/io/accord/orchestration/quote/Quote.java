package io.accord.orchestration.quote;

import io.accord.platform.problem.ConflictException;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The quote aggregate: its items priced at quote time, the manual discount and whether it exceeds the limit of
 * the role that set it, and the guarded transitions inProgress → approved → accepted, with rejected and expired
 * from either open state. An illegal transition throws ({@link ConflictException}, a 409 naming the state).
 */
final class Quote {

    /** How an approval happened: the discount was within the setter's limit, or a partner manager decided. */
    enum Approval { AUTO, MANAGER }

    final UUID id;
    final UUID buyerPartnerId;
    final String salesChannel;
    final String customerId;
    final String customerName;
    final Instant createdAt;
    final String createdBy;
    String description;
    String externalId;
    QuoteState state;
    BigDecimal discountPercent;
    boolean discountNeedsApproval;
    List<QuotePricing.Line> lines;
    List<QuotePricing.Total> totals;
    Instant pricedAt;
    Instant validUntil;
    Approval approval;
    /** Who last set the items and discount: the creator, or whoever changed them since. */
    String pricedBy;
    /**
     * Everyone who ever set what determines its price (items, quantities, characteristics, discount): the creator
     * first, then each who changed them, once, in the order they first did (V47). None of them approves it.
     */
    List<String> editedBy = List.of();
    /** Who approved it (kept after the acceptance, which {@link #decidedBy} then names). */
    String approvedBy;
    String decidedBy;
    String stateReason;
    Instant stateChangedAt;
    Instant updatedAt;
    long version;

    Quote(UUID id, UUID buyerPartnerId, String salesChannel, String customerId, String customerName,
          Instant createdAt, String createdBy) {
        this.id = id;
        this.buyerPartnerId = buyerPartnerId;
        this.salesChannel = salesChannel;
        this.customerId = customerId;
        this.customerName = customerName;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
        this.state = QuoteState.IN_PROGRESS;
        this.stateChangedAt = createdAt;
        this.updatedAt = createdAt;
    }

    /**
     * New items, discount or validity: only while the quote is in progress. {@code by} set its price and is one of
     * its {@link #preparers()} from now on, however many changes later.
     */
    void price(QuotePricing.Priced priced, BigDecimal discount, boolean needsApproval, Instant at, Instant until,
               String by) {
        require(QuoteState.IN_PROGRESS, "changed");
        this.pricedBy = by;
        if (by != null && !editedBy.contains(by)) {
            List<String> more = new java.util.ArrayList<>(editedBy);
            more.add(by);
            this.editedBy = List.copyOf(more);
        }
        this.lines = priced.lines();
        this.totals = priced.totals();
        this.discountPercent = discount;
        this.discountNeedsApproval = needsApproval;
        this.pricedAt = at;
        this.validUntil = until;
        this.updatedAt = at;
    }

    void describe(String description, String externalId, Instant at) {
        require(QuoteState.IN_PROGRESS, "changed");
        this.description = description;
        this.externalId = externalId;
        this.updatedAt = at;
    }

    /**
     * A discount above the limit of the role that set it is approved by a partner manager (409 for anyone else)
     * who neither created the quote nor ever set its items or discount (four-eyes, 403 naming who may).
     *
     * @param manager whether the approver is a partner manager (needed when the discount is above the limit)
     */
    void approve(String by, boolean manager, Instant at) {
        require(QuoteState.IN_PROGRESS, "approved");
        requireValid(at);
        if (discountNeedsApproval && !manager) {
            throw new ConflictException("Quote " + id + " has a discount of " + discount() + "% above the limit of"
                    + " the role that set it: a partner manager other than " + String.join(", ", preparers())
                    + " approves it");
        }
        if (discountNeedsApproval && by != null && preparers().contains(by)) {
            throw new QuoteFourEyes("Quote " + id + " with a discount of " + discount() + "% above the limit of the"
                    + " role that set it was " + (by.equals(createdBy) ? "created" : "changed") + " by " + by
                    + ": another partner-manager than " + String.join(", ", preparers()) + " must approve it"
                    + " (four-eyes)");
        }
        this.approval = discountNeedsApproval ? Approval.MANAGER : Approval.AUTO;
        this.approvedBy = by;
        move(QuoteState.APPROVED, by, null, at);
    }

    /**
     * The buyer accepts. CSP staff accept a sales channel's quote as its buyer; one whose discount a manager had to
     * approve is accepted by none of those who created it, ever set its items or discount, or approved it
     * (four-eyes, 403).
     */
    void accept(String by, boolean staffForTheBuyer, Instant at) {
        require(QuoteState.APPROVED, "accepted");
        requireValid(at);
        if (staffForTheBuyer && approval == Approval.MANAGER && by != null) {
            java.util.Set<String> involved = new java.util.LinkedHashSet<>(preparers());
            if (approvedBy != null) {
                involved.add(approvedBy);
            }
            if (involved.contains(by)) {
                throw new QuoteFourEyes("Quote " + id + " has a discount of " + discount() + "% a manager approved:"
                        + " " + by + " created, changed or approved it and cannot also accept it for the buyer;"
                        + " another CSP staff user than " + String.join(", ", involved) + " accepts it (four-eyes)");
            }
        }
        move(QuoteState.ACCEPTED, by, null, at);
    }

    /**
     * Who set this quote's price: its creator and everyone who ever set its items or discount ({@link #editedBy}),
     * not only the last of them; a description or externalId changes no price and makes no preparer.
     */
    java.util.Set<String> preparers() {
        java.util.Set<String> preparers = new java.util.LinkedHashSet<>();
        if (createdBy != null) {
            preparers.add(createdBy);
        }
        preparers.addAll(editedBy);
        if (pricedBy != null) {
            preparers.add(pricedBy);
        }
        return preparers;
    }

    private String discount() {
        return discountPercent.stripTrailingZeros().toPlainString();
    }

    void reject(String by, String reason, Instant at) {
        if (!state.isOpen()) {
            throw new ConflictException("Quote " + id + " is " + state.tmf() + " and can no longer be rejected");
        }
        move(QuoteState.REJECTED, by, reason, at);
    }

    /** Past its validity end an open quote expires (the expiry job); before, or once decided, it cannot. */
    void expire(Instant at) {
        if (!state.isOpen() || at.isBefore(validUntil)) {
            throw new ConflictException("Quote " + id + " is " + state.tmf() + " and valid until " + validUntil);
        }
        move(QuoteState.EXPIRED, null, "validity ended at " + validUntil, at);
    }

    private void move(QuoteState to, String by, String reason, Instant at) {
        this.state = to;
        this.decidedBy = by;
        this.stateReason = reason;
        this.stateChangedAt = at;
        this.updatedAt = at;
    }

    private void require(QuoteState expected, String action) {
        if (state != expected) {
            throw new ConflictException("Quote " + id + " is " + state.tmf() + ": only an " + expected.tmf()
                    + " quote can be " + action);
        }
    }

    private void requireValid(Instant at) {
        if (!at.isBefore(validUntil)) {
            throw new ConflictException("Quote " + id + " was valid until " + validUntil);
        }
    }
}
