package io.accord.onboarding.identity;

import io.accord.contracts.Roles;
import io.accord.contracts.value.PartnerId;
import io.accord.onboarding.partner.PartnerDirectory;
import io.accord.onboarding.partner.PartnerStatus;
import io.accord.platform.audit.AuditTrail;
import io.accord.platform.problem.ConflictException;
import io.accord.platform.problem.InvalidInputException;
import io.accord.platform.problem.NotFoundException;
import io.accord.platform.security.Tenancy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Optional;

/**
 * A partner's own user management (found on 2026-12-07: only the admin provisioned at approval ever existed): its
 * partner-admin and the CSP staff who manage partners invite colleagues, change their role, remove them, enable them
 * again and resend an invitation not used yet. Its
 * users are everyone whose tokens carry its partner_id: its group's members and the users with the attribute of
 * their own. The changes of one partner take turns, so two removals cannot both take its last admin.
 */
@Service
class PartnerUsers {

    static final String RESOURCE_TYPE = "partner-user";

    private final ProvisioningRepository provisionings;
    private final KeycloakPartnerUsers keycloak;
    private final PartnerDirectory partners;
    private final Tenancy tenancy;
    private final AuditTrail audit;
    private final UserLocales locales;

    PartnerUsers(ProvisioningRepository provisionings, KeycloakPartnerUsers keycloak, PartnerDirectory partners,
                 Tenancy tenancy, AuditTrail audit, UserLocales locales) {
        this.provisionings = provisionings;
        this.keycloak = keycloak;
        this.partners = partners;
        this.tenancy = tenancy;
        this.audit = audit;
        this.locales = locales;
    }

    @Transactional(readOnly = true)
    List<KeycloakPartnerUsers.PartnerUser> list(PartnerId partner) {
        visible(partner);
        return keycloak.list(scope(partner, provisionings.findById(partner.value())));
    }

    @Transactional
    KeycloakPartnerUsers.PartnerUser invite(PartnerId partner, PartnerUserRequests.Invitation request) {
        visible(partner);
        AdminContact person = new AdminContact(request.email(), request.firstName(), request.lastName());
        String role = role(request.role());
        String locale = locales.of(partner, request.locale());
        KeycloakPartnerUsers.Scope scope = changeable(partner);
        if (scope.groupId() == null) {
            throw new ConflictException("Partner " + partner + " has no group in Keycloak yet, which invited users"
                    + " join: its identity provisioning is not done (see GET "
                    + IdentityController.path(partner.value()) + "); its users who carry its partner_id themselves"
                    + " are listed and managed all the same");
        }
        KeycloakPartnerUsers.PartnerUser invited = keycloak.invite(scope, person, role, locale);
        audit.recordWithoutPersonalData(partner, RESOURCE_TYPE, invited.userId(), "user-invited", null, invited,
                KeycloakPartnerUsers.PartnerUser.PERSONAL);
        return invited;
    }

    @Transactional
    KeycloakPartnerUsers.PartnerUser changeRole(PartnerId partner, String userId, String requestedRole) {
        visible(partner);
        String role = role(requestedRole);
        KeycloakPartnerUsers.Scope scope = changeable(partner);
        KeycloakPartnerUsers.PartnerUser before = keycloak.find(scope, userId);
        if (role.equals(before.role())) {
            return before;
        }
        requireAnotherAdmin(scope, before, "lose the role " + Roles.PARTNER_ADMIN);
        KeycloakPartnerUsers.PartnerUser after = keycloak.changeRole(scope, userId, role);
        audit.recordWithoutPersonalData(partner, RESOURCE_TYPE, userId, "user-role-changed", before, after,
                KeycloakPartnerUsers.PartnerUser.PERSONAL);
        return after;
    }

    @Transactional
    KeycloakPartnerUsers.PartnerUser remove(PartnerId partner, String userId) {
        visible(partner);
        KeycloakPartnerUsers.Scope scope = changeable(partner);
        KeycloakPartnerUsers.PartnerUser before = keycloak.find(scope, userId);
        requireAnotherAdmin(scope, before, "be removed");
        KeycloakPartnerUsers.PartnerUser after = keycloak.disable(scope, userId);
        if (before.enabled()) {
            audit.recordWithoutPersonalData(partner, RESOURCE_TYPE, userId, "user-removed", before, after,
                    KeycloakPartnerUsers.PartnerUser.PERSONAL);
        }
        return after;
    }

