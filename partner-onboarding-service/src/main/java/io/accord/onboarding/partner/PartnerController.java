package io.accord.onboarding.partner;

import io.accord.contracts.Roles;
import io.accord.platform.apidocs.RequestExample;
import io.accord.platform.web.EntityTags;
import io.accord.platform.web.OffsetLimit;
import io.accord.platform.web.PagedResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/** Partners: staff create and manage them; a partner reads only itself (another partner's id is a 404). */
@RestController
@RequestMapping(PartnerController.PATH)
@Tag(name = "Partners")
class PartnerController {

    static final String PATH = "/api/onboarding/partners";
    private static final String MANAGERS = "hasAnyRole('" + Roles.PLATFORM_ADMIN + "', '" + Roles.PARTNER_MANAGER + "')";

    private final PartnerService service;
    private final BankAccountDisclosure disclosure;

    PartnerController(PartnerService service, BankAccountDisclosure disclosure) {
        this.service = service;
        this.disclosure = disclosure;
    }

    @PostMapping
    @PreAuthorize(MANAGERS)
    @Operation(operationId = "createPartner", summary = "Create an ACTIVE partner (emits PartnerActivated); a tax"
            + " id another partner has is a 409 naming it, unless sharedTaxIdReason says why the two share it"
            + " (audited)")
    @ResponseStatus(HttpStatus.CREATED)
    @RequestExample("onboarding/partner.json")
    ResponseEntity<PartnerView> create(@Valid @RequestBody PartnerRequests.CreatePartner request) {
        PartnerView created = disclosure.view(service.create(request));
        return ResponseEntity.created(URI.create(created.href())).body(created);
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getPartner", summary = "Read a partner; its ETag (send it as If-Match when replacing"
            + " the contacts), 304 without a body when If-None-Match names it")
    ResponseEntity<PartnerView> get(@PathVariable UUID id) {
        Partner partner = service.get(id);
        return EntityTags.ok(disclosure.view(partner), disclosure.entityTag(partner));
    }

    @GetMapping
    @Operation(operationId = "searchPartners",
            summary = "Search partners (staff: all; a partner: itself) by name, status, type, model, country,"
                    + " external reference (an id in another system)")
    ResponseEntity<List<PartnerView>> list(@RequestParam(required = false) String name,
                                           @RequestParam(required = false) PartnerStatus status,
                                           @RequestParam(required = false) PartnerType partnerType,
                                           @RequestParam(required = false) BusinessModel businessModel,
                                           @RequestParam(required = false) String country,
                                           @RequestParam(required = false) String externalReference,
                                           @RequestParam(required = false) Integer offset,
                                           @RequestParam(required = false) Integer limit) {
        return PagedResponse.of(service.search(new PartnerSearch(name, status, partnerType, businessModel, country,
                        externalReference),
                OffsetLimit.of(offset, limit, Sort.by("createdAt", "id"))), disclosure::view);
    }

    @PostMapping("/{id}/suspension")
    @PreAuthorize(MANAGERS)
    @Operation(operationId = "suspendPartner", summary = "Suspend an ACTIVE partner (no new orders)")
    @RequestExample("onboarding/partner-status-change.json")
    PartnerView suspend(@PathVariable UUID id, @Valid @RequestBody PartnerRequests.StatusChange request) {
        return disclosure.view(service.suspend(id, request.reason()));
    }

    @PostMapping("/{id}/reinstatement")
    @PreAuthorize(MANAGERS)
    @Operation(operationId = "reinstatePartner", summary = "Reinstate a SUSPENDED partner; optionally with a"
            + " reason, kept in the audit entry")
    @RequestExample("onboarding/partner-reinstatement.json")
    PartnerView reinstate(@PathVariable UUID id,
                          @Valid @RequestBody(required = false) PartnerRequests.Reinstatement request) {
        return disclosure.view(service.reinstate(id, request == null ? null : request.reason()));
    }

    @PostMapping("/{id}/termination")
    @PreAuthorize(MANAGERS)
    @Operation(operationId = "terminatePartner", summary = "Terminate a partner (final)")
    @RequestExample("onboarding/partner-status-change.json")
    PartnerView terminate(@PathVariable UUID id, @Valid @RequestBody PartnerRequests.StatusChange request) {
        return disclosure.view(service.terminate(id, request.reason()));
    }
}
