package io.accord.onboarding.identity;

import io.accord.contracts.Roles;
import io.accord.contracts.value.PartnerId;
import io.accord.platform.apidocs.RequestExample;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/** A partner's users in Keycloak, managed by its own partner-admin and by the CSP staff who manage partners. */
@RestController
@Tag(name = "Partner users")
class PartnerUserController {

    static final String PATH = "/api/onboarding/partners/{partnerId}/users";
    static final String USER_PATH = PATH + "/{userId}";
    static final String ROLE_PATH = USER_PATH + "/role";
    static final String ENABLEMENT_PATH = USER_PATH + "/enablement";
    static final String INVITATION_PATH = USER_PATH + "/invitation";
    static final String[] READERS = {Roles.PLATFORM_ADMIN, Roles.PARTNER_MANAGER, Roles.OPS, Roles.AUDITOR,
            Roles.PARTNER_ADMIN};
    static final String[] MANAGERS = {Roles.PLATFORM_ADMIN, Roles.PARTNER_MANAGER, Roles.PARTNER_ADMIN};
    private static final String MAY_READ = "hasAnyRole('" + Roles.PLATFORM_ADMIN + "', '" + Roles.PARTNER_MANAGER
            + "', '" + Roles.OPS + "', '" + Roles.AUDITOR + "', '" + Roles.PARTNER_ADMIN + "')";
    private static final String MAY_MANAGE = "hasAnyRole('" + Roles.PLATFORM_ADMIN + "', '" + Roles.PARTNER_MANAGER
            + "', '" + Roles.PARTNER_ADMIN + "')";

    private final PartnerUsers users;

    PartnerUserController(PartnerUsers users) {
        this.users = users;
    }

    static String path(UUID partnerId) {
        return PATH.replace("{partnerId}", partnerId.toString());
    }

    @GetMapping(PATH)
    @PreAuthorize(MAY_READ)
    @Operation(operationId = "listPartnerUsers", summary = "The partner's users: e-mail, name, role, enabled, "
            + "invitation pending (a partner-admin: its own partner only)")
    List<PartnerUserView> list(@PathVariable UUID partnerId) {
        return users.list(new PartnerId(partnerId)).stream().map(user -> PartnerUserView.of(partnerId, user))
                .toList();
    }

    @PostMapping(PATH)
    @RequestExample("onboarding/partner-user-invitation.json")
    @PreAuthorize(MAY_MANAGE)
    @Operation(operationId = "invitePartnerUser", summary = "Invite a colleague by e-mail as partner-admin or "
            + "partner-user: Keycloak e-mails a link to set a password, in the optional locale (else the language "
            + "of the partner's country, else English); 409 for an e-mail already in use or a partner that is not "
            + "ACTIVE or not provisioned")
    ResponseEntity<PartnerUserView> invite(@PathVariable UUID partnerId,
                                           @RequestBody PartnerUserRequests.Invitation request) {
        PartnerUserView view = PartnerUserView.of(partnerId, users.invite(new PartnerId(partnerId), request));
        return ResponseEntity.created(URI.create(view.href())).body(view);
    }

    @PutMapping(ROLE_PATH)
    @RequestExample("onboarding/partner-user-role.json")
    @PreAuthorize(MAY_MANAGE)
    @Operation(operationId = "changePartnerUserRole", summary = "Make the user partner-admin or partner-user "
            + "(a user who loses a role is logged out); 409 for the partner's last enabled partner-admin")
    PartnerUserView changeRole(@PathVariable UUID partnerId, @PathVariable String userId,
                               @RequestBody PartnerUserRequests.RoleChange request) {
        return PartnerUserView.of(partnerId, users.changeRole(new PartnerId(partnerId), userId,
                request == null ? null : request.role()));
    }

    @DeleteMapping(USER_PATH)
    @PreAuthorize(MAY_MANAGE)
    @Operation(operationId = "removePartnerUser", summary = "Remove the user: disabled and logged out, still "
            + "listed; 409 for the partner's last enabled partner-admin")
    PartnerUserView remove(@PathVariable UUID partnerId, @PathVariable String userId) {
        return PartnerUserView.of(partnerId, users.remove(new PartnerId(partnerId), userId));
    }

    @PostMapping(ENABLEMENT_PATH)
    @PreAuthorize(MAY_MANAGE)
    @Operation(operationId = "enablePartnerUser", summary = "Enable a removed user again, with its password and "
            + "role as they were (an enabled user: unchanged); 409 for a partner that is not ACTIVE")
    PartnerUserView enable(@PathVariable UUID partnerId, @PathVariable String userId) {
        return PartnerUserView.of(partnerId, users.enable(new PartnerId(partnerId), userId));
    }

    @PostMapping(INVITATION_PATH)
    @PreAuthorize(MAY_MANAGE)
    @Operation(operationId = "resendPartnerUserInvitation", summary = "Send the e-mail with the link to set a "
            + "password again (a new link); 409 for a user who has set its password already or is removed, or a "
            + "partner that is not ACTIVE; 503 when Keycloak could not send it")
    PartnerUserView resendInvitation(@PathVariable UUID partnerId, @PathVariable String userId) {
        return PartnerUserView.of(partnerId, users.resendInvitation(new PartnerId(partnerId), userId));
    }
}
