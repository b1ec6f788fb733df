package io.accord.onboarding.identity;

/**
 * Keycloak holds something that provisioning must not take over, e.g. a user of the same name who already
 * belongs to another partner: joining it to this partner's group would give its tokens an arbitrary one of the
 * two partner ids. Retrying does not help until someone resolves it in Keycloak.
 */
class IdentityConflictException extends RuntimeException {

    IdentityConflictException(String message) {
        super(message);
    }
}
