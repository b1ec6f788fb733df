package io.accord.onboarding.agreement;

import io.accord.platform.apidocs.RequestExample;
import io.accord.platform.web.OffsetLimit;
import io.accord.platform.web.AttributeFilter;
import io.accord.platform.web.ResourceLists;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.data.domain.Page;
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

/**
 * TMF651 agreements: staff draft, propose and terminate versions; the partner admin countersigns its own. A
 * partner reads only its own versions (another partner's id is a 404).
 */
@RestController
@RequestMapping(AgreementController.PATH)
@Tag(name = "Agreements (TMF651)")
class AgreementController {

    static final String PATH = "/tmf-api/agreementManagement/v4/agreement";

    private final AgreementService service;
    private final ResourceLists lists;

    AgreementController(AgreementService service, ResourceLists lists) {
        this.service = service;
        this.lists = lists;
    }

    @PostMapping
    @PreAuthorize(AgreementAuthorization.MANAGERS)
    @Operation(operationId = "createAgreement",
            summary = "Draft a new version of a partner's agreement (an amendment once one exists)")
    @ResponseStatus(HttpStatus.CREATED)
    @RequestExample("onboarding/agreement.json")
    ResponseEntity<AgreementView> create(@Valid @RequestBody AgreementRequests.CreateAgreement request) {
        AgreementView created = AgreementView.of(service.create(request));
        return ResponseEntity.created(URI.create(created.href())).body(created);
    }

    @GetMapping("/{id}")
    @Operation(operationId = "retrieveAgreement", summary = "Read an agreement version")
    AgreementView get(@PathVariable UUID id) {
        return AgreementView.of(service.get(id));
    }

    @GetMapping
    @Operation(operationId = "listAgreements",
            summary = "List agreement versions (staff: all; a partner: its own), oldest first, paged; filter by "
            + "any simple top-level attribute (?status=, ?name=...), fields= selection")
    ResponseEntity<List<AgreementView>> list(
            @Parameter(description = "the partner's id")
            @RequestParam(name = AgreementFilter.ENGAGED_PARTY_ID, required = false) String partnerId,
            @RequestParam(required = false) Integer offset,
            @RequestParam(required = false) Integer limit,
            HttpServletRequest request) {
        AttributeFilter.Criteria<Agreement> criteria = AgreementFilter.FILTER.criteria(request.getParameterMap());
        OffsetLimit paging = OffsetLimit.of(offset, limit, Sort.by("createdAt", "version", "id"));
        UUID partner = partnerId == null ? null : AgreementFilter.parse(partnerId, UUID::fromString);
        return lists.list(criteria, paging, page -> partnerId != null && partner == null ? Page.empty(page)
                : service.list(partner, criteria.database(), page), AgreementView::of);
    }

    @PostMapping("/{id}/proposal")
    @PreAuthorize(AgreementAuthorization.MANAGERS)
    @Operation(operationId = "proposeAgreement", summary = "Propose a DRAFT version to the partner (PENDING_APPROVAL)")
    AgreementView propose(@PathVariable UUID id) {
        return AgreementView.of(service.propose(id));
    }

    @PostMapping("/{id}/countersignature")
    @PreAuthorize(AgreementAuthorization.PARTNER_ADMIN)
    @Operation(operationId = "countersignAgreement",
            summary = "Countersign a proposed version (partner admin): in force at its effective date")
    AgreementView countersign(@PathVariable UUID id) {
        return AgreementView.of(service.countersign(id));
    }

    @PostMapping("/{id}/termination")
    @PreAuthorize(AgreementAuthorization.MANAGERS)
    @Operation(operationId = "terminateAgreement",
            summary = "Terminate a version: ends it if in force, withdraws it if not yet")
    @RequestExample("onboarding/agreement-termination.json")
    AgreementView terminate(@PathVariable UUID id, @Valid @RequestBody AgreementRequests.Termination request) {
        return AgreementView.of(service.terminate(id, request.reason()));
    }
}
