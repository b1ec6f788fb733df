package io.accord.rating.engine;

import io.accord.contracts.catalog.UnitOfMeasure;
import io.accord.contracts.value.Money;
import io.accord.rating.engine.AgreementVersion.BusinessModel;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static io.accord.rating.engine.RatingFixtures.agreement;
import static io.accord.rating.engine.RatingFixtures.engine;
import static io.accord.rating.engine.RatingFixtures.instance;
import static io.accord.rating.engine.RatingFixtures.price;
import static io.accord.rating.engine.RatingFixtures.usage;
import static org.assertj.core.api.Assertions.assertThat;

/** For any rate, quantity and split, charge = Σ payable shares + margin to the last of six decimals. */
class AllocationPropertiesTests {

    enum Case { CO_CREATED, SELL_THROUGH, RESELL, OWN }

    record Scenario(Case allocation, BigDecimal rate, BigDecimal quantity, List<BigDecimal> percents) {
    }

    @Property(tries = 1000)
    void sharesPlusMarginEqualTheChargeExactly(@ForAll("scenarios") Scenario scenario) {
        RatedUsage rated = rate(scenario);

        assertThat(rated.payableShares().plus(rated.margin())).isEqualTo(rated.charge());
        assertThat(rated.charge().amount().scale()).isEqualTo(Money.SCALE);
        assertThat(rated.parties()).allSatisfy(party -> assertThat(party.amount().amount().scale())
                .isEqualTo(Money.SCALE));
        if (scenario.allocation() == Case.CO_CREATED || scenario.allocation() == Case.SELL_THROUGH) {
            for (int i = 0; i < rated.parties().size(); i++) {
                BigDecimal exact = rated.charge().amount().multiply(scenario.percents().get(i)).movePointLeft(2);
                assertThat(rated.parties().get(i).amount().amount())
                        .isEqualTo(exact.setScale(Money.SCALE, Money.ROUNDING));
            }
        }
    }

    private static RatedUsage rate(Scenario scenario) {
        RatingFixtures.InstanceBuilder instance = instance("pi");
        List<AgreementVersion> agreements = new ArrayList<>();
        switch (scenario.allocation()) {
            case CO_CREATED -> {
                for (int i = 0; i < scenario.percents().size(); i++) {
                    instance.participant("p" + i, scenario.percents().get(i).toPlainString());
                    agreements.add(agreement("p" + i).model(BusinessModel.CO_CREATE).build());
                }
            }
            case SELL_THROUGH -> {
                instance.ownedBy("owner");
                agreements.add(agreement("owner").share(null, null, scenario.percents().getFirst().toPlainString())
                        .build());
            }
            case RESELL -> {
                instance.boughtBy("reseller");
                agreements.add(agreement("reseller").model(BusinessModel.RESELL)
                        .wholesale(UnitOfMeasure.S, scenario.rate().toPlainString()).build());
            }
            case OWN -> {
                // no partner
            }
        }
        RatingEngine engine = engine(List.of(instance.build()),
                List.of(price("p").rate(scenario.rate().toPlainString()).build()), agreements);
        RatingOutcome outcome = engine.rate(usage().quantity(scenario.quantity().toPlainString(), UnitOfMeasure.S)
                .build(), new TierAccumulators());
        assertThat(outcome).isInstanceOf(RatedUsage.class);
        return (RatedUsage) outcome;
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        Arbitrary<BigDecimal> rates = Arbitraries.bigDecimals().between(BigDecimal.ZERO, BigDecimal.TEN).ofScale(7);
        Arbitrary<BigDecimal> quantities = Arbitraries.oneOf(
                Arbitraries.longs().between(0, 10_000_000).map(BigDecimal::valueOf),
                Arbitraries.bigDecimals().between(BigDecimal.ZERO, BigDecimal.valueOf(100_000)).ofScale(3));
        Arbitrary<List<BigDecimal>> percents = Arbitraries.integers().between(0, 250_000).list().ofMinSize(1)
                .ofMaxSize(5).filter(list -> list.stream().mapToInt(Integer::intValue).sum() <= 1_000_000)
                .map(list -> list.stream().map(tenThousandths -> BigDecimal.valueOf(tenThousandths, 4)).toList());
        return Combinators.combine(Arbitraries.of(Case.class), rates, quantities, percents).as(Scenario::new);
    }
}
