package io.accord.onboarding.identity;

/** A step of provisioning failed; the message names the step and what Keycloak or the network said. */
class ProvisioningStepException extends RuntimeException {

    private final boolean permanent;

    /** @param permanent whether retrying cannot heal it (Keycloak refused the request as invalid) */
    ProvisioningStepException(String message, Throwable cause, boolean permanent) {
        super(message, cause);
        this.permanent = permanent;
    }

    boolean permanent() {
        return permanent;
    }
}
