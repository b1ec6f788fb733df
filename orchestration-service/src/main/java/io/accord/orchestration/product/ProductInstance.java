package io.accord.orchestration.product;

import io.accord.contracts.events.OfferingLaunched;
import io.accord.contracts.events.ProductDetails;
import io.accord.platform.problem.ConflictException;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The product instance aggregate: what one order item gave a subscriber, with the offering's data as it was at
 * order time, and the guarded transitions CREATED → ACTIVE → SUSPENDED ↔ ACTIVE → TERMINATED, CREATED →
 * CANCELLED. An illegal transition throws {@link ConflictException} (a 409 naming the current state). The methods
 * that may be repeated safely (activate with the same data, terminate, cancel) answer whether anything changed.
 */
final class ProductInstance {

    final UUID id;
    final String orderId;
    final String orderItemId;
    final String offeringId;
    final int offeringVersion;
    final String offeringName;
    final UUID ownerPartnerId;
    final String categoryCode;
    final UUID bundleProductId;
    final UUID buyerPartnerId;
    final String salesChannel;
    final String customerId;
    final List<OfferingLaunched.Participant> participants;
    final List<String> usagePriceIds;
    final List<ProductDetails.LockedCharge> charges;
    final Instant createdAt;
    List<ProductDetails.SubscriberIdentifier> identifiers = List.of();
    List<RealisingResource> resources = List.of();
    Map<String, String> characteristics;
    ProductState state = ProductState.CREATED;
    String stateReason;
    /** Who barred it, while SUSPENDED; {@code null} in any other state. */
    Suspension suspension;
    Instant startAt;
    Instant endAt;
    Instant updatedAt;
    long version;

    /** The order's part and the offering's part of a new instance. */
    record Origin(String orderId, String orderItemId, UUID bundleProductId, UUID buyerPartnerId, String salesChannel,
                  String customerId) {
    }

    /** The offering as it was at order time. */
    record OfferingCopy(String offeringId, int version, String name, UUID ownerPartnerId, String categoryCode,
                        List<OfferingLaunched.Participant> participants, List<String> usagePriceIds) {
    }

    ProductInstance(UUID id, Origin origin, OfferingCopy offering, Map<String, String> characteristics,
                    List<ProductDetails.LockedCharge> charges, Instant createdAt) {
        this.id = id;
        this.orderId = origin.orderId();
        this.orderItemId = origin.orderItemId();
        this.bundleProductId = origin.bundleProductId();
        this.buyerPartnerId = origin.buyerPartnerId();
        this.salesChannel = origin.salesChannel();
        this.customerId = origin.customerId();
        this.offeringId = offering.offeringId();
        this.offeringVersion = offering.version();
        this.offeringName = offering.name();
        this.ownerPartnerId = offering.ownerPartnerId();
        this.categoryCode = offering.categoryCode();
        this.participants = List.copyOf(offering.participants());
        this.usagePriceIds = List.copyOf(offering.usagePriceIds());
        this.charges = List.copyOf(charges);
        this.characteristics = sorted(characteristics);
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
    }

    /**
     * CREATED → ACTIVE from {@code at}. Repeated on an ACTIVE instance with the same identifiers and resources it
     * changes nothing and answers {@code false} (a retried fulfilment step); with other data it is a conflict.
     */
    boolean activate(List<ProductDetails.SubscriberIdentifier> identifiers, List<RealisingResource> resources,
                     Instant at) {
        if (state == ProductState.ACTIVE && this.identifiers.equals(identifiers)
                && this.resources.equals(resources)) {
            return false;
        }
        if (state == ProductState.ACTIVE) {
            throw new ConflictException("Product " + id + " is already active with other identifiers or resources");
        }
        require(ProductState.CREATED, "activated");
        this.identifiers = List.copyOf(identifiers);
        this.resources = List.copyOf(resources);
        this.startAt = Objects.requireNonNull(at, "at");
        move(ProductState.ACTIVE, null, at);
        return true;
    }

