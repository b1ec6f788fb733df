package io.accord.catalog.offering;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.FetchType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.BatchSize;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * A product offering (TMF620) and its lifecycle: DRAFT → IN_REVIEW → APPROVED | REJECTED → LAUNCHED → RETIRED.
 * Its definition is the normalized {@link OfferingDraft} (kept as JSON, what export writes); the columns beside it
 * are what lists filter and tenancy checks on. A launched offering is never changed in place: a change waits as a
 * pending revision until a partner manager (or the auto-approval policy) approves it.
 */
@Entity
@Table(name = "product_offering")
class ProductOffering {

    /** Where a co-creator named on the offering accepts or declines. */
    static final String CO_CREATION_DECISION = "/api/catalog/offerings/{id}/co-creation/decision";

    /** What kind of change of a launched offering waits for review. */
    enum Change { NEW_VERSION, NEW_PRICE_VERSION }

    @Id
    private UUID id;
    private String ownerKey;
    private UUID partnerId;
    private String externalId;
    private String name;
    private String description;
    private boolean isBundle;
    private UUID categoryId;
    private String categoryCode;
    private UUID specificationId;
    private Instant validFrom;
    private Instant validTo;
    @Enumerated(EnumType.STRING)
    private OfferingStatus status;
    private int offeringVersion;
    private String definition;
    @Enumerated(EnumType.STRING)
    private Change pendingChange;
    private String pendingDefinition;
    private String statusReason;
    @Enumerated(EnumType.STRING)
    private Change rejectedChange;
    private String rejectedChangeReason;
    private Instant rejectedChangeAt;
    @Enumerated(EnumType.STRING)
    private Change withdrawnChange;
    private String withdrawnChangeBy;
    private Instant withdrawnChangeAt;
    private Instant launchAt;
    private Instant submittedAt;
    private String submittedBy;
    private String createdBy;
    /** Who changed the draft after its creation, each once in the order they first did (V40); none approves it. */
    private String[] editedBy = new String[0];
    private Instant decidedAt;
    private String decidedBy;
    private Instant launchedAt;
    private Instant retiredAt;
    private Instant createdAt;
    private Instant lastUpdate;
    @Version
    private Long version;
    // eager in batches: views are built after the transaction, and a page of offerings loads these in few queries
    @ElementCollection(fetch = FetchType.EAGER)
    @BatchSize(size = 100)
    @CollectionTable(name = "offering_participant", joinColumns = @JoinColumn(name = "offering_id"))
    @OrderColumn(name = "position")
    private List<OfferingParticipant> participants = new ArrayList<>();
    @ElementCollection(fetch = FetchType.EAGER)
    @BatchSize(size = 100)
    @CollectionTable(name = "offering_bundle_component", joinColumns = @JoinColumn(name = "bundle_id"))
    @OrderColumn(name = "position")
    @Column(name = "component_id")
    private List<UUID> components = new ArrayList<>();

    protected ProductOffering() {
    }

    ProductOffering(Owner owner, String externalId, String createdBy, Instant now) {
        this.id = UUID.randomUUID();
        this.createdBy = createdBy;
        this.ownerKey = owner.key();
        this.partnerId = owner.partnerId();
        this.externalId = externalId;
        this.status = OfferingStatus.DRAFT;
        this.offeringVersion = 1;
        this.createdAt = now;
    }

    /**
     * Sets the definition of an offering that is not launched yet; a rejected one returns to DRAFT. A partner named
     * as co-creator of a partner's offering by {@code by} (or with another share than it accepted) is pending until
     * one of its admins accepts; the CSP's co-creators take part at once (their terms are agreed at onboarding).
     */
    void define(OfferingDefinition definition, String by, Instant now) {
        requireStatus("change", OfferingStatus.DRAFT, OfferingStatus.REJECTED);
        apply(definition, partnerId != null, by, now);
        status = OfferingStatus.DRAFT;
        statusReason = null;
        lastUpdate = now;
    }

    /**
     * Changes the definition of an offering that is not launched yet (a rejected one returns to DRAFT); {@code by}
     * changed its content and may not approve it (four-eyes), however many changes later.
     */
    void redefine(OfferingDefinition definition, String by, Instant now) {
        define(definition, by, now);
        if (by != null && !editors().contains(by)) {
            String[] more = Arrays.copyOf(editedBy, editedBy.length + 1);
            more[editedBy.length] = by;
            editedBy = more;
        }
    }

