package io.accord.onboarding.identity;

/** Where the partner admin's first-login e-mail stands. */
public enum InvitationState {
    /** To be sent by the worker once the group and user exist (first time, or asked again by staff). */
    PENDING,
    /** Keycloak accepted it for delivery. */
    SENT,
    /** The last attempt to send it failed; the row retries with the provisioning backoff. */
    FAILED
}
