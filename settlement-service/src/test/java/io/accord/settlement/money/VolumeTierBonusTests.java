package io.accord.settlement.money;

import io.accord.contracts.value.Money;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The graduated volume-tier bonus: units above each threshold earn the tier's % minus the base %. */
class VolumeTierBonusTests {

    private static final List<SettlementMath.Tier> TIERS = List.of(SettlementMath.Tier.of("100000", "80"),
            SettlementMath.Tier.of("10000", "75"));

    @Test
    void unitsInEachBandEarnTheirTiersExtraPercent() {
        // base 70 %; 150,000 units for 15,000.00 gross (0.10 per unit):
        // 90,000 units in [10,000, 100,000) earn 5 % = 450.00; 50,000 units above 100,000 earn 10 % = 500.00
        SettlementMath.TierBonus bonus = SettlementMath.volumeTierBonus("70", TIERS, new BigDecimal("150000"),
                Money.of("15000.00", "EUR"));

        assertThat(bonus.amount()).isEqualTo(Money.of("950", "EUR"));
        assertThat(bonus.parts()).extracting(SettlementMath.TierPart::units)
                .containsExactly(new BigDecimal("90000"), new BigDecimal("50000"));
        assertThat(bonus.parts()).extracting(SettlementMath.TierPart::amount)
                .containsExactly(Money.of("450", "EUR"), Money.of("500", "EUR"));
    }

    @Test
    void noBonusBelowTheFirstThreshold() {
        assertThat(SettlementMath.volumeTierBonus("70", TIERS, new BigDecimal("10000"), Money.of("1000", "EUR"))
                .amount()).isEqualTo(Money.zero("EUR"));
        assertThat(SettlementMath.volumeTierBonus("70", TIERS, BigDecimal.ZERO, Money.zero("EUR")).parts()).isEmpty();
    }

    @Property(tries = 300)
    void moreUnitsAtTheSamePricePerUnitNeverEarnLess(@ForAll @IntRange(min = 0, max = 300_000) int quantity,
                                                     @ForAll @IntRange(min = 0, max = 50_000) int more) {
        BigDecimal perUnit = new BigDecimal("0.10");
        Money lower = bonus(quantity, perUnit);
        Money higher = bonus(quantity + more, perUnit);

        assertThat(higher.amount()).isGreaterThanOrEqualTo(lower.amount());
        assertThat(higher.amount()).isLessThanOrEqualTo(
                perUnit.multiply(BigDecimal.valueOf(quantity + more)).multiply(new BigDecimal("0.10")));
    }

    private static Money bonus(int quantity, BigDecimal perUnit) {
        BigDecimal units = BigDecimal.valueOf(quantity);
        return SettlementMath.volumeTierBonus("70", TIERS, units, Money.of(perUnit.multiply(units), "EUR")).amount();
    }
}