    /**
     * Guards a change through the API: a draft (or rejected) offering changes in place, a launched one takes a
     * revision for review; in any other status (in review, approved, retired) it cannot change.
     */
    void requireChangeable() {
        requireStatus("change", OfferingStatus.DRAFT, OfferingStatus.REJECTED, OfferingStatus.LAUNCHED);
    }

    /** The owner submits it for review; {@code by} may not approve it (four-eyes). */
    void submit(String by, Instant now) {
        requireStatus("submit", OfferingStatus.DRAFT, OfferingStatus.REJECTED);
        List<UUID> pending = pendingParticipantIds();
        if (!pending.isEmpty()) {
            throw new IllegalStateException("cannot submit offering " + id + ": co-creators " + pending
                    + " have not accepted their share yet (each one's partner admin accepts or declines at POST "
                    + CO_CREATION_DECISION.replace("{id}", id.toString()) + ", or the draft drops them)");
        }
        status = OfferingStatus.IN_REVIEW;
        statusReason = null;
        submittedAt = now;
        submittedBy = by;
        lastUpdate = now;
    }

    /** A partner manager (or the policy) approves; it launches at {@code launchAt}, or at once when that is null. */
    void approve(String by, Instant launchAt, Instant now) {
        requireStatus("approve", OfferingStatus.IN_REVIEW);
        requireApprover(by);
        status = OfferingStatus.APPROVED;
        this.launchAt = launchAt;
        decidedBy = by;
        decidedAt = now;
        lastUpdate = now;
    }

