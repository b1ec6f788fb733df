package io.accord.onboarding.partner;

/** A partner's lifecycle. A reinstated partner is ACTIVE again; TERMINATED is final. */
public enum PartnerStatus {
    ACTIVE, SUSPENDED, TERMINATED
}
