package io.accord.portal.partneruser;

import tools.jackson.databind.JsonNode;

/**
 * One user of the partner as onboarding lists it ({@code GET /api/onboarding/partners/{id}/users}).
 *
 * @param role              partner-admin or partner-user; empty when the user holds neither (changed in Keycloak)
 * @param enabled           false once removed: a removed user stays listed
 * @param invitationPending the user has not set a password yet (the invitation's link was not used)
 * @param you               the logged-in user itself (its own row offers no action: it would sign itself out)
 */
record PartnerUserRow(String userId, String name, String email, String role, boolean enabled,
                      boolean invitationPending, boolean you) {

    static PartnerUserRow of(JsonNode user, String username) {
        String first = user.path("firstName").asString("").strip();
        String last = user.path("lastName").asString("").strip();
        String email = user.path("email").asString("");
        String login = user.path("username").asString(email);
        String name = (first + " " + last).strip();
        return new PartnerUserRow(user.path("userId").asString(""), name.isEmpty() ? email : name, email,
                user.path("role").asString(""), user.path("enabled").asBoolean(true),
                user.path("invitationPending").asBoolean(false),
                username != null && (username.equalsIgnoreCase(login) || username.equalsIgnoreCase(email)));
    }
}
