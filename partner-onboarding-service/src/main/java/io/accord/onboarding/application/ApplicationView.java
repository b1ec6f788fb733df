package io.accord.onboarding.application;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An application as applicant and reviewer see it: its data, the checks and why it stands where it stands.
 *
 * @param decidedBy       who decided: the staff user name (staff views only), or the approval policy's name when
 *                        approved automatically
 * @param submittedAt     the first submission
 * @param lastSubmittedAt the latest submission (after an information request, the one that answered it)
 * @param waitingSince    staff views: when an open application entered its current status (IN_REVIEW: its latest
 *                        submission to review; INFO_REQUESTED: the request; DRAFT: its creation); absent once decided
 * @param waitingOn       staff views: whose move it is, {@code CSP} (IN_REVIEW) or {@code APPLICANT}
 *                        (INFO_REQUESTED, DRAFT); absent once decided
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ApplicationView(UUID id, String href, ApplicationStatus status, ApplicationForm application,
                       List<RecordedCheck> checks, Instant checksRanAt, String decisionReason, String decidedBy,
                       Instant decidedAt, Boolean autoApproved, UUID partnerId, Instant createdAt,
                       Instant submittedAt, Instant lastSubmittedAt, Instant updatedAt, Instant waitingSince,
                       WaitingOn waitingOn, String trackingSecret) {

    static final String PATH = "/api/onboarding/applications";

    /** As staff see it: every check with its full reason. */
    static ApplicationView of(PartnerApplication application) {
        return view(application, application.checks(), null, application.decidedBy(), true);
    }

    /**
     * As the audit trail records it: as staff see it, but the checks no longer quote the contacts' names (the
     * trail is append-only; the contacts themselves are left out by field name, ApplicationService#PERSONAL).
     */
    static ApplicationView forAudit(PartnerApplication application) {
        List<String> names = application.form().contactNames();
        List<RecordedCheck> checks = application.checks() == null ? null
                : application.checks().stream().map(check -> check.withoutNames(names)).toList();
        return view(application, checks, null, application.decidedBy(), true);
    }

    /** As the public applicant sees it: no other partner's, application's or denylist entry's data. */
    static ApplicationView forApplicant(PartnerApplication application) {
        return forApplicant(application, null);
    }

    /** The secret only in the answer to the creation: it is never stored or shown again. */
    static ApplicationView forApplicant(PartnerApplication application, String trackingSecret) {
        List<RecordedCheck> checks = application.checks() == null ? null
                : application.checks().stream().map(RecordedCheck::forApplicant).toList();
        // no staff identity for the anonymous applicant, not even a role that reads like a user name (found on
        // 2026-12-07: "decidedBy":"partner-manager" is also the name of a staff account); the approval policy is
        // no person, and autoApproved tells whether a person decided
        String decidedBy = application.autoApproved() ? application.decidedBy() : null;
        return view(application, checks, trackingSecret, decidedBy, false);
    }

    private static ApplicationView view(PartnerApplication application, List<RecordedCheck> checks,
                                        String trackingSecret, String decidedBy, boolean staff) {
        return new ApplicationView(application.id(), PATH + "/" + application.id(), application.status(),
                application.form(), checks, application.checksRanAt(), application.decisionReason(),
                decidedBy, application.decidedAt(), application.autoApproved(),
                application.partnerId(), application.createdAt(), application.submittedAt(),
                application.lastSubmittedAt(), application.updatedAt(),
                staff ? application.waitingSince() : null, staff ? application.waitingOn() : null, trackingSecret);
    }
}
