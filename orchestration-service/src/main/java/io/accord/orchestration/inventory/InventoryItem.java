package io.accord.orchestration.inventory;

import io.accord.platform.problem.ConflictException;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/**
 * One resource (an MSISDN, an ICCID...) of a pool. Its guarded transitions throw {@link ConflictException} on an
 * illegal move and return the {@link Transition} the history records:
 * <pre>
 * AVAILABLE --reserve--> RESERVED --allocate--> ALLOCATED --release--> QUARANTINED --return--> AVAILABLE
 * RESERVED --release / expire--> AVAILABLE      AVAILABLE --quarantine--> QUARANTINED
 * </pre>
 * A reservation released before allocation goes straight back: the resource never reached a subscriber, so it
 * needs no cooling-off.
 */
@Entity
@Table(name = "inventory_item")
class InventoryItem {

    @Id
    private UUID id;
    private UUID poolId;
    @Enumerated(EnumType.STRING)
    private ResourceType resourceType;
    private String value;
    @Enumerated(EnumType.STRING)
    private ItemState state;
    private UUID reservationId;
    private String orderRef;
    private Instant reservedUntil;
    private String productInstanceRef;
    private Instant quarantinedUntil;
    private Instant updatedAt;
    @Version
    private long version;

    protected InventoryItem() {
    }

    /** An item as a row holds it, read by {@link ItemRows} (not managed by JPA: {@link ItemRows#update} writes it). */
    static InventoryItem fromRow(java.sql.ResultSet row) throws java.sql.SQLException {
        InventoryItem item = new InventoryItem();
        item.id = row.getObject("id", UUID.class);
        item.poolId = row.getObject("pool_id", UUID.class);
        item.resourceType = ResourceType.valueOf(row.getString("resource_type"));
        item.value = row.getString("value");
        item.state = ItemState.valueOf(row.getString("state"));
        item.reservationId = row.getObject("reservation_id", UUID.class);
        item.orderRef = row.getString("order_ref");
        item.reservedUntil = instant(row.getTimestamp("reserved_until"));
        item.productInstanceRef = row.getString("product_instance_ref");
        item.quarantinedUntil = instant(row.getTimestamp("quarantined_until"));
        item.updatedAt = instant(row.getTimestamp("updated_at"));
        item.version = row.getLong("version");
        return item;
    }

    private static Instant instant(java.sql.Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    long version() {
        return version;
    }

    /** After {@link ItemRows#update} wrote this item: the row's version moved on by one. */
    void written() {
        version++;
    }

    static InventoryItem available(UUID poolId, ResourceType type, String value, Instant now) {
        InventoryItem item = new InventoryItem();
        item.id = UUID.randomUUID();
        item.poolId = poolId;
        item.resourceType = type;
        item.value = value;
        item.state = ItemState.AVAILABLE;
        item.updatedAt = now;
        return item;
    }

    Transition reserve(UUID reservation, String order, Instant until, Instant now) {
        require(ItemState.AVAILABLE, "reserve");
        if (!until.isAfter(now)) {
            throw new ConflictException("A reservation must expire in the future, not at " + until);
        }
        reservationId = reservation;
        orderRef = order;
        reservedUntil = until;
        return moveTo(ItemState.RESERVED, "RESERVED", order, now);
    }

    Transition allocate(UUID reservation, String productInstance, Instant now) {
        require(ItemState.RESERVED, "allocate");
        if (!reservation.equals(reservationId)) {
            throw new ConflictException("Item " + value + " is held by another reservation");
        }
        if (!now.isBefore(reservedUntil)) {
            throw new ConflictException("Reservation " + reservation + " expired at " + reservedUntil);
        }
        productInstanceRef = productInstance;
        reservedUntil = null;
        return moveTo(ItemState.ALLOCATED, "ALLOCATED", productInstance, now);
    }

    /** Ends a reservation (back to AVAILABLE) or an allocation (into quarantine until {@code coolingOffEnd}). */
    Transition release(Instant coolingOffEnd, String reason, Instant now) {
        if (state == ItemState.RESERVED) {
            clearReservation();
            return moveTo(ItemState.AVAILABLE, "RESERVATION_RELEASED", reason, now);
        }
        require(ItemState.ALLOCATED, "release");
        quarantinedUntil = coolingOffEnd;
        return moveTo(ItemState.QUARANTINED, "RELEASED", reason, now);
    }

    Transition expire(Instant now) {
        require(ItemState.RESERVED, "expire the reservation of");
        if (now.isBefore(reservedUntil)) {
            throw new ConflictException("The reservation of " + value + " runs until " + reservedUntil);
        }
        String order = orderRef;
        clearReservation();
        return moveTo(ItemState.AVAILABLE, "RESERVATION_EXPIRED", order, now);
    }

    /** Takes an available (or allocated) item out of service until {@code until}, e.g. a number reported stolen. */
    Transition quarantine(Instant until, String reason, Instant now) {
        if (state != ItemState.AVAILABLE && state != ItemState.ALLOCATED) {
            throw new ConflictException("Cannot quarantine " + value + ": it is " + state
                    + " (only AVAILABLE or ALLOCATED items can be)");
        }
        quarantinedUntil = until;
        return moveTo(ItemState.QUARANTINED, "QUARANTINED", reason, now);
    }

    /** Back to AVAILABLE from quarantine, before the end of cooling-off (an ops decision). */
    Transition returnToPool(String reason, Instant now) {
        require(ItemState.QUARANTINED, "return to the pool");
        return leaveQuarantine("RETURNED_TO_POOL", reason, now);
    }

    /** Back to AVAILABLE because the cooling-off is over (the job). */
    Transition endCoolingOff(Instant now) {
        require(ItemState.QUARANTINED, "end the cooling-off of");
        if (quarantinedUntil != null && now.isBefore(quarantinedUntil)) {
            throw new ConflictException("The cooling-off of " + value + " runs until " + quarantinedUntil);
        }
        return leaveQuarantine("COOLING_OFF_ENDED", null, now);
    }

    private Transition leaveQuarantine(String action, String reason, Instant now) {
        quarantinedUntil = null;
        productInstanceRef = null;
        clearReservation();
        return moveTo(ItemState.AVAILABLE, action, reason, now);
    }

    private void clearReservation() {
        reservationId = null;
        orderRef = null;
        reservedUntil = null;
    }

    private void require(ItemState required, String action) {
        if (state != required) {
            throw new ConflictException("Cannot " + action + " " + resourceType + " " + value + ": it is " + state
                    + ", not " + required);
        }
    }

    private Transition moveTo(ItemState next, String action, String reference, Instant now) {
        ItemState previous = state;
        state = next;
        updatedAt = now;
        return new Transition(previous, next, action, reference);
    }

    UUID id() {
        return id;
    }

    UUID poolId() {
        return poolId;
    }

    ResourceType resourceType() {
        return resourceType;
    }

    String value() {
        return value;
    }

    ItemState state() {
        return state;
    }

    UUID reservationId() {
        return reservationId;
    }

    String orderRef() {
        return orderRef;
    }

    Instant reservedUntil() {
        return reservedUntil;
    }

    String productInstanceRef() {
        return productInstanceRef;
    }

    Instant quarantinedUntil() {
        return quarantinedUntil;
    }

    Instant updatedAt() {
        return updatedAt;
    }
}
