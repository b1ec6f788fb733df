package io.accord.rating.engine;

import io.accord.contracts.catalog.UnitOfMeasure;
import io.accord.rating.engine.AgreementVersion.BusinessModel;
import io.accord.rating.engine.PartyAmount.Direction;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.accord.rating.engine.RatingFixtures.agreement;
import static io.accord.rating.engine.RatingFixtures.dec;
import static io.accord.rating.engine.RatingFixtures.engine;
import static io.accord.rating.engine.RatingFixtures.instance;
import static io.accord.rating.engine.RatingFixtures.price;
import static io.accord.rating.engine.RatingFixtures.usage;
import static org.assertj.core.api.Assertions.assertThat;

class AllocationTests {

    /** 100 s at 0.0123457 per second: a charge of 1.23457 that no share divides evenly. */
    private static final RatingFixtures.PriceBuilder PRICE = price("price-voice").rate("0.0123457");

    private static RatingOutcome rate(ProductInstance instance, AgreementVersion... agreements) {
        return engine(List.of(instance), List.of(PRICE.build()), List.of(agreements))
                .rate(usage().quantity("100", UnitOfMeasure.S).build(), new TierAccumulators());
    }

    private static RatedUsage rated(ProductInstance instance, AgreementVersion... agreements) {
        RatingOutcome outcome = rate(instance, agreements);
        assertThat(outcome).isInstanceOf(RatedUsage.class);
        RatedUsage rated = (RatedUsage) outcome;
        assertThat(rated.payableShares().plus(rated.margin())).isEqualTo(rated.charge());
        return rated;
    }

    @Test
    void coCreatedOfferingPaysEachParticipantItsShareAndTheCspTheRemainder() {
        RatedUsage rated = rated(instance("pi").participant("p1", "33.3333").participant("p2", "41.5").build(),
                agreement("p1").model(BusinessModel.CO_CREATE).build(),
                agreement("p2").model(BusinessModel.CO_CREATE).build());

        assertThat(rated.allocation()).isEqualTo(AllocationCase.CO_CREATED);
        assertThat(rated.charge().amount()).isEqualByComparingTo("1.234570");
        assertThat(rated.parties()).extracting(party -> party.amount().amount().toPlainString())
                .containsExactly("0.411523", "0.512347");
        assertThat(rated.parties()).allMatch(party -> party.direction() == Direction.PAYABLE_TO_PARTNER);
        assertThat(rated.margin().amount()).isEqualByComparingTo("0.310700");
        assertThat(rated.basis().agreements()).extracting(RatingBasis.AgreementRef::partnerId)
                .containsExactly("p1", "p2");
    }

    @Test
    void coCreatedOfferingNeedsEveryParticipantsAgreement() {
        assertThat(rate(instance("pi").participant("p1", "30").participant("p2", "30").build(),
                agreement("p1").build())).isInstanceOfSatisfying(SuspendedUsage.class, suspended -> {
                    assertThat(suspended.reason()).isEqualTo(SuspenseReason.NO_AGREEMENT);
                    assertThat(suspended.detail()).contains("p2");
                });
    }

    @Test
    void sellThroughPaysTheOwnerTheShareOfTheMostSpecificRule() {
        AgreementVersion rules = agreement("owner").share(null, null, "10").share(null, "VOICE", "20")
                .share("VOICE_BUNDLES", null, "30").share("VOICE_BUNDLES", "VOICE", "40").build();
        AgreementVersion noExact = agreement("owner").share(null, null, "10").share(null, "VOICE", "20")
                .share("VOICE_BUNDLES", null, "30").build();
        AgreementVersion typeOnly = agreement("owner").share(null, null, "10").share(null, "VOICE", "20").build();
        AgreementVersion wildcard = agreement("owner").share(null, null, "10").share("OTHER", "VOICE", "90").build();
        ProductInstance owned = instance("pi").ownedBy("owner").category("VOICE_BUNDLES").build();

        assertThat(rated(owned, rules).parties().getFirst().sharePercent()).isEqualByComparingTo("40");
        assertThat(rated(owned, noExact).parties().getFirst().sharePercent()).isEqualByComparingTo("30");
        assertThat(rated(owned, typeOnly).parties().getFirst().sharePercent()).isEqualByComparingTo("20");
        RatedUsage rated = rated(owned, wildcard);
        assertThat(rated.allocation()).isEqualTo(AllocationCase.SELL_THROUGH);
        assertThat(rated.parties().getFirst()).isEqualTo(new PartyAmount("owner", Direction.PAYABLE_TO_PARTNER,
                dec("10"), io.accord.contracts.value.Money.of("0.123457", "EUR")));
        assertThat(rated.margin().amount()).isEqualByComparingTo("1.111113");
    }

