package io.accord.orchestration.inventory;

import io.accord.platform.audit.AuditTrail;
import io.accord.platform.problem.InvalidInputException;
import io.accord.platform.problem.NotFoundException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.function.BiFunction;

/** Ops' view of a pool's items and their hand moves (release, quarantine, return to pool), each audited. */
@Service
class ItemAdministration {

    private final PoolService pools;
    private final InventoryItemRepository items;
    private final ItemHistory history;
    private final LowWatermark watermark;
    private final AuditTrail audit;
    private final InventoryProperties properties;
    private final Clock clock;

    ItemAdministration(PoolService pools, InventoryItemRepository items, ItemHistory history, LowWatermark watermark,
                       AuditTrail audit, InventoryProperties properties, Clock clock) {
        this.pools = pools;
        this.items = items;
        this.history = history;
        this.watermark = watermark;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    Page<InventoryResources.ItemView> list(String poolId, ItemState state, String valuePrefix, Pageable page) {
        UUID pool = pools.find(poolId).id();
        Specification<InventoryItem> spec = (root, query, cb) -> cb.equal(root.get("poolId"), pool);
        if (state != null) {
            spec = spec.and((root, query, cb) -> cb.equal(root.get("state"), state));
        }
        if (valuePrefix != null && !valuePrefix.isBlank()) {
            String pattern = valuePrefix.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            spec = spec.and((root, query, cb) -> cb.like(root.get("value"), pattern, '\\'));
        }
        return items.findAll(spec, page).map(item -> InventoryResources.ItemView.of(item, null));
    }

    @Transactional(readOnly = true)
    InventoryResources.ItemView get(String poolId, String itemId) {
        InventoryItem item = find(poolId, itemId);
        return InventoryResources.ItemView.of(item, history.of(item.id()));
    }

    @Transactional
    InventoryResources.ItemView release(String poolId, String itemId, InventoryResources.ItemAction action) {
        return move(poolId, itemId, "released", (item, now) ->
                item.release(now.plus(properties.coolingOff(item.resourceType())), action.reason(), now));
    }

    @Transactional
    InventoryResources.ItemView quarantine(String poolId, String itemId, InventoryResources.ItemAction action) {
        return move(poolId, itemId, "quarantined", (item, now) -> {
            Instant until = action.until() != null ? action.until()
                    : now.plus(properties.coolingOff(item.resourceType()));
            if (until.isBefore(now)) {
                throw new InvalidInputException("until", "the quarantine must end in the future");
            }
            return item.quarantine(until, action.reason(), now);
        });
    }

    @Transactional
    InventoryResources.ItemView returnToPool(String poolId, String itemId, InventoryResources.ItemAction action) {
        return move(poolId, itemId, "returnedToPool", (item, now) -> item.returnToPool(action.reason(), now));
    }

    private InventoryResources.ItemView move(String poolId, String itemId, String action,
                                             BiFunction<InventoryItem, Instant, Transition> transition) {
        InventoryPool pool = pools.find(poolId);
        InventoryItem item = items.lock(Ids.parse("InventoryItem", itemId))
                .filter(found -> found.poolId().equals(pool.id()))
                .orElseThrow(() -> new NotFoundException("InventoryItem", itemId));
        InventoryResources.ItemView before = InventoryResources.ItemView.of(item, null);
        Instant now = clock.instant();
        history.record(item, transition.apply(item, now), now);
        items.saveAndFlush(item);
        if (item.state() == ItemState.AVAILABLE) {
            watermark.afterAdding(pool);
        } else {
            watermark.afterTaking(pool);
        }
        InventoryResources.ItemView after = InventoryResources.ItemView.of(item, null);
        audit.record(pool.owner(), "inventoryItem", item.id().toString(), action, before, after);
        return InventoryResources.ItemView.of(item, history.of(item.id()));
    }

    private InventoryItem find(String poolId, String itemId) {
        UUID pool = pools.find(poolId).id();
        UUID id = Ids.parse("InventoryItem", itemId);
        return items.findById(id).filter(item -> item.poolId().equals(pool))
                .orElseThrow(() -> new NotFoundException("InventoryItem", itemId));
    }
}
