package io.accord.onboarding.agreement;

/**
 * Lifecycle of one agreement version: DRAFT → PENDING_APPROVAL (proposed by staff) → APPROVED (countersigned by
 * the partner, waiting for its effective date) → ACTIVE (in force) → SUPERSEDED (a newer version took over),
 * EXPIRED (its validity period ended) or TERMINATED (ended by staff; also withdraws a version not yet in force).
 */
public enum AgreementStatus {
    DRAFT, PENDING_APPROVAL, APPROVED, ACTIVE, SUPERSEDED, EXPIRED, TERMINATED;

    /** Proposed or about to be, not yet in force: a partner has at most one such version at a time. */
    boolean isOpen() {
        return this == DRAFT || this == PENDING_APPROVAL || this == APPROVED;
    }

    boolean isFinal() {
        return this == SUPERSEDED || this == EXPIRED || this == TERMINATED;
    }
}