    @Test
    void sellThroughWithoutAMatchingRuleOrAgreementIsNoAgreement() {
        ProductInstance owned = instance("pi").ownedBy("owner").category("VOICE_BUNDLES").build();

        assertThat(rate(owned, agreement("owner").share("OTHER", null, "10").build()))
                .isInstanceOfSatisfying(SuspendedUsage.class, suspended -> assertThat(suspended.reason())
                        .isEqualTo(SuspenseReason.NO_AGREEMENT));
        assertThat(rate(owned)).isInstanceOfSatisfying(SuspendedUsage.class,
                suspended -> assertThat(suspended.reason()).isEqualTo(SuspenseReason.NO_AGREEMENT));
    }

    @Test
    void resellChargesTheBilledQuantityAtTheWholesaleRateOwedByTheBuyer() {
        RatedUsage rated = rated(instance("pi").boughtBy("reseller").build(), agreement("reseller")
                .model(BusinessModel.RESELL).wholesale(UnitOfMeasure.S, "0.004").build());

        assertThat(rated.allocation()).isEqualTo(AllocationCase.RESELL);
        assertThat(rated.charge().amount()).isEqualByComparingTo("0.4");
        assertThat(rated.parties()).containsExactly(new PartyAmount("reseller", Direction.OWED_BY_PARTNER, null,
                rated.charge()));
        assertThat(rated.margin()).isEqualTo(rated.charge());
        assertThat(rated.tiers().portions()).isEmpty();
    }

    @Test
    void resellConvertsToTheUnitOfTheWholesaleRate() {
        RatedUsage rated = rated(instance("pi").boughtBy("reseller").build(), agreement("reseller")
                .model(BusinessModel.RESELL).wholesale(UnitOfMeasure.MIN, "0.30").build());

        assertThat(rated.charge().amount()).isEqualByComparingTo("0.5");
    }

    @Test
    void resellNeedsAResellAgreementWithARateForTheUnit() {
        ProductInstance bought = instance("pi").boughtBy("reseller").build();

        assertThat(rate(bought, agreement("reseller").model(BusinessModel.SELL_THROUGH)
                .wholesale(UnitOfMeasure.S, "0.004").build())).isInstanceOfSatisfying(SuspendedUsage.class,
                suspended -> assertThat(suspended.detail()).contains("not RESELL"));
        assertThat(rate(bought, agreement("reseller").model(BusinessModel.RESELL)
                .wholesale(UnitOfMeasure.MB, "0.004").build())).isInstanceOfSatisfying(SuspendedUsage.class,
                suspended -> assertThat(suspended.reason()).isEqualTo(SuspenseReason.NO_AGREEMENT));
    }

    /** The reviewer's case: partner B (a 30 % participant) bought the co-created offering for its own customer. */
    @Test
    void aParticipantBuyingTheCoCreatedOfferingOwesTheWholeChargeAndIsPaidItsShare() {
        RatedUsage rated = rated(instance("pi").participant("a", "40").participant("b", "30").boughtBy("b").build(),
                agreement("a").model(BusinessModel.CO_CREATE).build(),
                agreement("b").model(BusinessModel.RESELL).build());

        assertThat(rated.allocation()).isEqualTo(AllocationCase.CO_CREATED);
        assertThat(rated.charge().amount()).isEqualByComparingTo("1.234570");
        assertThat(rated.parties()).containsExactly(
                new PartyAmount("a", Direction.PAYABLE_TO_PARTNER, dec("40"), money("0.493828")),
                new PartyAmount("b", Direction.PAYABLE_TO_PARTNER, dec("30"), money("0.370371")),
                new PartyAmount("b", Direction.OWED_BY_PARTNER, null, rated.charge()));
        assertThat(rated.margin().amount()).isEqualByComparingTo("0.370371");
        // b's agreement version recorded once, though b is a participant and the buyer
        assertThat(rated.basis().agreements()).extracting(RatingBasis.AgreementRef::partnerId)
                .containsExactly("a", "b");
    }

    @Test
    void theOwnerBuyingItsOwnOfferingOwesTheWholeChargeAndIsPaidItsShare() {
        RatedUsage rated = rated(instance("pi").ownedBy("owner").boughtBy("owner").build(),
                agreement("owner").share(null, null, "70").build());

        assertThat(rated.allocation()).isEqualTo(AllocationCase.SELL_THROUGH);
        assertThat(rated.parties()).containsExactly(
                new PartyAmount("owner", Direction.PAYABLE_TO_PARTNER, dec("70"), money("0.864199")),
                new PartyAmount("owner", Direction.OWED_BY_PARTNER, null, rated.charge()));
        assertThat(rated.margin().amount()).isEqualByComparingTo("0.370371");
        assertThat(rated.basis().agreements()).extracting(RatingBasis.AgreementRef::partnerId)
                .containsExactly("owner");
    }

