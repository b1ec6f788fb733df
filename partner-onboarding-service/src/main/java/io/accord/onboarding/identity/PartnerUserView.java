package io.accord.onboarding.identity;

import java.util.UUID;

/**
 * A user of the partner as its admin and staff see it.
 *
 * @param role              partner-admin or partner-user ({@code null}: neither, e.g. changed by hand in Keycloak)
 * @param enabled           false once removed: a removed user stays listed, disabled
 * @param invitationPending whether the user has not set a password yet (the invitation link was not used)
 * @param invitationError   why the invitation e-mail could not be sent just now; {@code null} when it went out
 *                          (or in a list)
 */
record PartnerUserView(String userId, String href, String username, String email, String firstName,
                       String lastName, String role, boolean enabled, boolean invitationPending,
                       String invitationError) {

    static PartnerUserView of(UUID partnerId, KeycloakPartnerUsers.PartnerUser user) {
        return new PartnerUserView(user.userId(), PartnerUserController.path(partnerId) + "/" + user.userId(),
                user.username(), user.email(), user.firstName(), user.lastName(), user.role(), user.enabled(),
                user.invitationPending(), user.invitationError());
    }
}
