package io.accord.rating.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable, indexed copy of the read models the engine rates against: product instances by each of their
 * subscriber identifiers, usage
 * price versions by offering and usage type, agreement versions by partner. Built once per change of the read
 * models, shared by any number of rating threads.
 */
public final class RatingSnapshot {

    private static final CompiledInstance[] NO_INSTANCES = new CompiledInstance[0];

    private final Map<String, CompiledInstance[]> instancesBySubscriber = new HashMap<>();
    private final Map<String, CompiledInstance> instancesById = new HashMap<>();
    private final Map<String, Map<String, CompiledPrice[]>> pricesByOffering = new HashMap<>();
    /** By price version id, then usage type: one catalog price version may rate several usage types. */
    private final Map<String, Map<String, CompiledPrice>> pricesById = new HashMap<>();
    private final Map<String, CompiledAgreement[]> agreementsByPartner = new HashMap<>();

    /**
     * @throws IllegalArgumentException when two instances or price versions share an id
     */
    public RatingSnapshot(Collection<ProductInstance> instances, Collection<UsagePriceVersion> prices,
                          Collection<AgreementVersion> agreements) {
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

        Map<String, List<CompiledInstance>> bySubscriber = new HashMap<>();
        for (ProductInstance instance : instances) {
            CompiledInstance compiled = new CompiledInstance(instance, pricesByOffering.get(instance.offeringId()),
                    agreementsByPartner);
            requireUnique(instancesById.put(instance.instanceId(), compiled), "product instance",
                    instance.instanceId());
            for (String identifier : instance.identifiers()) {
                bySubscriber.computeIfAbsent(identifier, id -> new ArrayList<>(1)).add(compiled);
            }
        }
        bySubscriber.forEach((id, list) -> instancesBySubscriber.put(id, list.toArray(CompiledInstance[]::new)));
    }

    CompiledInstance[] instancesOf(String subscriberId) {
        CompiledInstance[] found = instancesBySubscriber.get(subscriberId);
        return found == null ? NO_INSTANCES : found;
    }

    CompiledInstance instance(String instanceId) {
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
