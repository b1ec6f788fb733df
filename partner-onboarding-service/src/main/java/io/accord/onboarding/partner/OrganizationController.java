package io.accord.onboarding.partner;

import io.accord.platform.web.OffsetLimit;
import io.accord.platform.web.PagedResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

/** Partners as TMF632 organizations (read side; partners are created by approving applications). */
@RestController
@RequestMapping(OrganizationResource.PATH)
@Tag(name = "Organizations (TMF632)")
class OrganizationController {

    private final PartnerService service;

    OrganizationController(PartnerService service) {
        this.service = service;
    }

    @GetMapping("/{id}")
    @Operation(summary = "Retrieve an organization (a partner sees only itself)")
    OrganizationResource get(@PathVariable UUID id) {
        return OrganizationResource.of(service.get(id));
    }

    @GetMapping
    @Operation(summary = "List organizations with TMF paging (offset, limit) and fields= selection")
    ResponseEntity<List<OrganizationResource>> list(@RequestParam(required = false) String name,
                                                    @RequestParam(required = false) PartnerStatus status,
                                                    @RequestParam(required = false) PartnerType organizationType,
                                                    @RequestParam(required = false) String country,
                                                    @RequestParam(required = false) Integer offset,
                                                    @RequestParam(required = false) Integer limit) {
        return PagedResponse.of(service.search(new PartnerSearch(name, status, organizationType, null, country),
                OffsetLimit.of(offset, limit, Sort.by("createdAt", "id"))), OrganizationResource::of);
    }
}
