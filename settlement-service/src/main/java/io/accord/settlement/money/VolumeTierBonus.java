package io.accord.settlement.money;

import io.accord.contracts.value.Money;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Graduated volume tiers: the units in each tier's band [fromVolume, next tier's fromVolume) earn that tier's %
 * minus the base %. Units are valued at the period's average gross revenue per unit, so the bonus is exactly
 * gross × Σ (band units / quantity) × (tier % − base %) / 100.
 */
final class VolumeTierBonus {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final MathContext PRECISION = MathContext.DECIMAL128;

    private VolumeTierBonus() {
    }

    static SettlementMath.TierBonus of(BigDecimal basePercent, List<SettlementMath.Tier> tiers, BigDecimal quantity,
                                       Money grossRevenue) {
        if (quantity.signum() < 0) {
            throw new IllegalArgumentException("quantity cannot be negative: " + quantity);
        }
        List<SettlementMath.Tier> sorted = new ArrayList<>(tiers);
        sorted.sort(Comparator.comparing(SettlementMath.Tier::fromVolume));
        Money total = Money.zero(grossRevenue.currency());
        List<SettlementMath.TierPart> parts = new ArrayList<>();
        if (quantity.signum() == 0) {
            return new SettlementMath.TierBonus(total, List.of());
        }
        for (int i = 0; i < sorted.size(); i++) {
            SettlementMath.Tier tier = sorted.get(i);
            BigDecimal upper = i + 1 < sorted.size() ? sorted.get(i + 1).fromVolume().min(quantity) : quantity;
            BigDecimal units = upper.subtract(tier.fromVolume());
            if (units.signum() <= 0) {
                continue;
            }
            BigDecimal extra = tier.partnerSharePercent().subtract(basePercent);
            BigDecimal amount = grossRevenue.amount().multiply(units, PRECISION).multiply(extra, PRECISION)
                    .divide(quantity.multiply(HUNDRED, PRECISION), PRECISION);
            Money part = Money.of(amount, grossRevenue.currency());
            parts.add(new SettlementMath.TierPart(tier, units, extra, part));
            total = total.plus(part);
        }
        return new SettlementMath.TierBonus(total, List.copyOf(parts));
    }
}
