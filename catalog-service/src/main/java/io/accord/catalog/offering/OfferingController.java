package io.accord.catalog.offering;

import io.accord.contracts.Roles;
import io.accord.platform.apidocs.RequestExample;
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

/** TMF620 productOffering: partners submit their own, staff submit for a named partner. */
@RestController
@RequestMapping(OfferingResources.PATH)
@Tag(name = "Product offerings (TMF620)")
class OfferingController {

    private final OfferingService service;

    OfferingController(OfferingService service) {
        this.service = service;
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('" + Roles.PARTNER_ADMIN + "', '" + Roles.PARTNER_MANAGER + "', '"
            + Roles.PLATFORM_ADMIN + "')")
    @Operation(operationId = "createProductOffering", summary = "Submit a product offering; only ACTIVE partners may")
    @ResponseStatus(HttpStatus.CREATED)
    @RequestExample("catalog/offering.json")
    ResponseEntity<OfferingResources.Offering> create(@Valid @RequestBody OfferingResources.CreateOffering request) {
        OfferingResources.Offering created = OfferingResources.Offering.of(service.create(request));
        return ResponseEntity.created(URI.create(created.href())).body(created);
    }

    @GetMapping("/{id}")
    @Operation(operationId = "retrieveProductOffering", summary = "Read a product offering")
    OfferingResources.Offering get(@PathVariable UUID id) {
        return OfferingResources.Offering.of(service.get(id));
    }

    @GetMapping
    @Operation(operationId = "listProductOfferings",
            summary = "List product offerings (a partner sees its own), paged by offset and limit")
    ResponseEntity<List<OfferingResources.Offering>> list(@RequestParam(required = false) Integer offset,
                                                         @RequestParam(required = false) Integer limit) {
        return PagedResponse.of(service.list(OffsetLimit.of(offset, limit, Sort.by("createdAt", "id"))),
                OfferingResources.Offering::of);
    }
}
