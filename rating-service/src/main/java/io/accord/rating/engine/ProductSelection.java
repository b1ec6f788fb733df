package io.accord.rating.engine;

import java.time.Instant;

/**
 * Rating step 1: the product instance in force for the subscriber at the usage time, and its offering's price for
 * the usage type in force then. A record naming a product instance or an offering picks it; otherwise the one
 * instance whose offering prices the usage type; several → AMBIGUOUS_PRODUCT.
 * <p>
 * A partner reports usage only of the product instances it takes part in (it owns the offering, bought the product
 * to resell, or co-created the offering): a record whose source is a partner's id, shaped as a UUID (a partner's
 * submissions always are; staff and mediation sources are names), sees no other instance. Found on 2026-12-06: a
 * partner's usage for another tenant's subscriber was rated on that tenant's product, creating amounts between other
 * parties, and the answer told whether the subscriber existed; it is now NO_PRODUCT_INSTANCE, as for a subscriber
 * nobody has.
 */
final class ProductSelection {

    private ProductSelection() {
    }

    /** The chosen instance and price, or why there is none (with the instance when only its price is missing). */
    record Selection(CompiledInstance instance, CompiledPrice price, SuspenseReason reason, String detail) {

        static Selection of(CompiledInstance instance, CompiledPrice price) {
            return new Selection(instance, price, null, null);
        }

        static Selection suspense(SuspenseReason reason, String detail) {
            return new Selection(null, null, reason, detail);
        }
    }

    static Selection select(UsageRecord usage, Instant at, RatingSnapshot snapshot) {
        String reporter = partnerSource(usage.source()) ? usage.source() : null;
        if (usage.productInstanceId() != null) {
            return named(usage, at, snapshot, reporter);
        }
        CompiledInstance[] instances = snapshot.instancesOf(usage.subscriberId());
        if (reporter != null) {
            instances = takingPart(instances, reporter);
        }
        return usage.offeringId() != null ? byOffering(usage, at, snapshot, instances)
                : byUsageType(usage, at, snapshot, instances);
    }

    /** Whether a source is a partner's id: a UUID in its 36-character form. */
    static boolean partnerSource(String source) {
        if (source.length() != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char c = source.charAt(i);
            boolean hyphen = i == 8 || i == 13 || i == 18 || i == 23;
            if (hyphen ? c != '-' : Character.digit(c, 16) < 0) {
                return false;
            }
        }
        return true;
    }

    private static CompiledInstance[] takingPart(CompiledInstance[] instances, String partnerId) {
        int kept = 0;
        for (CompiledInstance instance : instances) {
            if (instance.instance.involves(partnerId)) {
                kept++;
            }
        }
        if (kept == instances.length) {
            return instances;
        }
        CompiledInstance[] visible = new CompiledInstance[kept];
        int i = 0;
        for (CompiledInstance instance : instances) {
            if (instance.instance.involves(partnerId)) {
                visible[i++] = instance;
            }
        }
        return visible;
    }

    private static Selection named(UsageRecord usage, Instant at, RatingSnapshot snapshot, String reporter) {
        CompiledInstance instance = snapshot.instance(usage.productInstanceId());
        if (instance != null && (reporter == null || instance.instance.involves(reporter)) && instance.inForceAt(at)
                && !instance.instance.isKnownAs(usage.subscriberId())) {
            // the instance is the reporter's to name and in force: the subscriber is what does not match (told only
            // to those the instance concerns, so nobody learns of another party's products)
            return Selection.suspense(SuspenseReason.NO_PRODUCT_INSTANCE, "product instance "
                    + usage.productInstanceId() + " is in force at " + at + " but subscriber " + usage.subscriberId()
                    + " is not one of its subscriber identifiers (compared exactly, case included)");
        }
        if (instance == null || !instance.instance.isKnownAs(usage.subscriberId())
                || reporter != null && !instance.instance.involves(reporter) || !instance.inForceAt(at)) {
            return Selection.suspense(SuspenseReason.NO_PRODUCT_INSTANCE, "product instance "
                    + usage.productInstanceId() + " of subscriber " + usage.subscriberId() + " is not in force at "
                    + at);
        }
        return priced(usage, at, instance);
    }

    private static Selection byOffering(UsageRecord usage, Instant at, RatingSnapshot snapshot,
                                        CompiledInstance[] instances) {
        CompiledInstance found = null;
        for (CompiledInstance instance : instances) {
            if (instance.instance.offeringId().equals(usage.offeringId()) && instance.inForceAt(at)) {
                if (found != null) {
                    return Selection.suspense(SuspenseReason.AMBIGUOUS_PRODUCT, "subscriber " + usage.subscriberId()
                            + " has several instances of offering " + usage.offeringId() + " in force at " + at);
                }
                found = instance;
            }
        }
        if (found == null) {
            return Selection.suspense(SuspenseReason.NO_PRODUCT_INSTANCE, "subscriber " + usage.subscriberId()
                    + " has no instance of offering " + usage.offeringId() + " in force at " + at);
        }
        return priced(usage, at, found);
    }

    private static Selection byUsageType(UsageRecord usage, Instant at, RatingSnapshot snapshot,
                                         CompiledInstance[] instances) {
        CompiledInstance found = null;
        CompiledPrice foundPrice = null;
        CompiledInstance inForce = null;
        int inForceCount = 0;
        for (CompiledInstance instance : instances) {
            if (!instance.inForceAt(at)) {
                continue;
            }
            inForce = instance;
            inForceCount++;
            CompiledPrice price = instance.priceInForce(usage.usageType(), at);
            if (price != null) {
                if (found != null) {
                    return Selection.suspense(SuspenseReason.AMBIGUOUS_PRODUCT, "subscriber "
                            + usage.subscriberId() + " has several products pricing " + usage.usageType() + " at "
                            + at + " (" + found.instance.instanceId() + ", " + instance.instance.instanceId() + ")");
                }
                found = instance;
                foundPrice = price;
            }
        }
        if (found != null) {
            return Selection.of(found, foundPrice);
        }
        if (inForceCount == 0) {
            return Selection.suspense(SuspenseReason.NO_PRODUCT_INSTANCE, "subscriber " + usage.subscriberId()
                    + " has no product instance in force at " + at);
        }
        // the subscriber's only product in force: its offering is what lacks the price (with several, none is)
        return new Selection(inForceCount == 1 ? inForce : null, null, SuspenseReason.NO_PRICE, "no product of"
                + " subscriber " + usage.subscriberId() + " prices " + usage.usageType() + " at " + at);
    }

    private static Selection priced(UsageRecord usage, Instant at, CompiledInstance instance) {
        CompiledPrice price = instance.priceInForce(usage.usageType(), at);
        // the instance stays with a NO_PRICE suspension: its offering is what the suspense concerns
        return price == null
                ? new Selection(instance, null, SuspenseReason.NO_PRICE, "offering " + instance.instance.offeringId()
                + " has no " + usage.usageType() + " price in force at " + at)
                : Selection.of(instance, price);
    }
}
