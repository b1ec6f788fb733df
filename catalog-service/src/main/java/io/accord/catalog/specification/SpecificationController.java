package io.accord.catalog.specification;

import io.accord.contracts.Roles;
import io.accord.contracts.value.PartnerId;
import io.accord.platform.apidocs.RequestExample;
import io.accord.platform.problem.InvalidInputException;
import io.accord.platform.problem.NotFoundException;
import io.accord.platform.security.Tenancy;
import io.accord.platform.web.EntityTags;
import io.accord.platform.web.IfMatch;
import io.accord.platform.web.MergePatch;
import io.accord.platform.web.OffsetLimit;
import io.accord.platform.web.PagedResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
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
 * TMF620 productSpecification: create, read, merge-patch and delete. A partner sees its own and the CSP's
 * specifications; another partner's answers 404. A specification offerings use changes through them (a launched
 * one only through review): PATCH and DELETE answer 409 for it.
 */
@RestController
@RequestMapping(SpecificationResources.PATH)
@Tag(name = "Product specifications (TMF620)")
class SpecificationController {

    static final String WRITERS = "hasAnyRole('" + Roles.PARTNER_ADMIN + "', '" + Roles.PARTNER_MANAGER + "', '"
            + Roles.PLATFORM_ADMIN + "')";
    static final String READERS = "hasAnyRole('" + Roles.PARTNER_ADMIN + "', '" + Roles.PARTNER_USER + "', '"
            + Roles.PARTNER_MANAGER + "', '" + Roles.PLATFORM_ADMIN + "', '" + Roles.OPS + "', '" + Roles.AUDITOR
            + "', '" + Roles.FINANCE + "')";

    /** What a merge patch may change: the definition; the owner and external id stay. */
    private static final Set<String> CHANGEABLE = Set.of("name", "description", "productSpecCharacteristic",
            "resourceSpecification", "partnerActivation");

    private final SpecificationService service;
    private final Tenancy tenancy;
    private final MergePatch patches;

    SpecificationController(SpecificationService service, Tenancy tenancy, MergePatch patches) {
        this.service = service;
        this.tenancy = tenancy;
        this.patches = patches;
    }

    @PostMapping
    @PreAuthorize(WRITERS)
    @Operation(operationId = "createProductSpecification", summary = "Create a product specification with its "
            + "characteristics and fulfilment needs (a partner its own; staff a CSP one)")
    @ResponseStatus(HttpStatus.CREATED)
    @RequestExample("catalog/product-specification.json")
    ResponseEntity<SpecificationResources.Specification> create(
            @Valid @RequestBody SpecificationResources.CreateSpecification request) {
        SpecificationView view = service.create(owner(request.relatedParty()), request);
        SpecificationResources.Specification created = SpecificationResources.Specification.of(view);
        return EntityTags.created(URI.create(created.href()), created, view.version());
    }

    @GetMapping("/{id}")
    @PreAuthorize(READERS)
    @Operation(operationId = "retrieveProductSpecification", summary = "Read a product specification; its ETag, 304"
            + " without a body when If-None-Match names it")
    ResponseEntity<SpecificationResources.Specification> get(@PathVariable UUID id) {
        SpecificationView view = service.get(id).filter(this::visible)
                .orElseThrow(() -> new NotFoundException("ProductSpecification", id));
        return EntityTags.ok(SpecificationResources.Specification.of(view), view.version());
    }

    @PatchMapping(path = "/{id}", consumes = MergePatch.MEDIA_TYPE)
    @PreAuthorize(WRITERS)
    @Operation(operationId = "patchProductSpecification", summary = "Change a specification no offering uses yet "
            + "with a JSON merge patch (name, description, productSpecCharacteristic, resourceSpecification, "
            + "partnerActivation); one offerings use answers 409; with If-Match, 412 and nothing changed unless it"
            + " names the current ETag")
    @RequestExample("catalog/product-specification-patch.json")
    ResponseEntity<SpecificationResources.Specification> patch(
            @PathVariable UUID id,
            IfMatch ifMatch,
            @RequestBody JsonNode patch) {
        SpecificationView current = writable(id);
        SpecificationResources.CreateSpecification changed = patches.patched(
                SpecificationResources.Specification.of(current), patch, CHANGEABLE,
                SpecificationResources.CreateSpecification.class);
        SpecificationView view = service.change(current, ifMatch, changed);
        return EntityTags.ok(SpecificationResources.Specification.of(view), view.version());
    }

    @DeleteMapping("/{id}")
    @PreAuthorize(WRITERS)
    @Operation(operationId = "deleteProductSpecification", summary = "Delete a specification no offering uses; "
            + "one offerings use answers 409; with If-Match, 412 and nothing deleted unless it names the current ETag")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable UUID id, IfMatch ifMatch) {
        service.delete(writable(id), ifMatch);
    }

    @GetMapping
    @PreAuthorize(READERS)
    @Operation(operationId = "listProductSpecifications", summary = "List the specifications the caller may see, "
            + "paged by offset and limit; fields= selection")
    ResponseEntity<List<SpecificationResources.Specification>> list(@RequestParam(required = false) Integer offset,
                                                                   @RequestParam(required = false) Integer limit) {
        Specification<ProductSpecification> visible = tenancy.isStaff() ? Specification.unrestricted()
                : (root, query, builder) -> builder.or(builder.isNull(root.get("partnerId")),
                builder.equal(root.get("partnerId"), tenancy.partnerId().map(PartnerId::value)
                        .orElse(new UUID(0, 0))));
        return PagedResponse.of(service.list(visible, OffsetLimit.of(offset, limit, Sort.by("createdAt", "id"))),
                SpecificationResources.Specification::of);
    }

    /** Another partner's specification is not found; a partner reads the CSP's but does not change it. */
    private SpecificationView writable(UUID id) {
        SpecificationView view = service.get(id).filter(this::visible)
                .orElseThrow(() -> new NotFoundException("ProductSpecification", id));
        if (!tenancy.isStaff() && view.ownerPartnerId() == null) {
            throw new AccessDeniedException("Only staff change the CSP's specifications");
        }
        return view;
    }

    private boolean visible(SpecificationView view) {
        return tenancy.isStaff() || view.ownerPartnerId() == null
                || tenancy.partnerId().map(p -> p.value().equals(view.ownerPartnerId())).orElse(false);
    }

    private UUID owner(List<SpecificationResources.PartyRef> parties) {
        UUID named = parties == null ? null : parties.stream().filter(p -> "Owner".equalsIgnoreCase(p.role()))
                .map(SpecificationResources.PartyRef::id).findFirst().orElse(null);
        if (tenancy.isStaff()) {
            return named;
        }
        UUID own = tenancy.partnerId().map(PartnerId::value).orElseThrow(() ->
                new InvalidInputException("relatedParty", "your token is not bound to a partner"));
        if (named != null && !named.equals(own)) {
            throw new InvalidInputException("relatedParty", "a partner may only create its own specifications");
        }
        return own;
    }
}
