package io.accord.onboarding.application;

import io.accord.platform.problem.ConflictException;
import io.accord.onboarding.check.ApprovalPolicy;
import io.accord.onboarding.partner.BusinessModel;
import io.accord.onboarding.partner.PartnerType;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A prospective partner's application and its way through checks and review. */
@Entity
@Table(name = "partner_application")
public class PartnerApplication {

    @Id
    private UUID id;
    @Enumerated(EnumType.STRING)
    private ApplicationStatus status;
    private String trackingSecretHash;
    @Convert(converter = JsonColumns.FormConverter.class)
    private ApplicationForm form;
    private String legalName;
    private String normalisedName;
    private String country;
    private String taxId;
    @Enumerated(EnumType.STRING)
    private PartnerType partnerType;
    @Enumerated(EnumType.STRING)
    private BusinessModel businessModel;
    @Convert(converter = JsonColumns.ChecksConverter.class)
    private List<RecordedCheck> checks;
    private Instant checksRanAt;
    private String decisionReason;
    private String decidedBy;
    private Instant decidedAt;
    private boolean autoApproved;
    private UUID partnerId;
    private Instant createdAt;
    private Instant submittedAt;
    private Instant lastSubmittedAt;
    private Instant reviewSince;
    private Instant updatedAt;
    private Instant contactsErasedAt;
    @Version
    private long version;

    protected PartnerApplication() {
    }

    static PartnerApplication draft(ApplicationForm form, Identity identity, String trackingSecretHash, Instant now) {
        PartnerApplication application = new PartnerApplication();
        application.id = UUID.randomUUID();
        application.status = ApplicationStatus.DRAFT;
        application.trackingSecretHash = trackingSecretHash;
        application.createdAt = now;
        application.fill(form, identity, now);
        return application;
    }

    /** The normalised keys duplicate detection compares, computed by the caller from the form. */
    record Identity(String normalisedName, String normalisedTaxId) {
    }

    void amend(ApplicationForm form, Identity identity, Instant now) {
        if (!status.isAmendable()) {
            throw new ConflictException("Application " + id + " is " + status + ": it can no longer be changed");
        }
        fill(form, identity, now);
    }

    /** Records the checks; approves at once when the policy allows, else queues for a partner manager. */
    void submit(List<RecordedCheck> results, boolean approveWithoutReview, Instant now) {
        if (!status.isAmendable()) {
            throw new ConflictException("Application " + id + " is " + status + (status == ApplicationStatus.EXPIRED
                    ? ": it expired without a change for too long; apply again" : ": it was already submitted"));
        }
        checks = List.copyOf(results);
        checksRanAt = now;
        // the first submission stays when the applicant submits again after an information request
        submittedAt = submittedAt == null ? now : submittedAt;
        lastSubmittedAt = now;
        updatedAt = now;
        if (approveWithoutReview) {
            status = ApplicationStatus.APPROVED;
            autoApproved = true;
            decidedBy = ApprovalPolicy.ACTOR;
            decidedAt = now;
            decisionReason = "approved automatically: every check passed and the policy allows zero-touch";
        } else {
            status = ApplicationStatus.IN_REVIEW;
            reviewSince = now;
            decisionReason = null;
        }
    }

    /** The reason an approval without a note gives: the applicant reads it, so it names no reviewer (decidedBy does, for staff). */
    static final String DEFAULT_APPROVAL_REASON = "approved after review";

    void approve(String by, String note, Instant now) {
        requireInReview("approve");
        decide(ApplicationStatus.APPROVED, by, note == null || note.isBlank() ? DEFAULT_APPROVAL_REASON : note, now);
    }

    void reject(String by, String reason, Instant now) {
        requireInReview("reject");
        decide(ApplicationStatus.REJECTED, by, reason, now);
    }

    void requestInformation(String by, String whatIsNeeded, Instant now) {
        requireInReview("request information on");
        decide(ApplicationStatus.INFO_REQUESTED, by, whatIsNeeded, now);
    }

    /** The partner this approved application became. */
    void activated(UUID partner, Instant now) {
        if (status != ApplicationStatus.APPROVED || partnerId != null) {
            throw new ConflictException("Application " + id + " cannot be activated in status " + status);
        }
        partnerId = partner;
        updatedAt = now;
    }

    /** A document was attached: activity, which puts off the expiry of an application left alone. */
    void documentAttached(Instant now) {
        if (!status.isAmendable()) {
            throw new ConflictException("Application " + id + " is " + status + ": documents can no longer be added");
        }
        updatedAt = now;
    }

