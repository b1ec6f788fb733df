package io.accord.onboarding.identity;

import io.accord.contracts.Roles;
import io.accord.contracts.value.PartnerId;
import io.accord.platform.apidocs.RequestExample;
import io.accord.platform.problem.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.UUID;

/** Staff watch a partner's Keycloak provisioning and ask for an attempt now. */
@RestController
@Tag(name = "Partner identity provisioning")
class IdentityController {

    static final String PATH = "/api/onboarding/partners/{partnerId}/identity";
    static final String RETRY_PATH = PATH + "/retry";
    static final String INVITATION_PATH = PATH + "/invitation";
    static final String[] INVITERS = {Roles.PLATFORM_ADMIN, Roles.PARTNER_MANAGER};
    static final String[] READERS = {Roles.PLATFORM_ADMIN, Roles.PARTNER_MANAGER, Roles.OPS, Roles.AUDITOR};
    static final String[] OPERATORS = {Roles.PLATFORM_ADMIN, Roles.PARTNER_MANAGER, Roles.OPS};
    private static final String MAY_READ = "hasAnyRole('" + Roles.PLATFORM_ADMIN + "', '" + Roles.PARTNER_MANAGER
            + "', '" + Roles.OPS + "', '" + Roles.AUDITOR + "')";
    private static final String MAY_RETRY = "hasAnyRole('" + Roles.PLATFORM_ADMIN + "', '" + Roles.PARTNER_MANAGER
            + "', '" + Roles.OPS + "')";
    private static final String MAY_INVITE = "hasAnyRole('" + Roles.PLATFORM_ADMIN + "', '" + Roles.PARTNER_MANAGER
            + "')";

    private final IdentityProvisioning provisioning;

    IdentityController(IdentityProvisioning provisioning) {
        this.provisioning = provisioning;
    }

    static String path(UUID partnerId) {
        return PATH.replace("{partnerId}", partnerId.toString());
    }

    @GetMapping(PATH)
    @PreAuthorize(MAY_READ)
    @Operation(operationId = "getPartnerIdentity",
            summary = "State of the partner's Keycloak group and admin user: attempts, last error, next attempt")
    IdentityView get(@PathVariable UUID partnerId) {
        return provisioning.statusOf(new PartnerId(partnerId)).map(IdentityView::of)
                .orElseThrow(() -> new NotFoundException("Identity provisioning of partner", partnerId));
    }

    @PostMapping(PATH)
    @RequestExample("onboarding/identity-admin.json")
    @PreAuthorize(MAY_INVITE)
    @Operation(operationId = "startPartnerIdentityProvisioning",
            summary = "Provision a partner that no approval provisioned (e.g. created by staff): its Keycloak group "
                    + "and this admin, invited by e-mail; 409 unless ACTIVE or when already requested")
    ResponseEntity<IdentityView> start(@PathVariable UUID partnerId, @RequestBody AdminRequest request) {
        IdentityView view = IdentityView.of(provisioning.start(new PartnerId(partnerId), request.admin()));
        return ResponseEntity.created(URI.create(view.href())).body(view);
    }

    @PostMapping(RETRY_PATH)
    @RequestExample("onboarding/identity-admin.json")
    @PreAuthorize(MAY_RETRY)
    @Operation(operationId = "retryPartnerIdentityProvisioning",
            summary = "Attempt the provisioning now instead of after the backoff (a DONE partner is re-checked); "
                    + "an optional body names another admin (e.g. the current commercial contact) while no admin "
                    + "user exists yet, 409 after")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ResponseEntity<IdentityView> retry(@PathVariable UUID partnerId,
                                       @RequestBody(required = false) AdminRequest request) {
        AdminRequest admin = request == null || request.isEmpty() ? null : request;
        return ResponseEntity.accepted().body(IdentityView.of(provisioning.retryNow(new PartnerId(partnerId),
                admin)));
    }

    @PostMapping(INVITATION_PATH)
    @PreAuthorize(MAY_INVITE)
    @Operation(summary = "Send the partner admin's first-login e-mail (set password, verify e-mail) again; "
            + "409 before provisioning is done")
    ResponseEntity<IdentityView> resendInvitation(@PathVariable UUID partnerId) {
        return ResponseEntity.accepted()
                .body(IdentityView.of(provisioning.resendInvitation(new PartnerId(partnerId))));
    }
}
