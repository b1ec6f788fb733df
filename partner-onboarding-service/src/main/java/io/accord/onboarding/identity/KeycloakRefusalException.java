package io.accord.onboarding.identity;

/**
 * Keycloak refused a request as invalid (400, e.g. a user profile rule the admin's data breaks): the same request
 * fails the same way until someone changes the data or the realm, so retrying it on a schedule does not help.
 */
class KeycloakRefusalException extends RuntimeException {

    KeycloakRefusalException(String message) {
        super(message);
    }
}
