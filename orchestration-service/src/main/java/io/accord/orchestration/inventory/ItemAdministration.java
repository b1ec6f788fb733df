package io.accord.orchestration.inventory;

import io.accord.orchestration.product.ProductState;
import io.accord.orchestration.product.ProductView;
import io.accord.orchestration.product.Products;
import io.accord.platform.audit.AuditTrail;
import io.accord.platform.problem.ConflictException;
import io.accord.platform.problem.InvalidInputException;
import io.accord.platform.problem.NotFoundException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * Ops' view of a pool's items and their hand moves (release, quarantine, return to pool), each audited. An item
 * allocated to a product instance that has not ended is not released by hand: back in the pool, it would go to
 * the next order while that product still uses it.
 */
@Service
class ItemAdministration {

    private final PoolService pools;
    private final InventoryItemRepository items;
    private final ItemHistory history;
    private final LowWatermark watermark;
    private final AuditTrail audit;
    private final Products products;
    private final InventoryProperties properties;
    private final Clock clock;

    ItemAdministration(PoolService pools, InventoryItemRepository items, ItemHistory history, LowWatermark watermark,
                       AuditTrail audit, Products products, InventoryProperties properties, Clock clock) {
        this.pools = pools;
        this.items = items;
        this.history = history;
        this.watermark = watermark;
        this.audit = audit;
        this.products = products;
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

    /**
     * A reservation back to AVAILABLE, an allocation into quarantine; refused (409) while the item is allocated to a
     * product instance that is not terminated or cancelled.
     */
    @Transactional
    InventoryResources.ItemView release(String poolId, String itemId, InventoryResources.ItemAction action) {
        return move(poolId, itemId, "released", (item, now) -> {
            requireNoLiveProduct(item, "release %s");
            return item.release(now.plus(properties.coolingOff(item.resourceType())), action.reason(), now);
        });
    }

    @Transactional
    InventoryResources.ItemView quarantine(String poolId, String itemId, InventoryResources.ItemAction action) {
        return move(poolId, itemId, "quarantined", (item, now) -> {
            Instant until = action.until() != null ? action.until()
                    : now.plus(properties.coolingOff(item.resourceType()));
            if (until.isBefore(now)) {
                throw new InvalidInputException("until", "the quarantine must end in the future");
            }
            if (item.state() == ItemState.ALLOCATED) {
                // allocated, it goes to nobody else; quarantined, the end of its cooling-off would free it
                requireNoLiveProduct(item, "quarantine %s");
            }
            return item.quarantine(until, action.reason(), now);
        });
    }

    /**
     * Ends a quarantine early; refused (409), as a release is, while the item's product instance has not ended (an
     * item quarantined by hand while allocated, before that was refused too).
     */
    @Transactional
    InventoryResources.ItemView returnToPool(String poolId, String itemId, InventoryResources.ItemAction action) {
        return move(poolId, itemId, "returnedToPool", (item, now) -> {
            requireNoLiveProduct(item, "return %s to the pool");
            return item.returnToPool(action.reason(), now);
        });
    }

    /**
     * An item allocated to a product instance (ALLOCATED, or QUARANTINED by hand since) stays out of the pool until
     * the instance is terminated or cancelled: else the next order would get a value that product still uses.
     *
     * @param action what was asked, {@code %s} standing for the item, e.g. {@code "release %s"}
     */
    private void requireNoLiveProduct(InventoryItem item, String action) {
        Optional<ProductView> live = product(item.productInstanceRef()).filter(found -> !found.state().isFinal());
        if (live.isEmpty()) {
            return;
        }
        ProductView product = live.get();
        String free = product.state() == ProductState.CREATED
                ? "its order " + product.orderId() + " is still being fulfilled: cancel the order, whose "
                + "compensation gives the item back"
                : "end the product first (a delete product order, or a PATCH of its status to terminated): "
                + "that releases its resources into quarantine";
        throw new ConflictException("Cannot " + action.formatted(item.resourceType() + " " + item.value())
                + ": it is allocated to product " + product.id() + ", which is " + product.state().tmf() + "; "
                + free);
    }

    /** The product instance an allocation names; none when the reference is not one of orchestration's. */
    private Optional<ProductView> product(String productInstanceRef) {
        if (productInstanceRef == null) {
            return Optional.empty();
        }
        try {
            return products.find(UUID.fromString(productInstanceRef));
        } catch (IllegalArgumentException notAProductId) {
            return Optional.empty();
        }
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