    /**
     * An application waiting for its applicant (DRAFT, INFO_REQUESTED) without any change (amendment, document,
     * submission, decision) since {@code inactiveSince} lapses: EXPIRED, final, decided by {@code by} with
     * {@code reason} (which replaces an information request's text). The caller erases its contacts.
     *
     * @return whether it expired: not when it changed since, or no longer waits for its applicant
     */
    boolean expire(Instant inactiveSince, String by, String reason, Instant now) {
        if (waitingOn() != WaitingOn.APPLICANT || updatedAt.isAfter(inactiveSince)) {
            return false;
        }
        decide(ApplicationStatus.EXPIRED, by, reason, now);
        return true;
    }

    /**
     * GDPR erasure: the form's contact persons lose name ({@code (erased)}), e-mail and phone, and the recorded
     * checks no longer quote their names. Only for a REJECTED or EXPIRED application, or one whose partner the
     * caller knows to be TERMINATED ({@code partnerTerminated}); the rest of the form (the organization's data)
     * stays.
     *
     * @return whether anything changed (again: nothing)
     * @throws ConflictException (409) for any other application
     */
    boolean eraseContacts(boolean partnerTerminated, Instant now) {
        if (status != ApplicationStatus.REJECTED && status != ApplicationStatus.EXPIRED
                && !(partnerTerminated && partnerId != null)) {
            throw new ConflictException("Application " + id + " is " + status + ": its contacts are erased once it is"
                    + " REJECTED (or EXPIRED), or with its partner's once that is TERMINATED");
        }
        List<String> names = form.contactNames();
        ApplicationForm erased = form.withContactsErased();
        List<RecordedCheck> quoted = checks == null ? null
                : checks.stream().map(check -> check.withoutNames(names)).toList();
        boolean changed = !erased.equals(form) || !java.util.Objects.equals(quoted, checks);
        form = erased;
        checks = quoted;
        if (contactsErasedAt == null) {
            contactsErasedAt = now;
        }
        if (changed) {
            updatedAt = now;
        }
        return changed;
    }

    public Instant contactsErasedAt() {
        return contactsErasedAt;
    }

    boolean hasSecretHash(String hash) {
        return java.security.MessageDigest.isEqual(trackingSecretHash.getBytes(), hash.getBytes());
    }

    private void fill(ApplicationForm form, Identity identity, Instant now) {
        this.form = form;
        this.legalName = form.legalName().strip();
        this.normalisedName = identity.normalisedName();
        this.country = form.country();
        this.taxId = identity.normalisedTaxId();
        this.partnerType = form.partnerType();
        this.businessModel = form.businessModel();
        this.updatedAt = now;
    }

    private void requireInReview(String action) {
        if (status != ApplicationStatus.IN_REVIEW) {
            throw new ConflictException("Cannot " + action + " application " + id + ": it is " + status
                    + ", not IN_REVIEW");
        }
    }

    private void decide(ApplicationStatus next, String by, String reason, Instant now) {
        status = next;
        decidedBy = by;
        decidedAt = now;
        decisionReason = reason;
        updatedAt = now;
    }

    public UUID id() {
        return id;
    }

    public ApplicationStatus status() {
        return status;
    }

    public ApplicationForm form() {
        return form;
    }

    public List<RecordedCheck> checks() {
        return checks == null ? List.of() : checks;
    }

    public Instant checksRanAt() {
        return checksRanAt;
    }

    public String decisionReason() {
        return decisionReason;
    }

    public String decidedBy() {
        return decidedBy;
    }

    public Instant decidedAt() {
        return decidedAt;
    }

    public boolean autoApproved() {
        return autoApproved;
    }

    public UUID partnerId() {
        return partnerId;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** The first submission; a submission after an information request does not move it. */
    public Instant submittedAt() {
        return submittedAt;
    }

    /** The latest submission: the first one, or the one after the last information request. */
    public Instant lastSubmittedAt() {
        return lastSubmittedAt;
    }

    public Instant reviewSince() {
        return reviewSince;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    /**
     * When the application entered its current open status: the latest submission to review (IN_REVIEW), the
     * information request (INFO_REQUESTED), the creation (DRAFT); {@code null} once decided (nobody waits).
     */
    Instant waitingSince() {
        return switch (status) {
            case IN_REVIEW -> reviewSince != null ? reviewSince : lastSubmittedAt;
            case INFO_REQUESTED -> decidedAt;
            case DRAFT -> createdAt;
            case APPROVED, REJECTED, EXPIRED -> null;
        };
    }

    /** Whose move it is: {@code null} once decided. */
    WaitingOn waitingOn() {
        return switch (status) {
            case IN_REVIEW -> WaitingOn.CSP;
            case INFO_REQUESTED, DRAFT -> WaitingOn.APPLICANT;
            case APPROVED, REJECTED, EXPIRED -> null;
        };
    }
}
