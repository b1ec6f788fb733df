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

/**
 * For any rate, quantity and split, charge = Σ payable shares + margin to the last of six decimals; a partner buying a
 * co-created or partner-owned offering for its own customer owes the whole charge, and the shares are paid as for a
 * CSP subscriber.
 */
class AllocationPropertiesTests {

    enum Case { CO_CREATED, SELL_THROUGH, RESELL, OWN }

    /** Who bought the instance: the CSP's subscriber, a partner outside the offering, or one of its partners. */
    enum Buyer { CSP, OTHER_PARTNER, ONE_OF_ITS_PARTNERS }

    record Scenario(Case allocation, BigDecimal rate, BigDecimal quantity, List<BigDecimal> percents, Buyer buyer) {

        /** The partner owing the charge, {@code null} when nobody owes it. */
        String owing() {
            if (allocation == Case.RESELL) {
                return "reseller";
            }
            if (allocation == Case.OWN || buyer == Buyer.CSP) {
                return null;
            }
            if (buyer == Buyer.OTHER_PARTNER) {
                return "buyer";
            }
            return allocation == Case.SELL_THROUGH ? "owner" : "p" + (percents.size() - 1);
        }
    }

    @Property(tries = 1000)
    void sharesPlusMarginEqualTheChargeExactly(@ForAll("scenarios") Scenario scenario) {
        RatedUsage rated = rate(scenario);

        assertThat(rated.payableShares().plus(rated.margin())).isEqualTo(rated.charge());
        assertThat(rated.charge().amount().scale()).isEqualTo(Money.SCALE);
        assertThat(rated.parties()).allSatisfy(party -> assertThat(party.amount().amount().scale())
                .isEqualTo(Money.SCALE));
        String owing = scenario.owing();
        List<PartyAmount> owed = rated.parties().stream()
                .filter(party -> party.direction() == PartyAmount.Direction.OWED_BY_PARTNER).toList();
        if (owing == null) {
            assertThat(owed).isEmpty();
        } else {
            assertThat(owed).singleElement().satisfies(party -> {
                assertThat(party.partnerId()).isEqualTo(owing);
                assertThat(party.amount()).isEqualTo(rated.charge());
            });
        }
        if (scenario.allocation() == Case.CO_CREATED || scenario.allocation() == Case.SELL_THROUGH) {
            int shares = scenario.allocation() == Case.SELL_THROUGH ? 1 : scenario.percents().size();
            assertThat(rated.parties()).hasSize(shares + owed.size());
            if (owing != null) {
                assertThat(rated.basis().agreements()).extracting(RatingBasis.AgreementRef::partnerId)
                        .contains(owing);
            }
            for (int i = 0; i < shares; i++) {
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
        String owing = scenario.owing();
        if (owing != null && scenario.allocation() != Case.RESELL) {
            instance.boughtBy(owing);
            if (scenario.buyer() == Buyer.OTHER_PARTNER) {
                // any business model: the buyer billed its own customer
                agreements.add(agreement(owing).model(BusinessModel.RESELL).build());
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
        return Combinators.combine(Arbitraries.of(Case.class), rates, quantities, percents,
                Arbitraries.of(Buyer.class)).as(Scenario::new);
    }
}
