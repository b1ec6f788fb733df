package io.accord.settlement.statement;

import io.accord.contracts.events.AgreementActivated;
import io.accord.contracts.value.Money;
import io.accord.settlement.usage.UsageSums;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.accord.settlement.statement.StatementTestData.PARTNER;
import static io.accord.settlement.statement.StatementTestData.rule;
import static io.accord.settlement.statement.StatementTestData.tier;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The volume-tier bonus of each share rule with tiers, per usage type and billed unit (convertible units in one),
 * from the period's total quantity and gross for the rule and volume.
 */
class TierBonusLinesTests {

    private static final UUID PERIOD = UUID.randomUUID();
    private static final List<AgreementActivated.RevenueShare> RULES = List.of(
            rule("video", null, "70", tier("10000", "75"), tier("100000", "80")),
            rule(null, "SMS", "60"));

    @Test
    void theRulesPeriodQuantityEarnsTheGraduatedBonusAsOneLabelledLine() {
        List<LineDraft> lines = TierBonusLines.of(RULES, List.of(
                payable("off-video", "VOICE", "90000", "9000"),
                payable("off-video-hd", "VOICE", "60000", "6000"),
                // not counted: a prior period's usage, what the partner owes, an offering of another category
                new UsageSums.Sum(PERIOD, PARTNER, "off-video", "VOICE", "PAYABLE_TO_PARTNER", "EUR", true,
                        new BigDecimal("500000"), new BigDecimal("50000"), new BigDecimal("35000"), 1, 0),
                new UsageSums.Sum(PERIOD, PARTNER, "off-video", "VOICE", "OWED_BY_PARTNER", "EUR", false,
                        new BigDecimal("500000"), new BigDecimal("50000"), new BigDecimal("50000"), 1, 0),
                payable("off-music", "VOICE", "500000", "50000")),
                Map.of("off-video", "video", "off-video-hd", "video", "off-music", "music"), "EUR", Map.of());

        // 150,000 units for 15,000.00: 90,000 × 0.10 × 5 % + 50,000 × 0.10 × 10 % (docs/settlement.md)
        assertThat(lines).singleElement().satisfies(line -> {
            assertThat(line.kind()).isEqualTo(LineKind.VOLUME_TIER_BONUS);
            assertThat(line.amount()).isEqualTo(Money.of("950", "EUR"));
            assertThat(line.quantity()).isEqualByComparingTo("150000");
            assertThat(line.reference()).isEqualTo("rule video × any");
            assertThat(line.label()).contains("(rule video × any on VOICE, base 70 %)", "90000 units from 10000 at +5 %",
                    "50000 units from 100000 at +10 %", "15000.00 EUR gross");
        });
    }

