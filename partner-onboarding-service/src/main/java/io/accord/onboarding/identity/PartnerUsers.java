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

/**
 * A partner's own user management (found on 2026-12-07: only the admin provisioned at approval ever existed): its
 * partner-admin and the CSP staff who manage partners invite colleagues, change their role and remove them. The
 * changes of one partner take turns on its provisioning row, so two removals cannot both take its last admin.
 */
@Service
class PartnerUsers {

    static final String RESOURCE_TYPE = "partner-user";

    private final ProvisioningRepository provisionings;
    private final KeycloakPartnerUsers keycloak;
    private final PartnerDirectory partners;
    private final Tenancy tenancy;
    private final AuditTrail audit;

    PartnerUsers(ProvisioningRepository provisionings, KeycloakPartnerUsers keycloak, PartnerDirectory partners,
                 Tenancy tenancy, AuditTrail audit) {
        this.provisionings = provisionings;
        this.keycloak = keycloak;
        this.partners = partners;
        this.tenancy = tenancy;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    List<KeycloakPartnerUsers.PartnerUser> list(PartnerId partner) {
        visible(partner);
        return provisionings.findById(partner.value()).flatMap(Provisioning::usableGroupId)
                .map(keycloak::list).orElse(List.of());
    }

    @Transactional
    KeycloakPartnerUsers.PartnerUser invite(PartnerId partner, PartnerUserRequests.Invitation request) {
        visible(partner);
        AdminContact person = new AdminContact(request.email(), request.firstName(), request.lastName());
        String role = role(request.role());
        String groupId = changeable(partner);
        KeycloakPartnerUsers.PartnerUser invited = keycloak.invite(groupId, person, role);
        audit.record(partner, RESOURCE_TYPE, invited.userId(), "user-invited", null, invited);
        return invited;
    }

    @Transactional
    KeycloakPartnerUsers.PartnerUser changeRole(PartnerId partner, String userId, String requestedRole) {
        visible(partner);
        String role = role(requestedRole);
        String groupId = changeable(partner);
        KeycloakPartnerUsers.PartnerUser before = keycloak.find(groupId, userId);
        if (role.equals(before.role())) {
            return before;
        }
        requireAnotherAdmin(groupId, before, "lose the role " + Roles.PARTNER_ADMIN);
        KeycloakPartnerUsers.PartnerUser after = keycloak.changeRole(groupId, userId, role);
        audit.record(partner, RESOURCE_TYPE, userId, "user-role-changed", before, after);
        return after;
    }

    @Transactional
    KeycloakPartnerUsers.PartnerUser remove(PartnerId partner, String userId) {
        visible(partner);
        String groupId = changeable(partner);
        KeycloakPartnerUsers.PartnerUser before = keycloak.find(groupId, userId);
        requireAnotherAdmin(groupId, before, "be removed");
        KeycloakPartnerUsers.PartnerUser after = keycloak.disable(groupId, userId);
        if (before.enabled()) {
            audit.record(partner, RESOURCE_TYPE, userId, "user-removed", before, after);
        }
        return after;
    }

    /** Another partner's admin learns nothing of this partner, not even that it exists. */
    private void visible(PartnerId partner) {
        if (!tenancy.canAccess(partner) || !partners.exists(partner)) {
            throw new NotFoundException("Partner", partner);
        }
    }

    /** The partner's group, locked for this change. @throws ConflictException unless ACTIVE and provisioned */
    private String changeable(PartnerId partner) {
        PartnerStatus status = partners.find(partner).orElseThrow(() -> new NotFoundException("Partner", partner))
                .status();
        if (status != PartnerStatus.ACTIVE) {
            throw new ConflictException("Partner " + partner + " is " + status + ": its users are not changed");
        }
        return provisionings.lock(partner.value()).flatMap(Provisioning::usableGroupId)
                .orElseThrow(() -> new ConflictException("Partner " + partner + " has no users in Keycloak yet:"
                        + " its identity provisioning is not done (see GET "
                        + IdentityController.path(partner.value()) + ")"));
    }

    /** A partner keeps an enabled partner-admin: nobody else can invite or remove its users. */
    private void requireAnotherAdmin(String groupId, KeycloakPartnerUsers.PartnerUser user, String what) {
        if (!user.enabled() || !Roles.PARTNER_ADMIN.equals(user.role())) {
            return;
        }
        boolean another = keycloak.list(groupId).stream().anyMatch(other -> other.enabled()
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