    /** A removed user is enabled again, of an ACTIVE partner only; an enabled one stays as it is. */
    @Transactional
    KeycloakPartnerUsers.PartnerUser enable(PartnerId partner, String userId) {
        visible(partner);
        KeycloakPartnerUsers.Scope scope = changeable(partner);
        KeycloakPartnerUsers.PartnerUser before = keycloak.find(scope, userId);
        if (before.enabled()) {
            return before;
        }
        KeycloakPartnerUsers.PartnerUser after = keycloak.enable(scope, userId);
        audit.recordWithoutPersonalData(partner, RESOURCE_TYPE, userId, "user-enabled", before, after,
                KeycloakPartnerUsers.PartnerUser.PERSONAL);
        return after;
    }

    /** A new link to set a password, for an enabled user who has not set one yet. @throws ConflictException (409) */
    @Transactional
    KeycloakPartnerUsers.PartnerUser resendInvitation(PartnerId partner, String userId) {
        visible(partner);
        KeycloakPartnerUsers.Scope scope = changeable(partner);
        KeycloakPartnerUsers.PartnerUser sent = keycloak.resendInvitation(scope, userId, locales.of(partner));
        audit.recordWithoutPersonalData(partner, RESOURCE_TYPE, userId, "user-invitation-sent", null, sent,
                KeycloakPartnerUsers.PartnerUser.PERSONAL);
        return sent;
    }

    /** Another partner's admin learns nothing of this partner, not even that it exists. */
    private void visible(PartnerId partner) {
        if (!tenancy.canAccess(partner) || !partners.exists(partner)) {
            throw new NotFoundException("Partner", partner);
        }
    }

    /**
     * Whose users this change concerns, the partner's changes taking turns: on its provisioning row (waiting for the
     * worker), or, for a partner Accord never provisioned (whose users carry its partner_id themselves), on a lock
     * of its own. @throws ConflictException unless ACTIVE
     */
    private KeycloakPartnerUsers.Scope changeable(PartnerId partner) {
        PartnerStatus status = partners.find(partner).orElseThrow(() -> new NotFoundException("Partner", partner))
                .status();
        if (status != PartnerStatus.ACTIVE) {
            throw new ConflictException("Partner " + partner + " is " + status + ": its users are not changed");
        }
        Optional<Provisioning> provisioning = provisionings.lock(partner.value());
        if (provisioning.isEmpty()) {
            provisionings.lockUsersOf(RESOURCE_TYPE + ":" + partner);
        }
        return scope(partner, provisioning);
    }

    private static KeycloakPartnerUsers.Scope scope(PartnerId partner, Optional<Provisioning> provisioning) {
        return new KeycloakPartnerUsers.Scope(partner.toString(),
                provisioning.flatMap(Provisioning::usableGroupId).orElse(null));
    }

    /** A partner keeps an enabled partner-admin: nobody else can invite or remove its users. */
    private void requireAnotherAdmin(KeycloakPartnerUsers.Scope scope, KeycloakPartnerUsers.PartnerUser user,
                                     String what) {
        if (!user.enabled() || !Roles.PARTNER_ADMIN.equals(user.role())) {
            return;
        }
        boolean another = keycloak.list(scope).stream().anyMatch(other -> other.enabled()
                && Roles.PARTNER_ADMIN.equals(other.role()) && !other.userId().equals(user.userId()));
        if (!another) {
            throw new ConflictException("User " + user.username() + " is the partner's last enabled "
                    + Roles.PARTNER_ADMIN + " and cannot " + what + "; make another user " + Roles.PARTNER_ADMIN
                    + " first");
        }
    }

    private static String role(String role) {
        if (role == null || role.isBlank()) {
            throw new InvalidInputException("role", "must not be blank");
        }
        if (!KeycloakPartnerUsers.ROLES.contains(role.strip())) {
            throw new InvalidInputException("role", "must be " + Roles.PARTNER_ADMIN + " or " + Roles.PARTNER_USER
                    + ", not '" + role + "'");
        }
        return role.strip();
    }
}
