package io.accord.catalog.offering;

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
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Sort;
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

/** TMF620 productOffering. */
@RestController
@RequestMapping(OfferingResources.PATH)
@Tag(name = "Product offerings (TMF620)")
class OfferingController {

    private static final Set<String> CHANGEABLE = Set.of("name", "description", "validFor", "channel");

    private final OfferingService service;
    private final OfferingViews views;
    private final ResourceLists lists;
    private final MergePatch patches;

    OfferingController(OfferingService service, OfferingViews views, ResourceLists lists, MergePatch patches) {
        this.service = service;
        this.views = views;
        this.lists = lists;
        this.patches = patches;
    }

    @PostMapping
    @PreAuthorize(OfferingAuthorization.WRITERS)
    @Operation(operationId = "createProductOffering",
            summary = "Create a draft offering (a partner its own; staff a CSP-owned one); only ACTIVE partners may")
    @ResponseStatus(HttpStatus.CREATED)
    @RequestExample("catalog/offering.json")
    ResponseEntity<OfferingResources.Offering> create(@Valid @RequestBody OfferingResources.CreateOffering request) {
        request.refuseUnsupported();
        ProductOffering offering = service.create(request);
        OfferingResources.Offering created = views.offering(offering);
        return EntityTags.created(URI.create(created.href()), created, OfferingViews.tag(offering, created));
    }

    @GetMapping("/{id}")
    @PreAuthorize(OfferingAuthorization.READERS)
    @Operation(operationId = "retrieveProductOffering", summary = "Read a product offering; its ETag (changes with"
            + " the offering, its listed prices and whether it is sellable), 304 without a body when If-None-Match"
            + " names it")
    ResponseEntity<OfferingResources.Offering> get(@PathVariable UUID id) {
        ProductOffering offering = service.get(id);
        OfferingResources.Offering view = views.offering(offering);
        return EntityTags.ok(view, OfferingViews.tag(offering, view));
    }

    @GetMapping
    @ReadsQueryParameters
    @PreAuthorize(OfferingAuthorization.READERS)
    @Operation(operationId = "listProductOfferings", summary = "List the offerings the caller may see, paged by "
            + "offset and limit; filter by lifecycleStatus, name, isBundle, externalId, category.id, relatedParty.id (a"
            + " partner owning or participating), bundledProductOffering.id (the bundles containing it); fields= "
            + "selection")
    ResponseEntity<List<OfferingResources.Offering>> list(
            @RequestParam(name = OfferingFilter.CATEGORY_ID, required = false) String categoryId,
            @RequestParam(required = false) Integer offset, @RequestParam(required = false) Integer limit,
            HttpServletRequest request) {
        AttributeFilter.Criteria<ProductOffering> criteria = OfferingFilter.FILTER.criteria(request.getParameterMap());
        OffsetLimit paging = OffsetLimit.of(offset, limit, Sort.by("createdAt", "id"));
        return lists.list(criteria, paging, page -> {
            var found = service.list(criteria.database().and(OfferingFilter.category(categoryId)), page);
            return new PageImpl<>(views.offerings(found.getContent()), page, found.getTotalElements());
        }, offering -> offering);
    }

    @PatchMapping(path = "/{id}", consumes = MergePatch.MEDIA_TYPE)
    @PreAuthorize(OfferingAuthorization.WRITERS)
    @Operation(operationId = "patchProductOffering", summary = "Change name, description, validFor or channel with a "
            + "JSON merge patch; a draft changes in place, a launched offering gets a new version for review; with"
            + " If-Match, 412 and nothing changed unless it names the current ETag")
    @RequestExample("catalog/offering-patch.json")
    ResponseEntity<OfferingResources.Offering> patch(
            @PathVariable UUID id,
            IfMatch ifMatch,
            @RequestBody JsonNode patch) {
        OfferingResources.Changeable change = patches.patched(views.offering(service.get(id)), patch, CHANGEABLE,
                OfferingResources.Changeable.class);
        ProductOffering changed = service.change(id, ifMatch, change);
        OfferingResources.Offering view = views.offering(changed);
        return EntityTags.ok(view, OfferingViews.tag(changed, view));
    }

    @DeleteMapping("/{id}")
    @PreAuthorize(OfferingAuthorization.WRITERS)
    @Operation(operationId = "deleteProductOffering", summary = "Delete a draft offering (launched ones retire); with"
            + " If-Match, 412 and nothing deleted unless it names the current ETag")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable UUID id, IfMatch ifMatch) {
        service.delete(id, ifMatch);
    }
}
