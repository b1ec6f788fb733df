package io.accord.onboarding.identity;

/** Request bodies of a partner's user management. */
final class PartnerUserRequests {

    private PartnerUserRequests() {
    }

    /** A colleague to invite by e-mail (also the username). @param role partner-admin or partner-user */
    record Invitation(String email, String firstName, String lastName, String role) {
    }

    /** @param role partner-admin or partner-user */
    record RoleChange(String role) {
    }
}