    void reject(String by, String reason, Instant now) {
        requireStatus("reject", OfferingStatus.IN_REVIEW);
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a rejection needs a reason");
        }
        status = OfferingStatus.REJECTED;
        statusReason = reason.strip();
        decidedBy = by;
        decidedAt = now;
        lastUpdate = now;
    }

    boolean isDueForLaunch(Instant now) {
        return status == OfferingStatus.APPROVED && (launchAt == null || !launchAt.isAfter(now));
    }

    void launch(Instant now) {
        requireStatus("launch", OfferingStatus.APPROVED);
        if (launchAt != null && launchAt.isAfter(now)) {
            throw new IllegalStateException("offering " + id + " launches at " + launchAt + ", not before");
        }
        status = OfferingStatus.LAUNCHED;
        launchedAt = now;
        lastUpdate = now;
    }

    /**
     * A launched offering changes only through a revision that waits for review; {@code by} proposed it and may not
     * approve it (four-eyes). A change already waiting is decided first: a second one never replaces it unseen.
     */
    void propose(Change change, String pending, String by, Instant now) {
        requireStatus("revise", OfferingStatus.LAUNCHED);
        if (pendingChange != null) {
            throw new IllegalStateException(changeWaiting());
        }
        pendingChange = change;
        pendingDefinition = pending;
        submittedAt = now;
        submittedBy = by;
        lastUpdate = now;
    }

    /** The pending revision becomes the definition; a new version when more than prices changed. */
    void approveRevision(OfferingDefinition definition, String by, Instant now) {
        requireRevision();
        requireApprover(by);
        if (pendingChange == Change.NEW_VERSION) {
            offeringVersion++;
        }
        // a reviewed change of a launched offering: no co-creator is left pending on a launched offering
        apply(definition, false, submittedBy, now);
        pendingChange = null;
        pendingDefinition = null;
        decidedBy = by;
        decidedAt = now;
        lastUpdate = now;
    }

    /**
     * The pending revision is dropped; the offering stays launched as it was. The reason belongs to the rejected
     * change, not to the offering's status: it is kept as the offering's last rejected change.
     */
    void rejectRevision(String by, String reason, Instant now) {
        requireRevision();
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a rejection needs a reason");
        }
        rejectedChange = pendingChange;
        rejectedChangeReason = reason.strip();
        rejectedChangeAt = now;
        pendingChange = null;
        pendingDefinition = null;
        decidedBy = by;
        decidedAt = now;
        lastUpdate = now;
    }

    /**
     * Whoever may change the offering takes its change back before a partner manager decides it: the change is
     * dropped unapplied and kept as the offering's last withdrawn change; the offering stays launched as it was. Not
     * a decision: the offering's last decision (and the review lead time) stays as it was.
     */
    void withdrawRevision(String by, Instant now) {
        if (pendingChange == null) {
            throw new IllegalStateException("cannot withdraw the change of offering " + id + ": no change waits for "
                    + "review (the offering is " + status + lastClosedChange() + ")");
        }
        withdrawnChange = pendingChange;
        withdrawnChangeBy = by;
        withdrawnChangeAt = now;
        pendingChange = null;
        pendingDefinition = null;
        lastUpdate = now;
    }

    /** What became of the offering's last change that was not approved, for a refusal naming its state. */
    private String lastClosedChange() {
        boolean withdrawnLast = withdrawnChangeAt != null
                && (rejectedChangeAt == null || withdrawnChangeAt.isAfter(rejectedChangeAt));
        if (withdrawnLast) {
            return "; its last change, " + withdrawnChange + ", was WITHDRAWN at " + withdrawnChangeAt;
        }
        if (rejectedChangeAt != null) {
            return "; its last change" + (rejectedChange == null ? "" : ", " + rejectedChange) + ", was REJECTED at "
                    + rejectedChangeAt;
        }
        return "";
    }

    void retire(String reason, Instant now) {
        requireStatus("retire", OfferingStatus.LAUNCHED, OfferingStatus.APPROVED);
        status = OfferingStatus.RETIRED;
        pendingChange = null;
        pendingDefinition = null;
        statusReason = reason;
        retiredAt = now;
        lastUpdate = now;
    }

    /** Whether it was ever launched (a retired offering may have been retired while still only approved). */
    boolean wasLaunched() {
        return launchedAt != null;
    }

    boolean isDeletable() {
        return status == OfferingStatus.DRAFT || status == OfferingStatus.REJECTED;
    }

    boolean inReview() {
        return status == OfferingStatus.IN_REVIEW || pendingChange != null;
    }

    /** Launched and within its validity at {@code instant}. */
    boolean isLaunchedAt(Instant instant) {
        return status == OfferingStatus.LAUNCHED && (validFrom == null || !validFrom.isAfter(instant))
                && (validTo == null || validTo.isAfter(instant));
    }

    /**
     * A co-creator's partner admin accepts its share: it takes part in the draft (sees it, and is bound by its share
     * once launched).
     */
    void acceptCoCreation(UUID partner, String by, Instant now) {
        invitation(partner, "accept").accept(by, now);
        lastUpdate = now;
    }

    /**
     * A co-creator's partner admin declines: it leaves the draft, whose definition ({@code withoutIt}, the draft
     * without it) no longer names it.
     */
    void declineCoCreation(UUID partner, String withoutIt, Instant now) {
        OfferingParticipant declined = invitation(partner, "decline");
        participants.remove(declined);
        definition = withoutIt;
        lastUpdate = now;
    }

    private OfferingParticipant invitation(UUID partner, String action) {
        requireStatus(action + " the co-creation of", OfferingStatus.DRAFT, OfferingStatus.REJECTED);
        OfferingParticipant row = participants.stream().filter(p -> p.partnerId().equals(partner)).findFirst()
                .orElseThrow(() -> new IllegalStateException("partner " + partner + " is no co-creator of offering "
                        + id));
        if (row.consent() != OfferingParticipant.Consent.PENDING) {
            throw new IllegalStateException("cannot " + action + " the co-creation of offering " + id + ": partner "
                    + partner + " accepted it already (" + row.consentedBy() + ", " + row.consentedAt() + ")");
        }
        return row;
    }

    /**
     * @param consentNeeded whether a new co-creator (or one with another share) waits for its consent; one named
     *                      again with the share it was invited to (or accepted) keeps its state
     */
    private void apply(OfferingDefinition d, boolean consentNeeded, String by, Instant now) {
        OfferingDraft draft = d.draft();
        name = draft.name();
        description = draft.description();
        isBundle = draft.kind() == OfferingDraft.Kind.BUNDLE;
        categoryId = d.categoryId();
        categoryCode = draft.categoryCode();
        specificationId = d.specificationId();
        validFrom = draft.validFrom();
        validTo = draft.validTo();
        definition = d.json();
        java.util.Map<UUID, OfferingParticipant> before = new java.util.HashMap<>();
        participants.forEach(row -> before.put(row.partnerId(), row));
        participants.clear();
        for (OfferingDraft.Participant p : draft.participants()) {
            OfferingParticipant kept = before.get(p.partnerId());
            participants.add(kept != null && kept.sharePercent().compareTo(p.sharePercent()) == 0 ? kept
                    : new OfferingParticipant(p.partnerId(), p.sharePercent(), consentNeeded, by, now));
        }
        components.clear();
        components.addAll(d.componentIds());
    }

    /**
     * Why a launched offering with a change waiting for review takes no other change now, and what to do: the
     * waiting change is approved or rejected first (it is at its pending-change resource), or withdrawn.
     */
    String changeWaiting() {
        return "offering " + id + " has a change waiting for review (" + pendingChange + ", submitted " + submittedAt
                + ", see " + ChangeResources.PATH.replace("{id}", id.toString()) + "): a partner manager approves "
                + "or rejects it first (or it is withdrawn: POST " + ChangeResources.WITHDRAWAL.replace("{id}",
                id.toString()) + "), then propose this change again; it does not replace the waiting one";
    }

    /**
     * Four-eyes: whoever submitted the offering, created it or changed its draft content since (its characteristics,
     * prices, participants...), or proposed the change waiting for review, may not approve it; another user must.
     * Submissions and changes recorded before V38 name nobody; draft changes before V40 name whom the audit trail did.
     */
    void requireApprover(String by) {
        if (!inReview() || by == null) {
            return; // nothing to approve: the status transition says why
        }
        String why = null;
        if (pendingChange != null) {
            if (by.equals(submittedBy)) {
                why = "the change of offering " + id + " waiting for review was proposed by ";
            }
        } else if (by.equals(submittedBy)) {
            why = "offering " + id + " was submitted by ";
        } else if (by.equals(createdBy)) {
            why = "offering " + id + " was created by ";
        } else if (editors().contains(by)) {
            why = "the draft of offering " + id + " (its characteristics, prices or participants) was changed by ";
        }
        if (why != null) {
            throw new IllegalStateException(why + by + ": another partner manager must approve it (four-eyes)");
        }
    }

    private void requireRevision() {
        if (pendingChange == null) {
            throw new IllegalStateException("offering " + id + " has no change waiting for review");
        }
    }

    private void requireStatus(String action, OfferingStatus... allowed) {
        for (OfferingStatus candidate : allowed) {
            if (status == candidate) {
                return;
            }
        }
        throw new IllegalStateException("cannot " + action + " offering " + id + ": it is " + status);
    }

    UUID id() { return id; }
    Owner owner() { return Owner.ofKey(ownerKey); }
    UUID partnerId() { return partnerId; }
    String externalId() { return externalId; }
    String name() { return name; }
    String description() { return description; }
    boolean isBundle() { return isBundle; }
    UUID categoryId() { return categoryId; }
    String categoryCode() { return categoryCode; }
    UUID specificationId() { return specificationId; }
    Instant validFrom() { return validFrom; }
    Instant validTo() { return validTo; }
    OfferingStatus status() { return status; }
    int offeringVersion() { return offeringVersion; }
    String definition() { return definition; }
    Change pendingChange() { return pendingChange; }
    String pendingDefinition() { return pendingDefinition; }
    String statusReason() { return statusReason; }
    Change rejectedChange() { return rejectedChange; }
    String rejectedChangeReason() { return rejectedChangeReason; }
    Instant rejectedChangeAt() { return rejectedChangeAt; }
    Change withdrawnChange() { return withdrawnChange; }
    String withdrawnChangeBy() { return withdrawnChangeBy; }
    Instant withdrawnChangeAt() { return withdrawnChangeAt; }
    Instant decidedAt() { return decidedAt; }
    String decidedBy() { return decidedBy; }
    Instant launchAt() { return launchAt; }
    Instant submittedAt() { return submittedAt; }
    String submittedBy() { return submittedBy; }
    List<String> editors() { return List.of(editedBy); }
    Instant lastUpdate() { return lastUpdate; }
    List<UUID> components() { return List.copyOf(components); }
    /** The optimistic-lock version (not the TMF {@code version}, which counts reviewed versions): see its ETag. */
    long version() { return version; }

    /** The co-creators taking part (who accepted, or were named by the CSP): they see the offering. */
    List<UUID> participantIds() {
        return participants.stream().filter(p -> p.consent() == OfferingParticipant.Consent.ACCEPTED).map(OfferingParticipant::partnerId)
                .toList();
    }

    /** The co-creators named on the draft who have not accepted yet: they see only their invitation. */
    List<UUID> pendingParticipantIds() {
        return participants.stream().filter(p -> p.consent() == OfferingParticipant.Consent.PENDING).map(OfferingParticipant::partnerId)
                .toList();
    }

    /** Every co-creator named on the offering, pending or taking part, with its consent. */
    List<OfferingParticipant> coCreators() {
        return List.copyOf(participants);
    }
}
