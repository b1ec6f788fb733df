package io.accord.rating.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An immutable, indexed copy of the read models the engine rates against: product instances by each of their
 * subscriber identifiers, usage
 * price versions by offering and usage type, agreement versions by partner. Built once per change of the read
 * models, shared by any number of rating threads; a change of some product instances derives a new snapshot that
 * shares the rest ({@link #withInstances}).
 */
public final class RatingSnapshot {

    private static final CompiledInstance[] NO_INSTANCES = new CompiledInstance[0];

    /**
     * A snapshot derived by {@link #withInstances} keeps its changes beside the instances it shares with the one it
     * was derived from, until they are more than this many and an eighth of all: then they are folded into new maps.
     */
    static final int MIN_CHANGES_FOLDED = 1024;

    private final Map<String, CompiledInstance[]> instancesBySubscriber;
    private final Map<String, CompiledInstance> instancesById;
    /** Changes over the two maps above: a subscriber's whole new list (empty: none left). */
    private final Map<String, CompiledInstance[]> changedBySubscriber;
    /** Changes over the two maps above: an instance by id, {@code null} when it is no longer there. */
    private final Map<String, CompiledInstance> changedById;
    private final int instanceCount;
    private final Map<String, Map<String, CompiledPrice[]>> pricesByOffering;
    /** By price version id, then usage type: one catalog price version may rate several usage types. */
    private final Map<String, Map<String, CompiledPrice>> pricesById;
    private final Map<String, CompiledAgreement[]> agreementsByPartner;

    /**
     * @throws IllegalArgumentException when two instances or price versions share an id
     */
    public RatingSnapshot(Collection<ProductInstance> instances, Collection<UsagePriceVersion> prices,
                          Collection<AgreementVersion> agreements) {
        pricesByOffering = new HashMap<>();
        pricesById = new HashMap<>();
        agreementsByPartner = new HashMap<>();
        Map<String, Map<String, List<CompiledPrice>>> byOffering = new HashMap<>();
        for (UsagePriceVersion price : prices) {
            CompiledPrice compiled = new CompiledPrice(price);
            requireUnique(pricesById.computeIfAbsent(price.priceVersionId(), id -> new HashMap<>(2))
                    .put(price.usageType(), compiled), "price version", price.priceVersionId() + " for "
                    + price.usageType());
            byOffering.computeIfAbsent(price.offeringId(), id -> new HashMap<>())
                    .computeIfAbsent(price.usageType(), type -> new ArrayList<>()).add(compiled);
        }
        byOffering.forEach((offering, byType) -> {
            Map<String, CompiledPrice[]> sorted = new HashMap<>();
            byType.forEach((type, list) -> sorted.put(type, list.stream()
                    .sorted(Comparator.comparing(price -> price.version.validFrom())).toArray(CompiledPrice[]::new)));
            pricesByOffering.put(offering, sorted);
        });

        Map<String, List<CompiledAgreement>> byPartner = new HashMap<>();
        for (AgreementVersion agreement : agreements) {
            byPartner.computeIfAbsent(agreement.partnerId(), id -> new ArrayList<>())
                    .add(new CompiledAgreement(agreement));
        }
        byPartner.forEach((partner, list) -> agreementsByPartner.put(partner, list.stream()
                .sorted(Comparator.comparing(agreement -> agreement.version.validFrom()))
                .toArray(CompiledAgreement[]::new)));

        instancesById = new HashMap<>();
        Map<String, List<CompiledInstance>> bySubscriber = new HashMap<>();
        for (ProductInstance instance : instances) {
            CompiledInstance compiled = compile(instance);
            requireUnique(instancesById.put(instance.instanceId(), compiled), "product instance",
                    instance.instanceId());
            for (String identifier : instance.identifiers()) {
                bySubscriber.computeIfAbsent(identifier, id -> new ArrayList<>(1)).add(compiled);
            }
        }
        instancesBySubscriber = new HashMap<>();
        bySubscriber.forEach((id, list) -> instancesBySubscriber.put(id, list.toArray(CompiledInstance[]::new)));
        changedBySubscriber = Map.of();
        changedById = Map.of();
        instanceCount = instancesById.size();
    }

    /** A snapshot with other instances and the same prices and agreements as {@code same}. */
    private RatingSnapshot(RatingSnapshot same, Map<String, CompiledInstance[]> instancesBySubscriber,
                           Map<String, CompiledInstance> instancesById,
                           Map<String, CompiledInstance[]> changedBySubscriber,
                           Map<String, CompiledInstance> changedById, int instanceCount) {
        this.instancesBySubscriber = instancesBySubscriber;
        this.instancesById = instancesById;
        this.changedBySubscriber = changedBySubscriber;
        this.changedById = changedById;
        this.instanceCount = instanceCount;
        this.pricesByOffering = same.pricesByOffering;
        this.pricesById = same.pricesById;
        this.agreementsByPartner = same.agreementsByPartner;
    }

    /**
     * This snapshot with some instances replaced, added or removed, and the same prices and agreements: what a
     * snapshot built from all the instances after those changes would rate, without rebuilding it. The cost is that
     * of the changes (the unchanged instances are shared, not copied) until the changes kept beside the shared
     * instances outgrow {@link #MIN_CHANGES_FOLDED}; then once that of copying the instances' indexes. This
     * snapshot is not changed.
     *
     * @param replaced instances added or replacing the one with the same id
     * @param removed  ids of instances no longer there (an unknown id is ignored); none of them is also replaced
     * @throws IllegalArgumentException when an id is both replaced and removed, or replaced twice
     */
    public RatingSnapshot withInstances(Collection<ProductInstance> replaced, Collection<String> removed) {
        return withInstances(replaced, removed, MIN_CHANGES_FOLDED);
    }

    /** {@link #withInstances(Collection, Collection)}, folding the changes in over {@code minChangesFolded}. */
    RatingSnapshot withInstances(Collection<ProductInstance> replaced, Collection<String> removed,
                                 int minChangesFolded) {
        Set<String> ids = new HashSet<>();
        for (ProductInstance instance : replaced) {
            if (!ids.add(instance.instanceId())) {
                throw new IllegalArgumentException("product instance " + instance.instanceId() + " replaced twice");
            }
        }
        for (String id : removed) {
            if (ids.contains(id)) {
                throw new IllegalArgumentException("product instance " + id + " both replaced and removed");
            }
        }
        Map<String, CompiledInstance[]> bySubscriber = new HashMap<>(changedBySubscriber);
        Map<String, CompiledInstance> byId = new HashMap<>(changedById);
        int count = instanceCount;
        for (String id : removed) {
            count += change(id, null, bySubscriber, byId);
        }
        for (ProductInstance instance : replaced) {
            count += change(instance.instanceId(), compile(instance), bySubscriber, byId);
        }
        if (byId.size() <= Math.max(minChangesFolded, instancesById.size() / 8)) {
            return new RatingSnapshot(this, instancesBySubscriber, instancesById, bySubscriber, byId, count);
        }
        Map<String, CompiledInstance> foldedById = new HashMap<>(instancesById);
        byId.forEach((id, instance) -> {
            if (instance == null) {
                foldedById.remove(id);
            } else {
                foldedById.put(id, instance);
            }
        });
        Map<String, CompiledInstance[]> foldedBySubscriber = new HashMap<>(instancesBySubscriber);
        bySubscriber.forEach((subscriber, instances) -> {
            if (instances.length == 0) {
                foldedBySubscriber.remove(subscriber);
            } else {
                foldedBySubscriber.put(subscriber, instances);
            }
        });
        return new RatingSnapshot(this, foldedBySubscriber, foldedById, Map.of(), Map.of(), count);
    }

    /** Puts {@code next} (null: nothing) in the place of the instance with this id; answers the change in count. */
    private int change(String id, CompiledInstance next, Map<String, CompiledInstance[]> bySubscriber,
                       Map<String, CompiledInstance> byId) {
        CompiledInstance previous = byId.containsKey(id) ? byId.get(id) : instancesById.get(id);
        Set<String> subscribers = new LinkedHashSet<>();
        if (previous != null) {
            subscribers.addAll(previous.instance.identifiers());
        }
        if (next != null) {
            subscribers.addAll(next.instance.identifiers());
        }
        for (String subscriber : subscribers) {
            CompiledInstance[] before = bySubscriber.containsKey(subscriber) ? bySubscriber.get(subscriber)
                    : instancesBySubscriber.getOrDefault(subscriber, NO_INSTANCES);
            List<CompiledInstance> after = new ArrayList<>(before.length + 1);
            for (CompiledInstance instance : before) {
                if (!instance.instance.instanceId().equals(id)) {
                    after.add(instance);
                }
            }
            if (next != null && next.instance.isKnownAs(subscriber)) {
                after.add(next);
            }
            bySubscriber.put(subscriber, after.isEmpty() ? NO_INSTANCES : after.toArray(CompiledInstance[]::new));
        }
        byId.put(id, next);
        return (next == null ? 0 : 1) - (previous == null ? 0 : 1);
    }

    private CompiledInstance compile(ProductInstance instance) {
        return new CompiledInstance(instance, pricesByOffering.get(instance.offeringId()), agreementsByPartner);
    }

    /** How many product instances the snapshot holds. */
    public int instanceCount() {
        return instanceCount;
    }

    CompiledInstance[] instancesOf(String subscriberId) {
        if (!changedBySubscriber.isEmpty()) {
            CompiledInstance[] changed = changedBySubscriber.get(subscriberId);
            if (changed != null) {
                return changed;
            }
        }
        CompiledInstance[] found = instancesBySubscriber.get(subscriberId);
        return found == null ? NO_INSTANCES : found;
    }

    CompiledInstance instance(String instanceId) {
        if (!changedById.isEmpty()) {
            CompiledInstance changed = changedById.get(instanceId);
            if (changed != null || changedById.containsKey(instanceId)) {
                return changed;
            }
        }
        return instancesById.get(instanceId);
    }

    /** The price version by id and usage type, for re-rating records that name it; {@code null} when unknown. */
    CompiledPrice priceVersion(String priceVersionId, String usageType) {
        Map<String, CompiledPrice> byType = pricesById.get(priceVersionId);
        return byType == null ? null : byType.get(usageType);
    }

    private static void requireUnique(Object previous, String what, String id) {
        if (previous != null) {
            throw new IllegalArgumentException("two " + what + "s with id " + id);
        }
    }
}
