package io.accord.onboarding.identity;

/** How far the Keycloak provisioning of a partner got. */
public enum ProvisioningState {
    /** Requested (or re-requested by staff) and not attempted since. */
    PENDING,
    /** The last attempt failed; the worker tries again at {@code nextAttemptAt}, with a capped backoff. */
    FAILED_RETRYING,
    /** The group and the admin user exist in Keycloak, with role and membership. */
    DONE
}
