package io.accord.onboarding.partner;

import io.accord.onboarding.partner.IndividualRequests.ChangeIndividual;
import io.accord.onboarding.partner.IndividualRequests.CreateIndividual;
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
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.data.domain.Page;
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
 * A partner's contact persons as TMF632 individuals, related to the partner's organization: staff manage every
 * partner's, a partner admin its own; a partner's users read only their own partner's (another's id is a 404).
 */
@RestController
@RequestMapping(IndividualResource.PATH)
@Tag(name = "Individuals (TMF632)")
class IndividualController {

    private static final Set<String> CHANGEABLE = Set.of("givenName", "familyName", "contactMedium");
    private static final String RELATED_PARTY_ID = "relatedParty.id";
    private static final AttributeFilter<Individual> FILTER = AttributeFilter.<Individual>of(IndividualResource.class)
            .column("id", value -> OrganizationFilter.equal("id", OrganizationFilter.uuid(value)))
            .column("givenName", value -> OrganizationFilter.equal("givenName", value))
            .column("familyName", value -> OrganizationFilter.equal("familyName", value))
            .alsoAccepts(RELATED_PARTY_ID);

    private final IndividualService service;
    private final ResourceLists lists;
    private final MergePatch patches;

    IndividualController(IndividualService service, ResourceLists lists, MergePatch patches) {
        this.service = service;
        this.lists = lists;
        this.patches = patches;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(PartnerAuthorization.EDITORS)
    @Operation(operationId = "createIndividual",
            summary = "Add a contact person to an organization (relatedParty; a partner admin: its own)")
    @ResponseStatus(HttpStatus.CREATED)
    @RequestExample("onboarding/individual.json")
    ResponseEntity<IndividualResource> create(@Valid @RequestBody CreateIndividual request) {
        Individual individual = service.create(request);
        IndividualResource created = resource(individual);
        return EntityTags.created(URI.create(created.href()), created, individual.version());
    }

    @GetMapping("/{id}")
    @Operation(operationId = "retrieveIndividual",
            summary = "Retrieve an individual; its ETag, 304 without a body when If-None-Match names it")
    ResponseEntity<IndividualResource> get(@PathVariable UUID id) {
        Individual individual = service.get(id);
        return EntityTags.ok(resource(individual), individual.version());
    }

    @GetMapping
    @ReadsQueryParameters
    @Operation(operationId = "listIndividuals",
            summary = "List individuals (staff: all, or one organization's by relatedParty.id; a partner: its "
            + "own): filter by any simple top-level attribute, fields= selection, offset/limit paging")
    ResponseEntity<List<IndividualResource>> list(
            @Parameter(description = "the organization's id") @RequestParam(name = RELATED_PARTY_ID, required = false)
            String organizationId,
            @RequestParam(required = false) Integer offset,
            @RequestParam(required = false) Integer limit,
            HttpServletRequest request) {
        AttributeFilter.Criteria<Individual> criteria = FILTER.criteria(request.getParameterMap());
        OffsetLimit paging = OffsetLimit.of(offset, limit, Sort.by("createdAt", "id"));
        UUID organization = organizationId == null ? null : OrganizationFilter.uuid(organizationId);
        if (organizationId != null && organization == null) {
            return lists.list(criteria, paging, Page::empty,
                    this::resource);
        }
        return lists.list(criteria, paging, page -> service.list(organization, criteria.database(), page),
                this::resource);
    }

    @PatchMapping(path = "/{id}", consumes = MergePatch.MEDIA_TYPE)
    @PreAuthorize(PartnerAuthorization.EDITORS)
    @Operation(operationId = "patchIndividual",
            summary = "Change givenName, familyName and contactMedium with a JSON merge patch (RFC 7386); with"
                    + " If-Match, 412 and nothing changed unless it names the current ETag")
    @RequestExample("onboarding/individual-patch.json")
    ResponseEntity<IndividualResource> patch(
            @PathVariable UUID id,
            IfMatch ifMatch,
            @RequestBody JsonNode patch) {
        ChangeIndividual change = patches.patched(resource(service.get(id)), patch, CHANGEABLE, ChangeIndividual.class);
        Individual changed = service.change(id, ifMatch, change);
        return EntityTags.ok(resource(changed), changed.version());
    }

    /**
     * GDPR Art. 17: a platform admin erases a contact person of a TERMINATED partner (its names, e-mail and phone;
     * the record stays, reading "(erased)"); 409 naming the partner's status while it is not terminated.
     */
    @DeleteMapping("/{id}")
    @PreAuthorize(PersonalDataController.ADMINS)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "deleteIndividual",
            summary = "Erase a contact person of a TERMINATED partner (anonymised, kept for references; 409 while"
                    + " the partner is not terminated; with If-Match, 412 and nothing erased unless it names the"
                    + " current ETag)")
    void erase(@PathVariable UUID id, IfMatch ifMatch) {
        service.erase(id, ifMatch);
    }

    private IndividualResource resource(Individual individual) {
        return IndividualResource.of(individual, service.organizationName(individual));
    }
}
