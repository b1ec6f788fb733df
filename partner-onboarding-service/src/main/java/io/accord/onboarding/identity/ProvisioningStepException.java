package io.accord.onboarding.identity;

/** A step of provisioning failed; the message names the step and what Keycloak or the network said. */
class ProvisioningStepException extends RuntimeException {

    ProvisioningStepException(String message, Throwable cause) {
        super(message, cause);
    }
}
