package io.accord.orchestration.inventory;

import io.accord.platform.apidocs.RequestExample;
import io.accord.platform.web.OffsetLimit;
import io.accord.platform.web.PagedResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

/** Inventory pools and their levels. */
@RestController
@Tag(name = "Inventory pools")
class PoolController {

    private final PoolService service;

    PoolController(PoolService service) {
        this.service = service;
    }

    @PostMapping(InventoryResources.POOLS)
    @PreAuthorize(InventoryAuthorization.WRITERS)
    @Operation(operationId = "createInventoryPool",
            summary = "Create a pool of one resource type (MSISDN, ICCID, IMSI, LICENCE_KEY), a partner's or the CSP's")
    @ResponseStatus(HttpStatus.CREATED)
    @RequestExample("orchestration/inventory-pool.json")
    ResponseEntity<InventoryResources.PoolView> create(@Valid @RequestBody InventoryResources.CreatePool request) {
        InventoryResources.PoolView created = service.create(request);
        return ResponseEntity.created(URI.create(created.href())).body(created);
    }

    @GetMapping(InventoryResources.POOLS)
    @PreAuthorize(InventoryAuthorization.POOL_READERS)
    @Operation(operationId = "listInventoryPools",
            summary = "List pools with their levels (a partner sees its own), paged by offset and limit")
    ResponseEntity<List<InventoryResources.PoolView>> list(
            @Parameter(description = "only pools of this resource type") @RequestParam(required = false)
            String resourceType,
            @RequestParam(required = false) Integer offset,
            @RequestParam(required = false) Integer limit) {
        return PagedResponse.of(service.list(resourceType, OffsetLimit.of(offset, limit, Sort.by("createdAt", "id"))),
                view -> view);
    }

    @GetMapping(InventoryResources.POOLS + "/{poolId}")
    @PreAuthorize(InventoryAuthorization.POOL_READERS)
    @Operation(operationId = "retrieveInventoryPool", summary = "Read a pool with its levels per item state")
    InventoryResources.PoolView get(@PathVariable String poolId) {
        return service.get(poolId);
    }

    @PutMapping(InventoryResources.POOLS + "/{poolId}/low-watermark")
    @PreAuthorize(InventoryAuthorization.WRITERS)
    @Operation(operationId = "changeInventoryPoolLowWatermark",
            summary = "Set the pool's low watermark (0: none); the event is raised again at the next crossing")
    @RequestExample("orchestration/low-watermark.json")
    InventoryResources.PoolView changeLowWatermark(@PathVariable String poolId,
                                                   @Valid @RequestBody InventoryResources.ChangeLowWatermark request) {
        return service.changeLowWatermark(poolId, request.lowWatermark());
    }

    @GetMapping(InventoryResources.LEVELS)
    @PreAuthorize(InventoryAuthorization.POOL_READERS)
    @Operation(operationId = "listInventoryLevels",
            summary = "Levels per resource type over every pool (a partner: over its own pools)")
    List<InventoryResources.TypeLevels> levels() {
        return service.levelsByType();
    }
}
