package io.accord.rating.engine;

import io.accord.contracts.catalog.UnitOfMeasure;
import io.accord.rating.engine.AgreementVersion.RevenueShareRule;
import io.accord.rating.engine.RatingBasis.AgreementRef;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An agreement version prepared for the hot path: its allocation plans built once, the sell-through ones indexed by
 * category and usage type (a {@code null} key standing for the rule's "any"), the resell ones by billed unit.
 */
final class CompiledAgreement {

    final AgreementVersion version;
    private final AgreementRef ref;
    private final Map<String, Map<String, Allocation.Plan>> sellThroughPlans = new HashMap<>();
    private final Map<UnitOfMeasure, Allocation.Plan> resellPlans = new EnumMap<>(UnitOfMeasure.class);

    CompiledAgreement(AgreementVersion version) {
        this.version = version;
        this.ref = new AgreementRef(version.partnerId(), version.agreementId(), version.version());
        List<AgreementRef> refs = List.of(ref);
        for (RevenueShareRule rule : version.revenueShares()) {
            // the first rule of a key wins, as listed
            sellThroughPlans.computeIfAbsent(rule.offeringCategory(), category -> new HashMap<>())
                    .putIfAbsent(rule.usageType(), Allocation.Plan.shares(AllocationCase.SELL_THROUGH,
                            new String[] {version.partnerId()}, new BigDecimal[] {rule.partnerSharePercent()}, refs));
        }
        for (UnitOfMeasure billed : UnitOfMeasure.values()) {
            UnitOfMeasure rated = version.wholesaleRates().containsKey(billed) ? billed : convertible(billed);
            if (rated != null) {
                resellPlans.put(billed, resellPlan(billed, rated, version.wholesaleRates().get(rated)));
            }
        }
    }

    AgreementRef ref() {
        return ref;
    }

    boolean inForceAt(Instant instant) {
        return version.inForceAt(instant);
    }

    /**
     * The plan of the most specific share rule: category and usage type, then category alone, then usage type
     * alone, then the wildcard; {@code null} when none matches.
     */
    Allocation.Plan sellThroughPlan(String category, String usageType) {
        Allocation.Plan plan = match(category, usageType);
        if (plan == null) {
            plan = match(category, null);
        }
        if (plan == null) {
            plan = match(null, usageType);
        }
        return plan == null ? match(null, null) : plan;
    }

    /** The plan charging {@code billedUnit} at the wholesale rate of that unit or one it converts to, or null. */
    Allocation.Plan resellPlan(UnitOfMeasure billedUnit) {
        return resellPlans.get(billedUnit);
    }

    /**
     * A rate per GB charges MB at rate / 1,024: when that per-billed-unit rate is exact, the plan carries it, so the
     * hot path multiplies once instead of converting every quantity; otherwise (a rate per hour for seconds) the
     * quantity is converted.
     */
    private Allocation.Plan resellPlan(UnitOfMeasure billed, UnitOfMeasure rated, BigDecimal rate) {
        BigDecimal perBilledUnit = null;
        try {
            perBilledUnit = rated == billed ? rate : rate.multiply(billed.baseUnits()).divide(rated.baseUnits());
        } catch (ArithmeticException nonTerminating) {
            // keep the conversion of each quantity
        }
        return perBilledUnit != null
                ? Allocation.Plan.resell(version.partnerId(), ref, perBilledUnit, billed, version.currency())
                : Allocation.Plan.resell(version.partnerId(), ref, rate, rated, version.currency());
    }

    private UnitOfMeasure convertible(UnitOfMeasure unit) {
        for (UnitOfMeasure candidate : version.wholesaleRates().keySet()) {
            if (candidate.convertsTo(unit)) {
                return candidate;
            }
        }
        return null;
    }

    private Allocation.Plan match(String category, String usageType) {
        Map<String, Allocation.Plan> byUsageType = sellThroughPlans.get(category);
        return byUsageType == null ? null : byUsageType.get(usageType);
    }
}
