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
     * The partner was terminated: its users (its groups' members, those with its partner_id of their own) are to be
     * disabled and their sessions ended (tried again with a capped backoff until Keycloak has done it). A partner
     * never provisioned gets a row in this state at its termination.
     */
    REVOKING,
    /** The terminated partner's users are disabled; nothing is worked on again. */
    REVOKED,
    /**
     * The terminated partner's contacts were erased (GDPR Art. 17): its users (found as for REVOKING) are to be deleted
     * from Keycloak, tried again with a capped backoff until Keycloak has done it. The row no longer names its admin.
     */
    ERASING,
    /** The terminated partner's users are deleted from Keycloak; nothing is worked on again. */
    ERASED
}
