package io.accord.onboarding.partner;

import io.accord.onboarding.partner.OrganizationRequests.ChangeOrganization;
import io.accord.onboarding.partner.OrganizationRequests.CreateOrganization;
import io.accord.platform.apidocs.RequestExample;
import io.accord.platform.web.AttributeFilter;
import io.accord.platform.web.EntityTags;
import io.accord.platform.web.IfMatch;
import io.accord.platform.web.MergePatch;
import io.accord.platform.web.OffsetLimit;
import io.accord.platform.web.ReadsQueryParameters;
import io.accord.platform.web.ResourceLists;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
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
 * Partners as TMF632 organizations: staff create, change and (while nothing refers to it) delete them; a
 * partner reads and changes only itself. Mapping and limits: docs/tmf-conformance.md.
 */
@RestController
@RequestMapping(OrganizationResource.PATH)
@Tag(name = "Organizations (TMF632)")
class OrganizationController {

    private static final Set<String> PROFILE = Set.of("tradingName", "contactMedium");
    private static final Set<String> CHANGEABLE = Set.of("tradingName", "contactMedium", "organizationIdentification");

    private final PartnerService service;
    private final ResourceLists lists;
    private final MergePatch patches;

    OrganizationController(PartnerService service, ResourceLists lists, MergePatch patches) {
        this.service = service;
        this.lists = lists;
        this.patches = patches;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(PartnerAuthorization.MANAGERS)
    @Operation(operationId = "createOrganization",
            summary = "Create a partner from a TMF632 Organization_Create (ACTIVE, emits PartnerActivated); a tax id"
                    + " another partner has is a 409 naming it, unless a partyCharacteristic sharedTaxIdReason says"
                    + " why the two share it (audited)")
    @ResponseStatus(HttpStatus.CREATED)
    @RequestExample("onboarding/organization.json")
    ResponseEntity<OrganizationResource> create(@Valid @RequestBody CreateOrganization request) {
        Partner partner = service.createOrganization(OrganizationMapping.profile(request),
                request.externalReference(), OrganizationMapping.sharedTaxIdReason(request));
        OrganizationResource created = OrganizationResource.of(partner);
        return EntityTags.created(URI.create(created.href()), created, partner.version());
    }

    @GetMapping("/{id}")
    @Operation(operationId = "retrieveOrganization",
            summary = "Retrieve an organization (a partner sees only itself; any other id is a 404); its ETag,"
                    + " 304 without a body when If-None-Match names it")
    ResponseEntity<OrganizationResource> get(@PathVariable UUID id) {
        Partner partner = service.get(id);
        return EntityTags.ok(OrganizationResource.of(partner), partner.version());
    }

    @GetMapping
    @ReadsQueryParameters
    @Operation(operationId = "listOrganizations",
            summary = "List organizations: filter by any simple top-level attribute (?name=, ?status=...), "
            + "fields= selection, offset/limit paging")
    ResponseEntity<List<OrganizationResource>> list(@RequestParam(required = false) Integer offset,
                                                    @RequestParam(required = false) Integer limit,
                                                    HttpServletRequest request) {
        AttributeFilter.Criteria<Partner> criteria = OrganizationFilter.FILTER.criteria(request.getParameterMap());
        return lists.list(criteria, OffsetLimit.of(offset, limit, Sort.by("createdAt", "id")),
                page -> service.search(criteria.database(), page), OrganizationResource::of);
    }

    @PatchMapping(path = "/{id}", consumes = MergePatch.MEDIA_TYPE)
    @PreAuthorize(PartnerAuthorization.EDITORS)
    @Operation(operationId = "patchOrganization",
            summary = "Change tradingName and contactMedium with a JSON merge patch (RFC 7386); staff also the tax id"
                    + " (organizationIdentification of type taxId: checked like an application's, another partner's"
                    + " is a 409, a partner's own users get 403; emits PartnerTaxIdChanged); with If-Match, 412 and"
                    + " nothing changed unless it names the current ETag")
    @RequestExample("onboarding/organization-patch.json")
    ResponseEntity<OrganizationResource> patch(
            @PathVariable UUID id,
            IfMatch ifMatch,
            @RequestBody JsonNode patch) {
        Partner partner = service.get(id);
        ChangeOrganization change = patches.patched(OrganizationResource.of(partner), patch, CHANGEABLE,
                ChangeOrganization.class);
        boolean profile = patch.isObject() && patch.propertyNames().stream().anyMatch(PROFILE::contains);
        Partner changed = service.changeOrganization(id, ifMatch, change.tradingName(), !profile ? null
                : ContactMedia.of(change.contactMedium(), partner.commercial(), partner.technical(),
                        partner.billing()), OrganizationMapping.taxId(change.organizationIdentification()));
        return EntityTags.ok(OrganizationResource.of(changed), changed.version());
    }

    @DeleteMapping("/{id}")
    @PreAuthorize(PartnerAuthorization.MANAGERS)
    @Operation(operationId = "deleteOrganization",
            summary = "Delete a partner nothing refers to yet (else 409 with the reason: terminate it instead); with"
                    + " If-Match, 412 and nothing deleted unless it names the current ETag")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> delete(@PathVariable UUID id, IfMatch ifMatch) {
        service.delete(id, ifMatch);
        return ResponseEntity.noContent().build();
    }
}
