package io.accord.rating.engine;

import io.accord.contracts.catalog.UnitOfMeasure;
import io.accord.rating.engine.UsagePriceVersion.TierMode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.accord.rating.engine.RatingFixtures.agreement;
import static io.accord.rating.engine.RatingFixtures.engine;
import static io.accord.rating.engine.RatingFixtures.instance;
import static io.accord.rating.engine.RatingFixtures.price;
import static io.accord.rating.engine.RatingFixtures.usage;
import static org.assertj.core.api.Assertions.assertThat;

class VolumeReratingTests {

    private final RatingEngine engine = engine(List.of(instance("pi").ownedBy("owner").build()),
            List.of(price("sms").usageType("SMS").unit(UnitOfMeasure.MESSAGE).mode(TierMode.VOLUME)
                    .tier("0", "100", "0.10").tier("100", "200", "0.08").tier("200", null, "0.05").build()),
            List.of(agreement("owner").share(null, null, "30").build()));

    private List<RatedUsage> rateAll(String... quantities) {
        TierAccumulators accumulators = new TierAccumulators();
        List<RatedUsage> rated = new ArrayList<>();
        for (int i = 0; i < quantities.length; i++) {
            rated.add((RatedUsage) engine.rate(usage().id("u-" + i).type("SMS")
                    .quantity(quantities[i], UnitOfMeasure.MESSAGE).build(), accumulators));
        }
        return rated;
    }

    @Test
    void chargesProvisionallyAtTheTierReachedSoFar() {
        List<RatedUsage> rated = rateAll("60", "60", "90");

        assertThat(rated).allMatch(record -> record.tiers().provisional());
        assertThat(rated).extracting(record -> record.charge().amount().toPlainString())
                .containsExactly("6.000000", "4.800000", "4.500000");
    }

    @Test
    void reversesAndRechargesEveryRecordNotAtTheFinalTier() {
        List<RatedUsage> rated = rateAll("60", "60", "90");

        VolumeRerating rerating = engine.rerateVolumePeriod(rated);

        assertThat(rerating.totalQuantity()).isEqualByComparingTo("210");
        assertThat(rerating.reversals()).extracting(record -> record.usage().usageId()).containsExactly("u-0", "u-1");
        assertThat(rerating.reversals()).extracting(record -> record.charge().amount().toPlainString())
                .containsExactly("-6.000000", "-4.800000");
        assertThat(rerating.finals()).extracting(record -> record.charge().amount().toPlainString())
                .containsExactly("3.000000", "3.000000");
        assertThat(rerating.finals()).allMatch(record -> record.kind() == RatedUsage.Kind.RERATED
                && !record.tiers().provisional() && record.tiers().portions().getFirst().tier() == 2);
        RatedUsage firstFinal = rerating.finals().getFirst();
        assertThat(firstFinal.parties().getFirst().amount().amount()).isEqualByComparingTo("0.9");
        assertThat(firstFinal.margin().amount()).isEqualByComparingTo("2.1");
        assertThat(rerating.reversals().getFirst().parties().getFirst().amount().amount())
                .isEqualByComparingTo("-1.8");
    }

    @Test
    void takesThePeriodsTotalFromTheAccumulatorWhenGivenOnlyItsVolumeTierRecords() {
        // 10 + 20 units at this price, but the period's accumulator holds 210 (records of the period at another
        // price count toward it too): the total decides the final tier
        List<RatedUsage> rated = rateAll("10", "20");

        VolumeRerating rerating = engine.rerateVolumePeriod(rated, new java.math.BigDecimal("210"));

        assertThat(rerating.totalQuantity()).isEqualByComparingTo("210");
        assertThat(rerating.finals()).hasSize(2).allMatch(record -> record.tiers().portions().getFirst().tier() == 2);
        assertThat(engine.rerateVolumePeriod(rated).finals()).isEmpty();
    }

    @Test
    void leavesAPeriodThatEndedInTheFirstTierAlone() {
        VolumeRerating rerating = engine.rerateVolumePeriod(rateAll("10", "20"));

        assertThat(rerating.reversals()).isEmpty();
        assertThat(rerating.finals()).isEmpty();
    }

    @Test
    void keepsTheBuyersAmountOwedTheWholeFinalCharge() {
        RatingEngine bought = engine(List.of(instance("pi").ownedBy("owner").boughtBy("owner").build()),
                List.of(price("sms").usageType("SMS").unit(UnitOfMeasure.MESSAGE).mode(TierMode.VOLUME)
                        .tier("0", "100", "0.10").tier("100", "200", "0.08").tier("200", null, "0.05").build()),
                List.of(agreement("owner").share(null, null, "30").build()));
        TierAccumulators accumulators = new TierAccumulators();
        List<RatedUsage> rated = new ArrayList<>();
        for (String quantity : List.of("60", "60", "90")) {
            rated.add((RatedUsage) bought.rate(usage().id("u-" + rated.size()).type("SMS")
                    .quantity(quantity, UnitOfMeasure.MESSAGE).build(), accumulators));
        }

        RatedUsage firstFinal = bought.rerateVolumePeriod(rated).finals().getFirst();

        assertThat(firstFinal.charge().amount()).isEqualByComparingTo("3");
        assertThat(firstFinal.parties()).extracting(party -> party.direction() + " "
                + party.amount().amount().toPlainString()).containsExactly("PAYABLE_TO_PARTNER 0.900000",
                "OWED_BY_PARTNER 3.000000");
        assertThat(firstFinal.margin().amount()).isEqualByComparingTo("2.1");
    }

    @Test
    void appliesTheMinimumChargeToTheFinalCharge() {
        RatingEngine minimum = engine(List.of(instance("pi").build()),
                List.of(price("sms").usageType("SMS").unit(UnitOfMeasure.MESSAGE).mode(TierMode.VOLUME)
                        .tier("0", "100", "0.10").tier("100", "200", "0.08").tier("200", null, "0.05")
                        .minimumCharge("3.5").build()), List.of());
        TierAccumulators accumulators = new TierAccumulators();
        List<RatedUsage> rated = new ArrayList<>();
        for (String quantity : List.of("60", "60", "90")) {
            rated.add((RatedUsage) minimum.rate(usage().id("u-" + rated.size()).type("SMS")
                    .quantity(quantity, UnitOfMeasure.MESSAGE).build(), accumulators));
        }

        // 60 at the final 0.05 is 3.00, below the minimum of 3.50
        assertThat(minimum.rerateVolumePeriod(rated).finals()).extracting(record -> record.charge().amount()
                .toPlainString()).containsExactly("3.500000", "3.500000");
    }
}
