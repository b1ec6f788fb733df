package io.accord.orchestration.inventory;

import io.accord.platform.apidocs.RequestExample;
import io.accord.platform.web.OffsetLimit;
import io.accord.platform.web.PagedResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The items of a pool, for staff: listing, one item with its history, and ops' audited hand moves. */
@RestController
@RequestMapping(ItemController.PATH)
@Tag(name = "Inventory items")
class ItemController {

    static final String PATH = InventoryResources.POOLS + "/{poolId}/items";

    private final ItemAdministration service;

    ItemController(ItemAdministration service) {
        this.service = service;
    }

    @GetMapping
    @PreAuthorize(InventoryAuthorization.STAFF_READERS)
    @Operation(operationId = "listInventoryItems",
            summary = "List a pool's items in value order, filtered by state and value prefix, paged by offset and limit")
    ResponseEntity<List<InventoryResources.ItemView>> list(
            @PathVariable String poolId,
            @Parameter(description = "AVAILABLE, RESERVED, ALLOCATED or QUARANTINED") @RequestParam(required = false)
            ItemState state,
            @Parameter(description = "only values starting with this, e.g. +49151000") @RequestParam(required = false)
            String valuePrefix,
            @RequestParam(required = false) Integer offset,
            @RequestParam(required = false) Integer limit) {
        OffsetLimit paging = OffsetLimit.of(offset, limit, Sort.by("value"));
        return PagedResponse.of(service.list(poolId, state, valuePrefix, paging), view -> view);
    }

    @GetMapping("/{itemId}")
    @PreAuthorize(InventoryAuthorization.STAFF_READERS)
    @Operation(operationId = "retrieveInventoryItem", summary = "Read an item with the history of its states")
    InventoryResources.ItemView get(@PathVariable String poolId, @PathVariable String itemId) {
        return service.get(poolId, itemId);
    }

    @PostMapping("/{itemId}/release")
    @PreAuthorize(InventoryAuthorization.WRITERS)
    @Operation(operationId = "releaseInventoryItem", summary = "Release an item: a reservation back to AVAILABLE, "
            + "an allocation into quarantine for its type's cooling-off")
    @RequestExample("orchestration/item-release.json")
    InventoryResources.ItemView release(@PathVariable String poolId, @PathVariable String itemId,
                                        @Valid @RequestBody InventoryResources.ItemAction action) {
        return service.release(poolId, itemId, action);
    }

    @PostMapping("/{itemId}/quarantine")
    @PreAuthorize(InventoryAuthorization.WRITERS)
    @Operation(operationId = "quarantineInventoryItem",
            summary = "Take an AVAILABLE or ALLOCATED item out of service until a time (default: the cooling-off)")
    @RequestExample("orchestration/item-quarantine.json")
    InventoryResources.ItemView quarantine(@PathVariable String poolId, @PathVariable String itemId,
                                           @Valid @RequestBody InventoryResources.ItemAction action) {
        return service.quarantine(poolId, itemId, action);
    }

    @PostMapping("/{itemId}/return-to-pool")
    @PreAuthorize(InventoryAuthorization.WRITERS)
    @Operation(operationId = "returnInventoryItemToPool",
            summary = "End an item's quarantine early: it is AVAILABLE again")
    @RequestExample("orchestration/item-return.json")
    InventoryResources.ItemView returnToPool(@PathVariable String poolId, @PathVariable String itemId,
                                             @Valid @RequestBody InventoryResources.ItemAction action) {
        return service.returnToPool(poolId, itemId, action);
    }
}
