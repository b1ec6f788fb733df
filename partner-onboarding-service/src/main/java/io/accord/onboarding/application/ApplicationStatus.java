package io.accord.onboarding.application;

/**
 * DRAFT (being filled in) → submitted: APPROVED at once when the policy allows zero-touch, else IN_REVIEW →
 * APPROVED, REJECTED or INFO_REQUESTED (the applicant amends and submits again).
 */
public enum ApplicationStatus {
    DRAFT, IN_REVIEW, INFO_REQUESTED, APPROVED, REJECTED;

    boolean isOpen() {
        return this == DRAFT || this == IN_REVIEW || this == INFO_REQUESTED;
    }

    boolean isAmendable() {
        return this == DRAFT || this == INFO_REQUESTED;
    }
}
