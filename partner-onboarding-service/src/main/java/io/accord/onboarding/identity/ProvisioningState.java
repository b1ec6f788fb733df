package io.accord.onboarding.identity;

/** How far the Keycloak provisioning of a partner got. */
public enum ProvisioningState {
    /** Requested (or re-requested by staff) and not attempted since. */
    PENDING,
    /** The last attempt failed; the worker tries again at {@code nextAttemptAt}, with a capped backoff. */
    FAILED_RETRYING,
    /**
     * The last attempt failed in a way retrying cannot heal (the admin user belongs to another partner, or Keycloak
     * refuses the data as invalid): the worker leaves it alone until staff resolve the cause and ask for a retry.
     */
    NEEDS_ATTENTION,
    /** The group and the admin user exist in Keycloak, with role and membership. */
    DONE,
    /**
     * The partner was terminated: the members of its group are to be disabled and their sessions ended (tried
     * again with a capped backoff until Keycloak has done it).
     */
    REVOKING,
    /** The members of the terminated partner's group are disabled; nothing is worked on again. */
    REVOKED
}
