package io.accord.orchestration.inventory;

import io.accord.contracts.value.PartnerId;
import io.accord.platform.problem.ConflictException;
import io.accord.platform.problem.InvalidInputException;
import io.accord.platform.problem.NotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What orders (the fulfilment saga) ask of inventory: reserve a resource of a type for an order, allocate it to
 * the product instance, release it (compensation or termination), and the pool levels. Each call is one
 * transaction; every item move is in the item history. The caller is trusted (no tenancy check): it names the
 * partner whose order it serves, and only pools serving that partner are used.
 */
@Component
public class Inventory {

    private final ItemRows items;
    private final ItemHistory history;
    private final LowWatermark watermark;
    private final LevelCounts levels;
    private final InventoryProperties properties;
    private final Clock clock;

    Inventory(ItemRows items, ItemHistory history,
              LowWatermark watermark, LevelCounts levels, InventoryProperties properties, Clock clock) {
        this.items = items;
        this.history = history;
        this.watermark = watermark;
        this.levels = levels;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Reserves one item of {@code resourceType} until {@code expiresAt}: from the partner's own pools first, then
     * from the CSP's pools. Concurrent reservations never take the same item.
     *
     * @param partner the partner whose order it is; {@code null} for the CSP's own orders (CSP pools only)
     * @throws ConflictException when no pool serving the partner has an AVAILABLE item left
     */
    @Transactional
    public Reservation reserve(String resourceType, PartnerId partner, String orderRef, Instant expiresAt) {
        ResourceType type = ResourceType.of("resourceType", resourceType);
        List<InventoryPool> candidates = partner == null ? items.cspPools(type)
                : items.candidates(type, partner.value());
        return reserveFrom(candidates, orderRef, expiresAt).orElseThrow(() -> new ConflictException(
                "No " + type + " is available for " + (partner == null ? "the CSP" : "partner " + partner)));
    }

    /** Reserves one item of a named pool, which must serve {@code partner}. */
    @Transactional
    public Reservation reserveFromPool(UUID poolId, PartnerId partner, String orderRef, Instant expiresAt) {
        InventoryPool pool = items.pool(poolId).filter(found -> found.serves(partner))
                .orElseThrow(() -> new NotFoundException("InventoryPool", poolId));
        return reserveFrom(List.of(pool), orderRef, expiresAt).orElseThrow(() -> new ConflictException(
                "Pool " + pool.name() + " has no " + pool.resourceType() + " available"));
    }

    private Optional<Reservation> reserveFrom(List<InventoryPool> candidates, String orderRef, Instant expiresAt) {
        Instant now = clock.instant();
        if (orderRef == null || orderRef.isBlank()) {
            throw new InvalidInputException("orderRef", "name the order the resource is reserved for");
        }
        if (expiresAt == null || !expiresAt.isAfter(now)) {
            throw new InvalidInputException("expiresAt", "a reservation must expire in the future");
        }
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        // one statement skips the exhausted pools; only when what it saw available was all taken meanwhile
        // (SKIP LOCKED) are the pools asked one by one
        Optional<InventoryItem> first = items.lockFirstAvailable(candidates.stream().map(InventoryPool::id).toList());
        if (first.isPresent()) {
            InventoryItem item = first.get();
            InventoryPool pool = candidates.stream().filter(candidate -> candidate.id().equals(item.poolId()))
                    .findFirst().orElseThrow();
            return Optional.of(reserve(item, pool, orderRef, expiresAt, now));
        }
        for (InventoryPool pool : candidates) {
            Optional<InventoryItem> next = items.lockNextAvailable(pool.id());
            if (next.isPresent()) {
                return Optional.of(reserve(next.get(), pool, orderRef, expiresAt, now));
            }
        }
        return Optional.empty();
    }

    private Reservation reserve(InventoryItem item, InventoryPool pool, String orderRef, Instant expiresAt,
                                Instant now) {
        UUID reservation = UUID.randomUUID();
        history.record(item, item.reserve(reservation, orderRef, expiresAt, now), now);
        items.update(item);
        watermark.afterTaking(pool);
        return Reservation.of(reservation, item);
    }

    /**
     * The reservation made for {@code orderRef} that still holds an item (RESERVED or ALLOCATED), if any: a saga step
     * that reserves with its own reference looks here first, so a repeated attempt does not reserve twice.
     */
    @Transactional(readOnly = true)
    public Optional<Reservation> heldFor(String orderRef) {
        if (orderRef == null || orderRef.isBlank()) {
            return Optional.empty();
        }
        return items.heldFor(orderRef).map(item -> Reservation.of(item.reservationId(), item));
    }

    /** Hands the reserved item to a product instance; refused once the reservation has expired. */
    @Transactional
    public Reservation allocate(UUID reservationId, String productInstanceRef) {
        if (productInstanceRef == null || productInstanceRef.isBlank()) {
            throw new InvalidInputException("productInstanceRef", "name the product instance");
        }
        InventoryItem item = reserved(reservationId);
        Instant now = clock.instant();
        history.record(item, item.allocate(reservationId, productInstanceRef, now), now);
        items.update(item);
        return Reservation.of(reservationId, item);
    }

    /**
     * Gives the resource back: an unallocated reservation is AVAILABLE again at once; an allocated item goes into
     * quarantine for its type's cooling-off. Releasing an already released allocation answers its state again
     * while it is in quarantine.
     *
     * @throws NotFoundException when no item holds this reservation: it expired or was released before
     *                           allocation (the item is AVAILABLE again), so there is nothing left to release
     */
    @Transactional
    public Reservation release(UUID reservationId, String reason) {
        return release(reserved(reservationId), reason);
    }

    /**
     * As {@link #release}, for a reservation that may no longer hold an item (released before allocation, expired,
     * or out of quarantine again): then there is nothing to give back and it answers empty, without an exception that
     * would mark the caller's transaction rollback-only.
     */
    @Transactional
    public Optional<Reservation> releaseIfHeld(UUID reservationId, String reason) {
        return items.lockByReservation(reservationId).map(item -> release(item, reason));
    }

    private Reservation release(InventoryItem item, String reason) {
        UUID reservationId = item.reservationId();
        if (item.state() == ItemState.QUARANTINED) {
            return Reservation.of(reservationId, item);
        }
        Instant now = clock.instant();
        history.record(item, item.release(now.plus(properties.coolingOff(item.resourceType())), reason, now), now);
        items.update(item);
        if (item.state() == ItemState.AVAILABLE) {
            items.pool(item.poolId()).ifPresent(watermark::afterAdding);
        }
        return Reservation.of(reservationId, item);
    }

    /** The levels of every pool of a resource type together. */
    @Transactional(readOnly = true)
    public Levels levels(String resourceType) {
        ResourceType type = ResourceType.of("resourceType", resourceType);
        return levels.byType(null).getOrDefault(type.name(), Levels.EMPTY);
    }

    private InventoryItem reserved(UUID reservationId) {
        return items.lockByReservation(reservationId)
                .orElseThrow(() -> new NotFoundException("Reservation", reservationId));
    }
}
