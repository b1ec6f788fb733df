package io.accord.orchestration.inventory;

import io.accord.contracts.value.PartnerId;
import io.accord.platform.audit.AuditTrail;
import io.accord.platform.problem.NotFoundException;
import io.accord.platform.security.Tenancy;
import jakarta.persistence.EntityManager;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Pools for the REST edge: staff see every pool, a partner only its own (another's answers 404). */
@Service
class PoolService {

    private final InventoryPoolRepository pools;
    private final LevelCounts levels;
    private final LowWatermark watermark;
    private final AuditTrail audit;
    private final Tenancy tenancy;
    private final EntityManager entityManager;
    private final Clock clock;

    PoolService(InventoryPoolRepository pools, LevelCounts levels, LowWatermark watermark, AuditTrail audit,
                Tenancy tenancy, EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.pools = pools;
        this.levels = levels;
        this.watermark = watermark;
        this.audit = audit;
        this.tenancy = tenancy;
        this.clock = clock;
    }

    @Transactional
    InventoryResources.PoolView create(InventoryResources.CreatePool request) {
        ResourceType type = ResourceType.of("resourceType", request.resourceType());
        PartnerId owner = request.partnerId() == null ? null : new PartnerId(request.partnerId());
        InventoryPool pool = InventoryPool.create(request.name().strip(), type, owner,
                request.lowWatermark() == null ? 0 : request.lowWatermark(), clock.instant());
        pools.saveAndFlush(pool);
        InventoryResources.PoolView view = InventoryResources.PoolView.of(pool, Levels.EMPTY);
        audit.record(owner, "inventoryPool", pool.id().toString(), "created", null, view);
        return view;
    }

    @Transactional
    InventoryResources.PoolView changeLowWatermark(String id, int lowWatermark) {
        InventoryPool pool = find(id);
        InventoryResources.PoolView before = view(pool);
        pool.changeLowWatermark(lowWatermark);
        pools.saveAndFlush(pool);
        watermark.check(pool);
        // the check may have disarmed the pool in the database: show what it stored
        entityManager.refresh(pool);
        InventoryResources.PoolView after = view(pool);
        audit.record(pool.owner(), "inventoryPool", pool.id().toString(), "lowWatermarkChanged", before, after);
        return after;
    }

    @Transactional(readOnly = true)
    InventoryResources.PoolView get(String id) {
        return view(find(id));
    }

    @Transactional(readOnly = true)
    Page<InventoryResources.PoolView> list(String resourceType, Pageable page) {
        Specification<InventoryPool> spec = (root, query, cb) -> cb.conjunction();
        if (resourceType != null) {
            ResourceType type = ResourceType.of("resourceType", resourceType);
            spec = spec.and((root, query, cb) -> cb.equal(root.get("resourceType"), type));
        }
        if (!tenancy.isStaff()) {
            Optional<UUID> own = tenancy.partnerId().map(PartnerId::value);
            if (own.isEmpty()) {
                return Page.empty(page);
            }
            spec = spec.and((root, query, cb) -> cb.equal(root.get("partnerId"), own.get()));
        }
        Page<InventoryPool> found = pools.findAll(spec, page);
        Map<UUID, Levels> counts = levels.ofPools(found.map(InventoryPool::id).getContent());
        return found.map(pool -> InventoryResources.PoolView.of(pool, counts.getOrDefault(pool.id(), Levels.EMPTY)));
    }

    /** Levels per resource type over the pools the caller may see. */
    @Transactional(readOnly = true)
    List<InventoryResources.TypeLevels> levelsByType() {
        Map<String, Levels> byType;
        if (tenancy.isStaff()) {
            byType = levels.byType(null);
        } else {
            List<UUID> own = tenancy.partnerId()
                    .map(partner -> pools.findByPartnerId(partner.value(), Pageable.unpaged()).map(InventoryPool::id)
                            .getContent())
                    .orElse(List.of());
            byType = levels.byType(own);
        }
        return Arrays.stream(ResourceType.values())
                .filter(type -> byType.containsKey(type.name()))
                .map(type -> new InventoryResources.TypeLevels(type.name(), byType.get(type.name())))
                .toList();
    }

    /** The pool the caller may see, by an id of any shape: unknown, malformed or another partner's → 404. */
    InventoryPool find(String id) {
        UUID uuid = Ids.parse("InventoryPool", id);
        // a partner sees its own pools only; CSP pools serve it but are the CSP's to show
        return pools.findById(uuid)
                .filter(pool -> tenancy.isStaff() || (pool.owner() != null && tenancy.canAccess(pool.owner())))
                .orElseThrow(() -> new NotFoundException("InventoryPool", id));
    }

    private InventoryResources.PoolView view(InventoryPool pool) {
        return InventoryResources.PoolView.of(pool, levels.of(pool.id()));
    }
}