    /**
     * New characteristic values merged over the old ones (a {@code null} value removes one): ACTIVE or SUSPENDED.
     * Answers {@code false} when the values are those it already has (a retried modification changes nothing).
     */
    boolean modify(Map<String, String> changes, Instant at) {
        if (state != ProductState.ACTIVE && state != ProductState.SUSPENDED) {
            throw new ConflictException("Product " + id + " is " + state.tmf()
                    + ": only an active or suspended product can be modified");
        }
        Map<String, String> merged = new TreeMap<>(characteristics);
        changes.forEach((name, value) -> {
            if (value == null) {
                merged.remove(name);
            } else {
                merged.put(name, value);
            }
        });
        if (merged.equals(characteristics)) {
            return false;
        }
        this.characteristics = sorted(merged);
        this.updatedAt = at;
        return true;
    }

    /** ACTIVE → SUSPENDED, barred by {@code by} (staff or the buyer) at {@code by.at()}. */
    void suspend(String reason, Suspension by) {
        require(ProductState.ACTIVE, "suspended");
        move(ProductState.SUSPENDED, reason, Objects.requireNonNull(by.at(), "at"));
        this.suspension = by;
    }

    /**
     * A suspension asked of an instance already SUSPENDED: staff take over the buyer's bar (it becomes a staff bar,
     * with their reason; {@code true}); anything else changes nothing ({@code false}): a bar of the same side stays
     * the first one, and a partner never turns a staff bar into one it could lift.
     */
    boolean takeOver(String reason, Suspension by) {
        require(ProductState.SUSPENDED, "suspended again");
        if (!by.isStaff() || suspension.isStaff()) {
            return false;
        }
        this.stateReason = reason;
        this.suspension = by;
        this.updatedAt = Objects.requireNonNull(by.at(), "at");
        return true;
    }

    /**
     * SUSPENDED → ACTIVE. The buyer ({@code by} {@link Suspension.Side#PARTNER}) lifts only its own bar: a staff
     * bar is a conflict that changes nothing.
     */
    void resume(String reason, Suspension.Side by, Instant at) {
        require(ProductState.SUSPENDED, "resumed");
        if (by == Suspension.Side.PARTNER && suspension.isStaff()) {
            throw new ConflictException("Product " + id + " was suspended by the CSP" + (suspension.at() == null ? ""
                    : " on " + suspension.at()) + ", not by your partner: a reseller lifts only the bars it set, the "
                    + "CSP's (e.g. for fraud or a legal order) only the CSP lifts. Ask your partner manager at the "
                    + "CSP to resume it");
        }
        move(ProductState.ACTIVE, reason, at);
    }

    /** ACTIVE or SUSPENDED → TERMINATED, ending at {@code at}; {@code false} when it already was terminated. */
    boolean terminate(String reason, Instant at) {
        if (state == ProductState.TERMINATED) {
            return false;
        }
        if (state != ProductState.ACTIVE && state != ProductState.SUSPENDED) {
            throw new ConflictException("Product " + id + " is " + state.tmf() + ": only an active or suspended "
                    + "product can be terminated" + (state == ProductState.CREATED ? " (cancel it instead)" : ""));
        }
        this.endAt = Objects.requireNonNull(at, "at");
        move(ProductState.TERMINATED, reason, at);
        return true;
    }

    /** CREATED → CANCELLED (never activated); {@code false} when it already was cancelled. */
    boolean cancel(String reason, Instant at) {
        if (state == ProductState.CANCELLED) {
            return false;
        }
        require(ProductState.CREATED, "cancelled");
        move(ProductState.CANCELLED, reason, at);
        return true;
    }

    private void move(ProductState to, String reason, Instant at) {
        this.state = to;
        this.suspension = null;
        this.stateReason = reason;
        this.updatedAt = at;
    }

    private void require(ProductState expected, String action) {
        if (state != expected) {
            String article = expected == ProductState.ACTIVE ? "an " : "a ";
            throw new ConflictException("Product " + id + " is " + state.tmf() + ": only " + article + expected.tmf()
                    + " product can be " + action);
        }
    }

    /** Characteristics by name, so views and events list them in a stable order. */
    private static Map<String, String> sorted(Map<String, String> values) {
        return Collections.unmodifiableMap(new TreeMap<>(values));
    }
}
