package io.accord.rating.engine;

import io.accord.contracts.catalog.UnitOfMeasure;
import io.accord.rating.engine.UsagePriceVersion.TierMode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.accord.rating.engine.RatingFixtures.agreement;
import static io.accord.rating.engine.RatingFixtures.engine;
import static io.accord.rating.engine.RatingFixtures.instance;
import static io.accord.rating.engine.RatingFixtures.price;
import static io.accord.rating.engine.RatingFixtures.usage;
import static org.assertj.core.api.Assertions.assertThat;

/** A usage price's minimum charge: a record billed more than zero is charged at least that, before allocation. */
class MinimumChargeTests {

    private static final RatingFixtures.PriceBuilder SMS = price("sms").usageType("SMS").unit(UnitOfMeasure.MESSAGE)
            .rate("0.09").minimumCharge("0.15");

    private static RatedUsage rate(ProductInstance instance, UsagePriceVersion price, UsageRecord usage,
                                   AgreementVersion... agreements) {
        RatingOutcome outcome = engine(List.of(instance), List.of(price), List.of(agreements))
                .rate(usage, new TierAccumulators());
        assertThat(outcome).isInstanceOf(RatedUsage.class);
        return (RatedUsage) outcome;
    }

    private static UsageRecord sms(String quantity) {
        return usage().type("SMS").quantity(quantity, UnitOfMeasure.MESSAGE).build();
    }

    @Test
    void raisesACheaperRecordToTheMinimumCharge() {
        assertThat(rate(instance("pi").build(), SMS.build(), sms("1")).charge().amount().toPlainString())
                .isEqualTo("0.150000");
        assertThat(rate(instance("pi").build(), SMS.build(), sms("2")).charge().amount().toPlainString())
                .isEqualTo("0.180000");
    }

    @Test
    void appliesAfterIncrementsAndTheMinimumQuantity() {
        UsagePriceVersion voice = price("voice").unit(UnitOfMeasure.MIN).rate("0.123457").incrementsIn(UnitOfMeasure.S)
                .increments("60", "1").minimum("2").minimumCharge("0.50").build();

        RatedUsage rated = rate(instance("pi").build(), voice, usage().quantity("30", UnitOfMeasure.S).build());

        assertThat(rated.billedQuantity()).isEqualByComparingTo("2");
        assertThat(rated.charge().amount().toPlainString()).isEqualTo("0.500000");
    }

    @Test
    void chargesARecordBilledNothingNothing() {
        assertThat(rate(instance("pi").build(), SMS.build(), sms("0")).charge().amount()).isZero();
    }

    @Test
    void sharesAndTheOwedAmountFollowTheMinimumCharge() {
        RatedUsage rated = rate(instance("pi").ownedBy("owner").boughtBy("owner").build(), SMS.build(), sms("1"),
                agreement("owner").share(null, null, "30").build());

        assertThat(rated.parties()).extracting(party -> party.direction() + " "
                + party.amount().amount().toPlainString()).containsExactly("PAYABLE_TO_PARTNER 0.045000",
                "OWED_BY_PARTNER 0.150000");
        assertThat(rated.margin().amount().toPlainString()).isEqualTo("0.105000");
    }

    @Test
    void appliesToATieredRecordsWholeCharge() {
        UsagePriceVersion graduated = price("sms").usageType("SMS").unit(UnitOfMeasure.MESSAGE)
                .mode(TierMode.GRADUATED).tier("0", "1", "0.10").tier("1", null, "0.02").minimumCharge("0.13").build();
        RatingEngine engine = engine(List.of(instance("pi").build()), List.of(graduated), List.of());
        TierAccumulators accumulators = new TierAccumulators();

        RatedUsage first = (RatedUsage) engine.rate(usage().id("u-1").type("SMS").quantity("2", UnitOfMeasure.MESSAGE)
                .build(), accumulators);
        RatedUsage second = (RatedUsage) engine.rate(usage().id("u-2").type("SMS")
                .quantity("10", UnitOfMeasure.MESSAGE).build(), accumulators);

        // 0.10 + 0.02 = 0.12 raised to 0.13; then 10 × 0.02 = 0.20, above it; the accumulator counts the units
        assertThat(first.charge().amount().toPlainString()).isEqualTo("0.130000");
        assertThat(second.charge().amount().toPlainString()).isEqualTo("0.200000");
        assertThat(second.tiers().accumulatorAfter()).isEqualByComparingTo("12");
    }

    @Test
    void aResellersWholesaleChargeIsNotTheRetailPricesMinimum() {
        RatedUsage rated = rate(instance("pi").boughtBy("reseller").build(), SMS.build(), sms("1"),
                agreement("reseller").model(AgreementVersion.BusinessModel.RESELL)
                        .wholesale(UnitOfMeasure.MESSAGE, "0.05").build());

        assertThat(rated.charge().amount().toPlainString()).isEqualTo("0.050000");
    }

    @Test
    void aReversalNegatesTheMinimumCharge() {
        RatedUsage rated = rate(instance("pi").build(), SMS.build(), sms("1"));

        RatedUsage reversal = rated.reversal();

        assertThat(reversal.charge().amount().toPlainString()).isEqualTo("-0.150000");
        assertThat(reversal.usage().quantity()).isEqualByComparingTo("-1");
        assertThat(reversal.billedQuantity()).isEqualByComparingTo("-1");
    }
}