    @Test
    void eachUnitOfMeasureEarnsItsOwnBonusAndUsageWithoutGrossAddsNoVolume() {
        List<LineDraft> lines = TierBonusLines.of(RULES, List.of(
                payable("off-video", "VOICE", "90000", "9000"),
                payable("off-video", "DATA", "60000", "6000"),
                // a record re-rated to an absurd quantity for nothing: no volume
                payable("off-video-hd", "VOICE", "16666666666666.2", "0")),
                Map.of("off-video", "video", "off-video-hd", "video"), "EUR", Map.of());

        // minutes and megabytes are not added up: 80,000 minutes above 10,000 at +5 % of 9,000.00 × 80,000/90,000,
        // and 50,000 MB above 10,000 at +5 % of 6,000.00 × 50,000/60,000 (not 950.00 for 150,000 "units")
        assertThat(lines).extracting(LineDraft::amount)
                .containsExactly(Money.of("400", "EUR"), Money.of("250", "EUR"));
        assertThat(lines).extracting(LineDraft::quantity).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("90000"), new BigDecimal("60000"));
        assertThat(lines.get(0).label()).contains("(rule video × any on VOICE, base 70 %): 90000 units",
                "9000.00 EUR gross");
        assertThat(lines.get(1).label()).contains("(rule video × any on DATA, base 70 %): 60000 units",
                "6000.00 EUR gross");
        assertThat(lines).extracting(LineDraft::reference).containsOnly("rule video × any");
    }

    @Test
    void oneUsageTypeBilledInMegabytesAndGigabytesCountsOneVolumeInMegabytes() {
        List<LineDraft> lines = TierBonusLines.of(RULES, List.of(
                payable("off-video", "DATA", "6144", "600", "MB"),
                payable("off-video-hd", "DATA", "5", "500", "GB")),
                Map.of("off-video", "video", "off-video-hd", "video"), "EUR", Map.of());

        // 6,144 MB + 5 GB (5,120 MB) = 11,264 MB for 1,100.00: 1,264 MB above 10,000 at +5 % of 1,100.00 ×
        // 1,264/11,264 (not 6,149 "units", below the first tier)
        assertThat(lines).singleElement().satisfies(line -> {
            assertThat(line.quantity()).isEqualByComparingTo("11264");
            assertThat(line.amount()).isEqualTo(Money.of("6.171875", "EUR"));
            assertThat(line.label()).contains("(rule video × any on DATA in MB, GB converted, base 70 %): 11264 units",
                    "1264 units from 10000 at +5 %", "1100.00 EUR gross");
        });
    }

    @Test
    void unitsThatDoNotConvertOrAreNotKnownAreNeverAddedUp() {
        List<LineDraft> lines = TierBonusLines.of(RULES, List.of(
                payable("off-video", "DATA", "8000", "800", "MB"),
                payable("off-video-hd", "DATA", "8000", "800", "MIN"),
                payable("off-video-4k", "DATA", "8000", "800", null),
                payable("off-video-8k", "DATA", "8000", "800", "PAGE")),
                Map.of("off-video", "video", "off-video-hd", "video", "off-video-4k", "video", "off-video-8k",
                        "video"), "EUR", Map.of());

        // 32,000 "units" would pass the first tier; 8,000 of any one unit does not
        assertThat(lines).isEmpty();

        List<LineDraft> above = TierBonusLines.of(RULES, List.of(
                payable("off-video", "DATA", "20000", "2000", "MB"),
                payable("off-video-hd", "DATA", "20000", "2000", null)),
                Map.of("off-video", "video", "off-video-hd", "video"), "EUR", Map.of());
        assertThat(above).extracting(LineDraft::amount)
                .containsExactly(Money.of("50", "EUR"), Money.of("50", "EUR"));
        assertThat(above).extracting(LineDraft::label).satisfiesExactly(
                label -> assertThat(label).contains("on DATA in MB, base 70 %): 20000 units"),
                label -> assertThat(label).contains("on DATA in a unit not known, base 70 %): 20000 units"));
    }

    @Test
    void noLineBelowTheFirstTierOrForARuleWithoutTiers() {
        assertThat(TierBonusLines.of(RULES, List.of(payable("off-video", "VOICE", "9999", "999.90"),
                payable("off-music", "SMS", "1000000", "100")), Map.of("off-video", "video"), "EUR", Map.of()))
                .isEmpty();
    }

    @Test
    void grossInAnotherCurrencyCountsAtThePeriodEndRate() {
        UsageSums.Sum usd = new UsageSums.Sum(PERIOD, PARTNER, "off-video", "VOICE", "PAYABLE_TO_PARTNER", "USD",
                false, new BigDecimal("20000"), new BigDecimal("2000"), new BigDecimal("1400"), 1, 0);

        // 10,000 units of 20,000 above the first tier: 2,000 USD × 0.9 × 1/2 × 5 % = 45.00 EUR
        assertThat(TierBonusLines.of(RULES, List.of(usd), Map.of("off-video", "video"), "EUR",
                Map.of("USD", new BigDecimal("0.9")))).singleElement()
                .satisfies(line -> assertThat(line.amount()).isEqualTo(Money.of("45", "EUR")));
        assertThatThrownBy(() -> TierBonusLines.of(RULES, List.of(usd), Map.of("off-video", "video"), "EUR",
                Map.of())).hasMessageContaining("USD→EUR");
    }

    private static UsageSums.Sum payable(String offering, String usageType, String quantity, String gross) {
        return payable(offering, usageType, quantity, gross, null);
    }

    private static UsageSums.Sum payable(String offering, String usageType, String quantity, String gross,
                                         String billedUnit) {
        return new UsageSums.Sum(PERIOD, PARTNER, offering, usageType, "PAYABLE_TO_PARTNER", "EUR", false,
                new BigDecimal(quantity), new BigDecimal(gross), new BigDecimal(gross).multiply(new BigDecimal("0.7")),
                1, 0, billedUnit);
    }
}
