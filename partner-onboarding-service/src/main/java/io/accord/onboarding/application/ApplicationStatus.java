package io.accord.onboarding.application;

/**
 * DRAFT (being filled in) → submitted: APPROVED at once when the policy allows zero-touch, else IN_REVIEW →
 * APPROVED, REJECTED or INFO_REQUESTED (the applicant amends and submits again). A DRAFT or INFO_REQUESTED
 * application its applicant left alone longer than the retention becomes EXPIRED, its contacts erased
 * (docs/personal-data.md): final like APPROVED and REJECTED.
 */
public enum ApplicationStatus {
    DRAFT, IN_REVIEW, INFO_REQUESTED, APPROVED, REJECTED, EXPIRED;

    boolean isOpen() {
        return this == DRAFT || this == IN_REVIEW || this == INFO_REQUESTED;
    }

    boolean isAmendable() {
        return this == DRAFT || this == INFO_REQUESTED;
    }
}