    @Test
    void anotherPartnerBuyingAPartnersOfferingOwesTheWholeChargeUnderItsOwnAgreement() {
        RatedUsage rated = rated(instance("pi").ownedBy("owner").boughtBy("buyer").build(),
                agreement("owner").share(null, null, "70").build(),
                agreement("buyer").model(BusinessModel.SELL_THROUGH).id("agr-buyer", 4).build());

        assertThat(rated.parties()).extracting(PartyAmount::partnerId, PartyAmount::direction)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("owner", Direction.PAYABLE_TO_PARTNER),
                        org.assertj.core.groups.Tuple.tuple("buyer", Direction.OWED_BY_PARTNER));
        assertThat(rated.parties().getLast().amount()).isEqualTo(rated.charge());
        assertThat(rated.basis().agreements()).containsExactly(new RatingBasis.AgreementRef("owner", "agr-owner", 1),
                new RatingBasis.AgreementRef("buyer", "agr-buyer", 4));
    }

    @Test
    void aPartnerBuyingAPartnersOfferingNeedsAnAgreementInForce() {
        ProductInstance bought = instance("pi").ownedBy("owner").boughtBy("buyer").build();

        assertThat(rate(bought, agreement("owner").share(null, null, "70").build()))
                .isInstanceOfSatisfying(SuspendedUsage.class, suspended -> {
                    assertThat(suspended.reason()).isEqualTo(SuspenseReason.NO_AGREEMENT);
                    assertThat(suspended.detail()).contains("buyer buyer");
                });
        assertThat(rate(bought, agreement("owner").share(null, null, "70").build(), agreement("buyer")
                .valid(RatingFixtures.EPOCH, RatingFixtures.USAGE_TIME.toInstant()).build()))
                .isInstanceOfSatisfying(SuspendedUsage.class, suspended -> assertThat(suspended.reason())
                        .isEqualTo(SuspenseReason.NO_AGREEMENT));
    }

    @Test
    void ownSubscriberOnOwnOfferingIsAllMargin() {
        RatedUsage rated = rated(instance("pi").build());

        assertThat(rated.allocation()).isEqualTo(AllocationCase.OWN);
        assertThat(rated.parties()).isEmpty();
        assertThat(rated.margin()).isEqualTo(rated.charge());
        assertThat(rated.basis().agreements()).isEmpty();
    }

    private static io.accord.contracts.value.Money money(String amount) {
        return io.accord.contracts.value.Money.of(amount, "EUR");
    }

    /** The worked example of docs/rating-engine.md: 125 s at 60/1 and 0.0123457 EUR/s. */
    @Test
    void theWorkedExampleOfTheDocumentation() {
        RatingFixtures.PriceBuilder voice = price("price-voice").rate("0.0123457").increments("60", "1");
        UsageRecord call = usage().quantity("125", UnitOfMeasure.S).build();
        RatedUsage coCreated = (RatedUsage) engine(List.of(instance("pi").participant("p1", "33.3333")
                        .participant("p2", "41.5").build()), List.of(voice.build()),
                List.of(agreement("p1").build(), agreement("p2").build())).rate(call, new TierAccumulators());
        RatedUsage sellThrough = (RatedUsage) engine(List.of(instance("pi").ownedBy("owner").category("VIDEO")
                .build()), List.of(voice.build()), List.of(agreement("owner").share(null, null, "50")
                .share("VIDEO", null, "60").share("VIDEO", "VOICE", "65").build())).rate(call, new TierAccumulators());
        RatedUsage resold = (RatedUsage) engine(List.of(instance("pi").boughtBy("reseller").build()),
                List.of(voice.build()), List.of(agreement("reseller").model(BusinessModel.RESELL)
                        .wholesale(UnitOfMeasure.MIN, "0.036").build())).rate(call, new TierAccumulators());

        assertThat(coCreated.charge().amount().toPlainString()).isEqualTo("1.543212");
        assertThat(coCreated.parties()).extracting(party -> party.amount().amount().toPlainString())
                .containsExactly("0.514403", "0.640433");
        assertThat(coCreated.margin().amount().toPlainString()).isEqualTo("0.388376");
        assertThat(sellThrough.parties().getFirst().amount().amount().toPlainString()).isEqualTo("1.003088");
        assertThat(sellThrough.margin().amount().toPlainString()).isEqualTo("0.540124");
        assertThat(resold.charge().amount().toPlainString()).isEqualTo("0.075000");
        assertThat(resold.parties().getFirst().direction()).isEqualTo(Direction.OWED_BY_PARTNER);
    }
}
