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

/** An agreement version prepared for the hot path: share rules indexed by category and usage type. */
final class CompiledAgreement {

    final AgreementVersion version;
    final List<AgreementRef> refs;
    private final Map<String, Map<String, RevenueShareRule>> sharesByCategory = new HashMap<>();
    private final Map<UnitOfMeasure, BigDecimal> wholesaleRates;

    CompiledAgreement(AgreementVersion version) {
        this.version = version;
        this.refs = List.of(new AgreementRef(version.partnerId(), version.agreementId(), version.version()));
        for (RevenueShareRule rule : version.revenueShares()) {
            // HashMap takes the null keys that stand for "any"; the first rule of a key wins, as listed
            sharesByCategory.computeIfAbsent(rule.offeringCategory(), category -> new HashMap<>())
                    .putIfAbsent(rule.usageType(), rule);
        }
        this.wholesaleRates = version.wholesaleRates().isEmpty()
                ? Map.of() : new EnumMap<>(version.wholesaleRates());
    }

    AgreementRef ref() {
        return refs.getFirst();
    }

    boolean inForceAt(Instant instant) {
        return version.inForceAt(instant);
    }

    /**
     * The most specific share rule: category and usage type, then category alone, then usage type alone, then the
     * wildcard; {@code null} when none matches.
     */
    RevenueShareRule shareRule(String category, String usageType) {
        RevenueShareRule rule = match(category, usageType);
        if (rule == null) {
            rule = match(category, null);
        }
        if (rule == null) {
            rule = match(null, usageType);
        }
        return rule == null ? match(null, null) : rule;
    }

    /** The wholesale rate for {@code unit}, or {@code null}. */
    BigDecimal wholesaleRate(UnitOfMeasure unit) {
        return wholesaleRates.get(unit);
    }

    /** A unit of the same dimension the agreement has a wholesale rate for, or {@code null}. */
    UnitOfMeasure convertibleWholesaleUnit(UnitOfMeasure unit) {
        for (UnitOfMeasure candidate : wholesaleRates.keySet()) {
            if (candidate.convertsTo(unit)) {
                return candidate;
            }
        }
        return null;
    }

    private RevenueShareRule match(String category, String usageType) {
        Map<String, RevenueShareRule> byUsageType = sharesByCategory.get(category);
        return byUsageType == null ? null : byUsageType.get(usageType);
    }
}
