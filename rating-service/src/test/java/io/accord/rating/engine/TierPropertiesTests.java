package io.accord.rating.engine;

import io.accord.contracts.catalog.UnitOfMeasure;
import io.accord.contracts.value.Money;
import io.accord.rating.engine.TierUsage.TierPortion;
import io.accord.rating.engine.UsagePriceVersion.TierMode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static io.accord.rating.engine.RatingFixtures.agreement;
import static io.accord.rating.engine.RatingFixtures.engine;
import static io.accord.rating.engine.RatingFixtures.instance;
import static io.accord.rating.engine.RatingFixtures.price;
import static io.accord.rating.engine.RatingFixtures.usage;
import static org.assertj.core.api.Assertions.assertThat;

/** Graduated splits are exact; volume re-rating puts every unit at the final tier and nets exactly. */
class TierPropertiesTests {

    private static UsagePriceVersion tiered(String id, TierMode mode, List<Integer> widths, List<Integer> rateMillis) {
        RatingFixtures.PriceBuilder builder = price(id).usageType("SMS").unit(UnitOfMeasure.MESSAGE).mode(mode);
        long from = 0;
        for (int i = 0; i < widths.size(); i++) {
            boolean last = i == widths.size() - 1;
            long to = from + widths.get(i);
            builder.tier(Long.toString(from), last ? null : Long.toString(to),
                    BigDecimal.valueOf(rateMillis.get(i % rateMillis.size()), 3).toPlainString());
            from = to;
        }
        return builder.build();
    }

    @Property(tries = 500)
    void graduatedPortionsSumToTheRecordAndStayInTheirTiers(
            @ForAll @Size(min = 1, max = 6) List<@IntRange(min = 1, max = 500) Integer> widths,
            @ForAll @Size(min = 1, max = 6) List<@IntRange(min = 0, max = 20_000) Integer> rateMillis,
            @ForAll("quantities") BigDecimal before, @ForAll("quantities") BigDecimal billed) {
        CompiledPrice price = new CompiledPrice(tiered("g", TierMode.GRADUATED, widths, rateMillis));

        TierPricing.Priced priced = TierPricing.price(price, billed, before);

        BigDecimal quantity = BigDecimal.ZERO;
        BigDecimal amount = BigDecimal.ZERO;
        BigDecimal position = before;
        for (TierPortion portion : priced.portions()) {
            assertThat(portion.quantity().signum()).isPositive();
            assertThat(position).isGreaterThanOrEqualTo(price.tierFrom[portion.tier()]);
            position = position.add(portion.quantity());
            if (price.tierTo[portion.tier()] != null) {
                assertThat(position).isLessThanOrEqualTo(price.tierTo[portion.tier()]);
            }
            assertThat(portion.rate()).isEqualTo(price.tierRate[portion.tier()]);
            quantity = quantity.add(portion.quantity());
            amount = amount.add(portion.quantity().multiply(portion.rate()));
        }
        assertThat(quantity).isEqualByComparingTo(billed);
        assertThat(priced.amount()).isEqualByComparingTo(amount);
    }

    @Property(tries = 300)
    void volumeReratingEndsEveryUnitAtTheFinalTierAndNetsExactly(
            @ForAll @Size(min = 1, max = 5) List<@IntRange(min = 1, max = 300) Integer> widths,
            @ForAll @Size(min = 1, max = 5) List<@IntRange(min = 0, max = 20_000) Integer> rateMillis,
            @ForAll @Size(min = 1, max = 30) List<@IntRange(min = 0, max = 200) Integer> messages,
            @ForAll @IntRange(min = 0, max = 100) int sharePercent) {
        UsagePriceVersion volume = tiered("v", TierMode.VOLUME, widths, rateMillis);
        RatingEngine engine = engine(List.of(instance("pi").ownedBy("owner").build()), List.of(volume),
                List.of(agreement("owner").share(null, null, Integer.toString(sharePercent)).build()));
        TierAccumulators accumulators = new TierAccumulators();
        List<RatedUsage> rated = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            rated.add((RatedUsage) engine.rate(usage().id("u-" + i).type("SMS")
                    .quantity(Integer.toString(messages.get(i)), UnitOfMeasure.MESSAGE).build(), accumulators));
        }

        VolumeRerating rerating = engine.rerateVolumePeriod(rated);

        int finalTier = TierPricing.volumeTier(new CompiledPrice(volume), rerating.totalQuantity());
        BigDecimal finalRate = volume.tiers().get(finalTier).rate();
        Money net = Money.zero("EUR");
        Money expected = Money.zero("EUR");
        for (RatedUsage record : rated) {
            net = net.plus(record.charge());
            expected = expected.plus(Money.of(record.billedQuantity().multiply(finalRate), "EUR"));
        }
        for (int i = 0; i < rerating.finals().size(); i++) {
            RatedUsage reversal = rerating.reversals().get(i);
            RatedUsage finalRecord = rerating.finals().get(i);
            // the same usage, its measured quantity negated like every quantity of a reversal
            assertThat(reversal.usage().usageId()).isEqualTo(finalRecord.usage().usageId());
            assertThat(reversal.usage().quantity()).isEqualByComparingTo(finalRecord.usage().quantity().negate());
            assertThat(finalRecord.tiers().portions().getFirst().tier()).isEqualTo(finalTier);
            assertThat(finalRecord.payableShares().plus(finalRecord.margin())).isEqualTo(finalRecord.charge());
            assertThat(reversal.payableShares().plus(reversal.margin())).isEqualTo(reversal.charge());
            net = net.plus(reversal.charge()).plus(finalRecord.charge());
        }
        List<String> rerated = rerating.finals().stream().map(record -> record.usage().usageId()).toList();
        assertThat(rated).filteredOn(record -> !rerated.contains(record.usage().usageId()))
                .allSatisfy(untouched -> assertThat(untouched.tiers().portions().getFirst().tier())
                        .isEqualTo(finalTier));
        assertThat(net).isEqualTo(expected);
    }

    @Provide
    Arbitrary<BigDecimal> quantities() {
        return Arbitraries.oneOf(Arbitraries.integers().between(0, 3_000).map(BigDecimal::valueOf),
                Arbitraries.bigDecimals().between(BigDecimal.ZERO, BigDecimal.valueOf(3_000)).ofScale(2));
    }
}
