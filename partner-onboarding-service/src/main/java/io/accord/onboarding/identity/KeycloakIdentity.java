package io.accord.onboarding.identity;

/** What provisioning produced in Keycloak: the partner's group and its admin user. */
record KeycloakIdentity(String groupId, String userId) {
}
