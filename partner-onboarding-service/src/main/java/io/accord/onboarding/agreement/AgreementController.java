package io.accord.onboarding.agreement;

import io.accord.platform.apidocs.RequestExample;
import io.accord.platform.web.AttributeFilter;
import io.accord.platform.web.EntityTags;
import io.accord.platform.web.IfMatch;
import io.accord.platform.web.MergePatch;
import io.accord.platform.web.OffsetLimit;
import io.accord.platform.web.ReadsQueryParameters;
import io.accord.platform.web.ResourceLists;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * TMF651 agreements: staff draft, correct or delete drafts, propose and terminate versions; a second staff user
 * approves a proposed version's terms (four-eyes) or sends it back to its proposer for changes; then the partner
 * admin countersigns its own. A partner reads only its own versions (another partner's id is a 404).
 * <p>
 * Partners see no draft (404) and no staff names ({@link AgreementService#view}).
 * <p>
 * Conditional requests ({@link EntityTags}): the ETag is the version row's {@code @Version}, as everything the
 * resource shows (terms, approval, send-back, status) is in that row; every change of it moves the tag; a partner's
 * representation has a tag of its own ({@link AgreementService#entityTag}). PATCH, DELETE and the actions take
 * {@code If-Match} (412 and nothing changed when stale).
 */
@RestController
@RequestMapping(AgreementController.PATH)
@Tag(name = "Agreements (TMF651)")
class AgreementController {

    static final String PATH = "/tmf-api/agreementManagement/v4/agreement";

    private static final Sort OLDEST_FIRST = Sort.by("createdAt", "version", "id");

    /** What POST sets; agreementType and engagedParty only to their current values (see ChangeAgreement). */
    private static final Set<String> CHANGEABLE = Set.of("name", "description", "agreementType", "engagedParty",
            "agreementPeriod", "terms", "agreementItem");

    private final AgreementService service;
    private final ResourceLists lists;
    private final MergePatch patches;

    AgreementController(AgreementService service, ResourceLists lists, MergePatch patches) {
        this.service = service;
        this.lists = lists;
        this.patches = patches;
    }

    @PostMapping
    @PreAuthorize(AgreementAuthorization.MANAGERS)
    @Operation(operationId = "createAgreement",
            summary = "Draft a new version of a partner's agreement (an amendment once one exists)")
    @ResponseStatus(HttpStatus.CREATED)
    @RequestExample("onboarding/agreement.json")
    ResponseEntity<AgreementView> create(@Valid @RequestBody AgreementRequests.CreateAgreement request) {
        Agreement agreement = service.create(request);
        AgreementView created = service.view(agreement);
        return EntityTags.created(URI.create(created.href()), created, service.entityTag(agreement));
    }

    @GetMapping("/{id}")
    @Operation(operationId = "retrieveAgreement",
            summary = "Read an agreement version; its ETag, 304 without a body when If-None-Match names it")
    ResponseEntity<AgreementView> get(@PathVariable UUID id) {
        return tagged(service.get(id));
    }

    @GetMapping
    @ReadsQueryParameters
    @Operation(operationId = "listAgreements",
            summary = "List agreement versions (staff: all; a partner: its own), oldest first, paged; filter by "
            + "any simple top-level attribute (?status=, ?name=...), fields= selection; ?termsApproval=pending: "
            + "the proposed versions whose terms wait for a second CSP user's approval, newest proposal first; "
            + "approved: those whose terms were approved, newest approval first; sentBack: drafts sent back to "
            + "their proposer for changes, newest first; ?preparedBy=me: only the versions the caller created, "
            + "changed or proposed (with termsApproval=sentBack: those sent back to them)")
    @Parameter(name = AgreementFilter.PREPARED_BY, in = ParameterIn.QUERY, description = "me: only the versions "
            + "the caller created, changed or proposed (its preparers, who may not approve its terms); any other "
            + "value is a 400")
    ResponseEntity<List<AgreementView>> list(
            @Parameter(description = "the partner's id")
            @RequestParam(name = AgreementFilter.ENGAGED_PARTY_ID, required = false) String partnerId,
            @RequestParam(required = false) Integer offset,
            @RequestParam(required = false) Integer limit,
            HttpServletRequest request) {
        AttributeFilter.Criteria<Agreement> criteria = AgreementFilter.FILTER.criteria(request.getParameterMap());
        Specification<Agreement> database = criteria.database()
                .and(AgreementFilter.preparedBy(request.getParameterValues(AgreementFilter.PREPARED_BY),
                        service::caller));
        Sort termsApprovalOrder = AgreementFilter.termsApprovalOrder(
                request.getParameterValues(AgreementFilter.TERMS_APPROVAL));
        OffsetLimit paging = OffsetLimit.of(offset, limit,
                termsApprovalOrder == null ? OLDEST_FIRST : termsApprovalOrder);
        UUID partner = partnerId == null ? null : AgreementFilter.parse(partnerId, UUID::fromString);
        return lists.list(criteria, paging, page -> partnerId != null && partner == null ? Page.empty(page)
                : service.list(partner, database, page), service::view);
    }

    @PatchMapping(path = "/{id}", consumes = MergePatch.MEDIA_TYPE)
    @PreAuthorize(AgreementAuthorization.MANAGERS)
    @Operation(operationId = "patchAgreement",
            summary = "Correct a DRAFT version with a JSON merge patch (RFC 7386): name, description, "
            + "agreementPeriod, terms (null: the current template's), agreementItem; any other status is a 409; "
            + "with If-Match, 412 and nothing changed unless it names the current ETag")
    @RequestExample("onboarding/agreement-patch.json")
    ResponseEntity<AgreementView> patch(@PathVariable UUID id, IfMatch ifMatch,
                                        @RequestBody JsonNode patch) {
        AgreementRequests.ChangeAgreement change = patches.patched(
                AgreementRequests.ChangeAgreement.of(service.get(id)), patch, CHANGEABLE,
                AgreementRequests.ChangeAgreement.class);
        return tagged(service.change(id, ifMatch, change));
    }

    @DeleteMapping("/{id}")
    @PreAuthorize(AgreementAuthorization.MANAGERS)
    @Operation(operationId = "deleteAgreement",
            summary = "Delete a DRAFT version (else 409 with the reason: terminate it or draft a new version); with "
            + "If-Match, 412 and nothing deleted unless it names the current ETag")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> delete(@PathVariable UUID id, IfMatch ifMatch) {
        service.delete(id, ifMatch);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/proposal")
    @PreAuthorize(AgreementAuthorization.MANAGERS)
    @Operation(operationId = "proposeAgreement", summary = "Propose a DRAFT version to the partner (PENDING_APPROVAL)")
    ResponseEntity<AgreementView> propose(@PathVariable UUID id, IfMatch ifMatch) {
        return tagged(service.propose(id, ifMatch));
    }

    @PostMapping("/{id}/approval")
    @PreAuthorize(AgreementAuthorization.MANAGERS)
    @Operation(operationId = "approveAgreementTerms",
            summary = "Approve a proposed version's terms (four-eyes: a partner manager or platform admin who did "
            + "not create, change or propose it, else 403); only then may the partner countersign")
    ResponseEntity<AgreementView> approve(@PathVariable UUID id, IfMatch ifMatch) {
        return tagged(service.approveTerms(id, ifMatch));
    }

    @PostMapping("/{id}/sendBack")
    @PreAuthorize(AgreementAuthorization.MANAGERS)
    @Operation(operationId = "sendBackAgreement",
            summary = "Send a proposed version whose terms await approval back to its proposer for changes, with the "
            + "reason: a DRAFT again, to be changed and proposed again (four-eyes: not by whoever created, changed "
            + "or proposed it, 403; approved terms are a 409: terminate instead)")
    @RequestExample("onboarding/agreement-send-back.json")
    ResponseEntity<AgreementView> sendBack(@PathVariable UUID id, IfMatch ifMatch,
                                           @Valid @RequestBody AgreementRequests.SendBack request) {
        return tagged(service.sendBack(id, request.reason(), ifMatch));
    }

    @PostMapping("/{id}/countersignature")
    @PreAuthorize(AgreementAuthorization.PARTNER_ADMIN)
    @Operation(operationId = "countersignAgreement",
            summary = "Countersign a proposed version (partner admin): in force at its effective date")
    ResponseEntity<AgreementView> countersign(@PathVariable UUID id, IfMatch ifMatch) {
        return tagged(service.countersign(id, ifMatch));
    }

    @PostMapping("/{id}/termination")
    @PreAuthorize(AgreementAuthorization.MANAGERS)
    @Operation(operationId = "terminateAgreement",
            summary = "Terminate a version: ends it if in force, withdraws it if not yet")
    @RequestExample("onboarding/agreement-termination.json")
    ResponseEntity<AgreementView> terminate(@PathVariable UUID id, IfMatch ifMatch,
                                            @Valid @RequestBody AgreementRequests.Termination request) {
        return tagged(service.terminate(id, request.reason(), ifMatch));
    }

    private ResponseEntity<AgreementView> tagged(Agreement agreement) {
        return EntityTags.ok(service.view(agreement), service.entityTag(agreement));
    }
}
