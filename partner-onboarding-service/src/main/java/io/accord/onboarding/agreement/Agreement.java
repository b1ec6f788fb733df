package io.accord.onboarding.agreement;

import io.accord.contracts.value.PartnerId;
import io.accord.onboarding.partner.BusinessModel;
import io.accord.platform.problem.ConflictException;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

/**
 * One version of a partner's agreement (a TMF651 agreement). Changed only through its {@link AgreementHistory},
 * which holds the partner-wide rules (one version in force, one open proposal); the guards here are the
 * lifecycle of a single version.
 */
@Entity
@Table(name = "agreement")
class Agreement {

    @Id
    private UUID id;
    @Column(name = "partner_id")
    private UUID partnerId;
    private int version;
    private String name;
    private String description;
    @Enumerated(EnumType.STRING)
    private BusinessModel agreementType;
    private String partnerName;
    @Enumerated(EnumType.STRING)
    private AgreementStatus status;
    @Convert(converter = TermsJson.class)
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    private AgreementTerms terms;
    @Convert(converter = AgreementItemsJson.class)
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "agreement_item", columnDefinition = "jsonb")
    private AgreementItems items;
    private UUID templateId;
    private Instant effectiveFrom;
    private Instant validUntil;
    private Instant inForceFrom;
    private Instant inForceUntil;
    private Instant countersignedAt;
    private String countersignedBy;
    private String statusReason;
    private Instant createdAt;
    private String createdBy;
    /** Who changed the draft (one user per line): with its creator and proposer, barred from approving its terms. */
    private String changedBy;
    private String proposedBy;
    /** Who wrote the template versions the terms came from (one user per line): preparers too (four-eyes). */
    private String templateAuthoredBy;
    private Instant proposedAt;
    private Instant termsApprovedAt;
    private String termsApprovedBy;
    /** The last time a second CSP user sent the proposed version back to its proposer for changes, who, and why. */
    private Instant sentBackAt;
    private String sentBackBy;
    private String sentBackReason;
    private Instant updatedAt;
    /** Moves with every change of the row, which holds all the resource shows: its ETag. */
    @Version
    private long rowVersion;

    /** Who approved the terms of a version built from an unchanged, fitting template (no user set them). */
    static final String ONBOARDING_POLICY = "onboarding policy";

    protected Agreement() {
    }

    Agreement(AgreementDraft draft, UUID partnerId, int version, Instant now, String by) {
        this.id = UUID.randomUUID();
        this.partnerId = partnerId;
        this.version = version;
        this.name = draft.name();
        this.description = draft.description();
        this.agreementType = draft.businessModel();
        this.partnerName = draft.partnerName();
        this.status = AgreementStatus.DRAFT;
        this.terms = draft.terms();
        this.items = draft.items();
        this.templateId = draft.templateId();
        this.effectiveFrom = draft.effectiveFrom();
        this.validUntil = draft.validUntil();
        // a draft's status reason is what a partner manager must settle before proposing it
        this.statusReason = draft.openPoints();
        this.createdAt = now;
        this.createdBy = by;
        this.updatedAt = now;
        addTemplateAuthor(draft.templateAuthor());
    }

    // kept once recorded: terms changed after they came from a template are still built on its author's figures
    private void addTemplateAuthor(String author) {
        if (author != null && !templateAuthors().contains(author)) {
            templateAuthoredBy = templateAuthoredBy == null ? author : templateAuthoredBy + "\n" + author;
        }
    }

    private java.util.List<String> templateAuthors() {
        return templateAuthoredBy == null ? java.util.List.of() : java.util.List.of(templateAuthoredBy.split("\n"));
    }

    /** Staff correct a draft: what it says, not whose it is (its partner, business model and version stay). */
    void redraft(AgreementDraft draft, Instant now, String by) {
        requireDraft("changed");
        if (by != null && !editors().contains(by)) {
            changedBy = changedBy == null ? by : changedBy + "\n" + by;
        }
        name = draft.name();
        description = draft.description();
        terms = draft.terms();
        items = draft.items();
        templateId = draft.templateId();
        effectiveFrom = draft.effectiveFrom();
        validUntil = draft.validUntil();
        statusReason = draft.openPoints();
        addTemplateAuthor(draft.templateAuthor());
        updatedAt = now;
    }

    /**
     * Only a draft changes or goes away: from its proposal on, the partner has seen the version, so it stays as it
     * was; the conflict says what to do instead.
     */
    void requireDraft(String action) {
        if (status == AgreementStatus.DRAFT) {
            return;
        }
        String instead = switch (status) {
            case PENDING_APPROVAL -> termsApprovedAt == null
                    ? "while its terms await approval, another partner-manager or platform-admin sends it back for"
                    + " changes (POST " + AgreementController.PATH + "/" + id + "/sendBack), or terminate it"
                    : "terminate it (it is withdrawn and kept in the history), then draft a new version";
            case APPROVED -> "terminate it (it is withdrawn and kept in the history), then draft a new version";
            case ACTIVE -> "draft a new version (an amendment) to change the terms from its effective date, or"
                    + " terminate this one to end it";
            default -> "it is part of the agreement's history; draft a new version instead";
        };
        throw new ConflictException("Agreement " + id + " (version " + version + ") is " + status + ": only a DRAFT"
                + " version can be " + action + "; " + instead);
    }

    void propose(String by, Instant now) {
        require(AgreementStatus.DRAFT, "propose");
        if (statusReason != null) {
            throw new ConflictException("Agreement " + id + " (version " + version + ") cannot be proposed until a"
                    + " partner manager has set its terms (merge-patch its terms; terms staff set are their own). "
                    + statusReason);
        }
        if (validUntil != null && !validUntil.isAfter(now)) {
            throw new ConflictException("Agreement " + id + " cannot be proposed: its validity period ended at "
                    + validUntil + "; draft a version that ends in the future");
        }
        proposedBy = by;
        proposedAt = now;
        moveTo(AgreementStatus.PENDING_APPROVAL, now);
    }

    /**
     * Four-eyes on the money terms: a second CSP user (partner manager or platform admin) approves a proposed
     * version before the partner may countersign it. Whoever created, changed or proposed it may not (403); a
     * version already approved, or not proposed, is a 409. {@code by} {@link #ONBOARDING_POLICY}: the onboarding
     * policy's approval of an unchanged template.
     */
    void approveTerms(String by, Instant now) {
        require(AgreementStatus.PENDING_APPROVAL, "approve the terms of");
        if (termsApprovedAt != null) {
            throw new ConflictException("The terms of agreement " + id + " (version " + version + ") were already"
                    + " approved by " + termsApprovedBy + " at " + termsApprovedAt + "; it waits for the partner's"
                    + " countersignature");
        }
        if (!ONBOARDING_POLICY.equals(by) && preparers().contains(by)) {
            throw new AgreementFourEyes("Agreement " + id + " (version " + version + ") was " + roleOf(by) + " by "
                    + by + ": " + whoMayApprove() + " (four-eyes)");
        }
        termsApprovedAt = now;
        termsApprovedBy = by;
        updatedAt = now;
    }

    /**
     * A second CSP user sends a proposed version whose terms nobody approved yet back to its proposer for changes,
     * with the reason: it is a DRAFT again, to be changed and proposed again (the partner can no longer
     * countersign it). Only someone who may approve its terms may (403 four-eyes for its preparers, who withdraw
     * or terminate instead); approved terms are a 409 (terminate the version instead).
     */
    void sendBack(String by, String reason, Instant now) {
        require(AgreementStatus.PENDING_APPROVAL, "send back");
        if (termsApprovedAt != null) {
            throw new ConflictException("Agreement " + id + " (version " + version + ") cannot be sent back: its"
                    + " terms were approved by " + termsApprovedBy + " at " + termsApprovedAt + "; terminate it (POST "
                    + AgreementController.PATH + "/" + id + "/termination) and draft a new version instead");
        }
        if (preparers().contains(by)) {
            throw new AgreementFourEyes("Agreement " + id + " (version " + version + ") was " + roleOf(by) + " by "
                    + by + ": the second CSP user who reviews its terms sends it back, not its preparer ("
                    + whoMayApprove() + "); to withdraw it yourself, terminate it (four-eyes)");
        }
        sentBackAt = now;
        sentBackBy = by;
        sentBackReason = reason;
        moveTo(AgreementStatus.DRAFT, now);
    }

    /**
     * Who prepared this version: its creator, the author of the template its terms came from, every user who
     * changed the draft, its proposer.
     */
    java.util.Set<String> preparers() {
        java.util.Set<String> preparers = new java.util.LinkedHashSet<>();
        if (createdBy != null) {
            preparers.add(createdBy);
        }
        preparers.addAll(templateAuthors());
        preparers.addAll(editors());
        if (proposedBy != null) {
            preparers.add(proposedBy);
        }
        return preparers;
    }

    /** Names who may approve the terms: any partner manager or platform admin but the version's preparers. */
    String whoMayApprove() {
        return "another partner-manager or platform-admin than " + String.join(", ", preparers())
                + " must approve its terms (POST " + AgreementController.PATH + "/" + id + "/approval)";
    }

    private java.util.List<String> editors() {
        return changedBy == null ? java.util.List.of() : java.util.List.of(changedBy.split("\n"));
    }

    private String roleOf(String by) {
        java.util.List<String> roles = new java.util.ArrayList<>();
        if (by.equals(createdBy)) {
            roles.add("created");
        }
        if (templateAuthors().contains(by)) {
            roles.add("prepared in its template");
        }
        if (editors().contains(by)) {
            roles.add("changed");
        }
        if (by.equals(proposedBy)) {
            roles.add("proposed");
        }
        return String.join(", ", roles);
    }

    /**
     * Whether the partner's own users may see this version: from its proposal on (ADR 0005, "seen by nobody but
     * staff" before); a draft, or a draft withdrawn (terminated) without ever being proposed, is staff's alone.
     */
    boolean shownToPartner() {
        return status != AgreementStatus.DRAFT && (status != AgreementStatus.TERMINATED || proposedAt != null
                || proposedBy != null || countersignedAt != null);
    }

    /** The partner's signature (or the onboarding policy's approval, {@code by} null): it now waits for its date. */
    void countersign(String by, Instant now) {
        require(AgreementStatus.PENDING_APPROVAL, "countersign");
        if (termsApprovedAt == null) {
            // the partner's admin reads this: no staff names (who prepared the version is staff's business)
            throw new ConflictException("Agreement " + id + " (version " + version + ") cannot be countersigned yet:"
                    + " its terms wait for a second CSP user's approval");
        }
        if (validUntil != null && !validUntil.isAfter(now)) {
            throw new ConflictException("Agreement " + id + " can no longer be countersigned: its validity period"
                    + " ended at " + validUntil);
        }
        countersignedAt = now;
        countersignedBy = by;
        moveTo(AgreementStatus.APPROVED, now);
    }

    /** When an approved version comes into force: its effective date, or its signature if that came later. */
    Instant activationTime() {
        return effectiveFrom.isAfter(countersignedAt) ? effectiveFrom : countersignedAt;
    }

    boolean isDue(Instant now) {
        return status == AgreementStatus.APPROVED && !activationTime().isAfter(now);
    }

    void activate(Instant at, Instant now) {
        require(AgreementStatus.APPROVED, "activate");
        inForceFrom = at;
        inForceUntil = validUntil;
        moveTo(AgreementStatus.ACTIVE, now);
    }

    void supersede(Instant at, Instant now) {
        require(AgreementStatus.ACTIVE, "supersede");
        inForceUntil = at;
        moveTo(AgreementStatus.SUPERSEDED, now);
    }

    boolean hasRunOut(Instant now) {
        return status == AgreementStatus.ACTIVE && inForceUntil != null && !inForceUntil.isAfter(now);
    }

    void expire(Instant now) {
        if (!hasRunOut(now)) {
            throw new ConflictException("Agreement " + id + " is " + status + " and has not reached its end");
        }
        moveTo(AgreementStatus.EXPIRED, now);
    }

    void terminate(String reason, Instant now) {
        if (status.isFinal()) {
            throw new ConflictException("Cannot terminate agreement " + id + ": it is already " + status);
        }
        if (status == AgreementStatus.ACTIVE) {
            // never before its start, so the in-force interval stays well-formed
            inForceUntil = now.isBefore(inForceFrom) ? inForceFrom : now;
        }
        statusReason = reason;
        moveTo(AgreementStatus.TERMINATED, now);
    }

    boolean isInForceAt(Instant at) {
        return inForceFrom != null && !at.isBefore(inForceFrom) && (inForceUntil == null || at.isBefore(inForceUntil));
    }

    /** As other features see it; an approved version shows when it will be in force. */
    AgreementRef ref() {
        boolean waiting = status == AgreementStatus.APPROVED;
        return new AgreementRef(agreementId(), partnerId(), version, agreementType, status,
                waiting ? activationTime() : inForceFrom, waiting ? validUntil : inForceUntil);
    }

    private void require(AgreementStatus required, String action) {
        if (status != required) {
            throw new ConflictException("Cannot " + action + " agreement " + id + " (version " + version
                    + "): it is " + status + ", not " + required);
        }
    }

    private void moveTo(AgreementStatus next, Instant now) {
        status = next;
        updatedAt = now;
    }

    AgreementId agreementId() {
        return new AgreementId(id);
    }

    UUID id() {
        return id;
    }

    PartnerId partnerId() {
        return new PartnerId(partnerId);
    }

    int version() {
        return version;
    }

    String name() {
        return name;
    }

    String description() {
        return description;
    }

    BusinessModel agreementType() {
        return agreementType;
    }

    String partnerName() {
        return partnerName;
    }

    AgreementStatus status() {
        return status;
    }

    AgreementTerms terms() {
        return terms;
    }

    AgreementItems items() {
        return items == null ? AgreementItems.NONE : items;
    }

    UUID templateId() {
        return templateId;
    }

    Instant effectiveFrom() {
        return effectiveFrom;
    }

    Instant validUntil() {
        return validUntil;
    }

    Instant inForceFrom() {
        return inForceFrom;
    }

    Instant inForceUntil() {
        return inForceUntil;
    }

    Instant countersignedAt() {
        return countersignedAt;
    }

    String countersignedBy() {
        return countersignedBy;
    }

    String statusReason() {
        return statusReason;
    }

    Instant createdAt() {
        return createdAt;
    }

    String createdBy() {
        return createdBy;
    }

    String proposedBy() {
        return proposedBy;
    }

    /** When it was proposed; null for a draft (and for versions proposed before this was recorded). */
    Instant proposedAt() {
        return proposedAt;
    }

    Instant termsApprovedAt() {
        return termsApprovedAt;
    }

    String termsApprovedBy() {
        return termsApprovedBy;
    }

    Instant sentBackAt() {
        return sentBackAt;
    }

    String sentBackBy() {
        return sentBackBy;
    }

    String sentBackReason() {
        return sentBackReason;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    /** The row's {@code @Version}: the resource's ETag. */
    long rowVersion() {
        return rowVersion;
    }
}
