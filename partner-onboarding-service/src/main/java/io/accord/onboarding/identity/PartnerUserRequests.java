package io.accord.onboarding.identity;

import io.swagger.v3.oas.annotations.media.Schema;

/** Request bodies of a partner's user management. */
final class PartnerUserRequests {

    private PartnerUserRequests() {
    }

    /**
     * A colleague to invite by e-mail (also the username).
     *
     * @param role   partner-admin or partner-user
     * @param locale optional: the language of Keycloak's e-mails and pages for the colleague, one of the realm's
     *               supported locales; none: the language of the partner's country (else English)
     */
    @Schema(name = "PartnerUserInvitation")
    record Invitation(String email, String firstName, String lastName, String role, String locale) {
    }

    /** @param role partner-admin or partner-user */
    record RoleChange(String role) {
    }
}
