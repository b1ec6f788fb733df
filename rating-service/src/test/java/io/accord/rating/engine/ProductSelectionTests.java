package io.accord.rating.engine;

import io.accord.contracts.catalog.UnitOfMeasure;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.accord.rating.engine.RatingFixtures.engine;
import static io.accord.rating.engine.RatingFixtures.instance;
import static io.accord.rating.engine.RatingFixtures.price;
import static io.accord.rating.engine.RatingFixtures.usage;
import static org.assertj.core.api.Assertions.assertThat;

class ProductSelectionTests {

    private final RatingEngine engine = engine(
            List.of(instance("pi-voice").offering("offer-voice").build(),
                    instance("pi-data").offering("offer-data").build(),
                    instance("pi-data-2").offering("offer-data").build(),
                    instance("pi-other").subscriber("491700000002").offering("offer-voice").build()),
            List.of(price("voice").offering("offer-voice").usageType("VOICE").build(),
                    price("data").offering("offer-data").usageType("DATA").unit(UnitOfMeasure.MB).build()),
            List.of());

    private RatingOutcome rate(RatingFixtures.UsageBuilder usage) {
        return engine.rate(usage.build(), new TierAccumulators());
    }

    @Test
    void picksTheOneInstanceWhoseOfferingPricesTheUsageType() {
        assertThat(rate(usage().type("VOICE"))).isInstanceOfSatisfying(RatedUsage.class,
                rated -> assertThat(rated.basis().productInstanceId()).isEqualTo("pi-voice"));
    }

    @Test
    void suspendsAsAmbiguousWhenSeveralInstancesPriceTheUsageType() {
        assertThat(rate(usage().type("DATA").quantity("1", UnitOfMeasure.MB))).isInstanceOfSatisfying(
                SuspendedUsage.class, suspended -> assertThat(suspended.reason())
                        .isEqualTo(SuspenseReason.AMBIGUOUS_PRODUCT));
    }

    @Test
    void aNamedInstanceWinsOverTheOthers() {
        assertThat(rate(usage().type("DATA").quantity("1", UnitOfMeasure.MB).naming("pi-data-2", null)))
                .isInstanceOfSatisfying(RatedUsage.class,
                        rated -> assertThat(rated.basis().productInstanceId()).isEqualTo("pi-data-2"));
    }

    @Test
    void aNamedOfferingPicksItsInstanceAndIsAmbiguousWhenItHasSeveral() {
        assertThat(rate(usage().type("VOICE").naming(null, "offer-voice"))).isInstanceOf(RatedUsage.class);
        assertThat(rate(usage().type("DATA").quantity("1", UnitOfMeasure.MB).naming(null, "offer-data")))
                .isInstanceOfSatisfying(SuspendedUsage.class, suspended -> assertThat(suspended.reason())
                        .isEqualTo(SuspenseReason.AMBIGUOUS_PRODUCT));
    }

    @Test
    void aPartnersUsageSeesOnlyTheInstancesItTakesPartIn() {
        String partner = "0f16deb6-5c1f-4a7e-9d2b-3e4f5a6b7c8d";
        String other = "22222222-2222-4222-8222-222222222222";
        RatingEngine shared = engine(List.of(
                        instance("pi-csp").offering("offer-voice").build(),
                        instance("pi-theirs").subscriber("491700000003").offering("offer-voice").ownedBy(other)
                                .build(),
                        instance("pi-bought").subscriber("491700000004").offering("offer-voice").boughtBy(partner)
                                .build(),
                        instance("pi-owned").subscriber("491700000005").offering("offer-voice").ownedBy(partner)
                                .build(),
                        instance("pi-cocreated").subscriber("491700000006").offering("offer-voice")
                                .participant(other, "10").participant(partner.toUpperCase(), "20").build()),
                List.of(price("voice").offering("offer-voice").usageType("VOICE").build()),
                List.of(RatingFixtures.agreement(partner).build(), RatingFixtures.agreement(other).build()));

        // another tenant's subscriber, or the CSP's own: as if nobody had it, whether named or not
        for (RatingFixtures.UsageBuilder usage : List.of(usage().source(partner),
                usage().source(partner).naming("pi-csp", null),
                usage().source(partner).subscriber("491700000003"),
                usage().source(partner).subscriber("491700000003").naming("pi-theirs", null),
                usage().source(partner).subscriber("491700000003").naming(null, "offer-voice"))) {
            assertThat(shared.rate(usage.build(), new TierAccumulators())).isInstanceOfSatisfying(
                    SuspendedUsage.class, suspended -> {
                        assertThat(suspended.reason()).isEqualTo(SuspenseReason.NO_PRODUCT_INSTANCE);
                        // the words for an instance nobody has (a named one is the caller's own words)
                        assertThat(suspended.detail()).doesNotContain(other)
                                .containsAnyOf("has no product instance in force", "is not in force",
                                        "has no instance of offering");
                    });
        }
        // its own: bought to resell, its offering, co-created with it (ids compared without case)
        for (String subscriber : List.of("491700000004", "491700000005", "491700000006")) {
            assertThat(shared.rate(usage().source(partner).subscriber(subscriber).build(), new TierAccumulators()))
                    .as(subscriber).satisfies(outcome -> assertThat(outcome instanceof SuspendedUsage suspended
                            && suspended.reason() == SuspenseReason.NO_PRODUCT_INSTANCE).isFalse());
        }
        // staff and mediation sources are names, not partner ids: every instance
        assertThat(shared.rate(usage().source("mediation-eu").build(), new TierAccumulators()))
                .isInstanceOf(RatedUsage.class);
        assertThat(shared.rate(usage().source("mediation-eu").subscriber("491700000003").build(),
                new TierAccumulators())).isInstanceOfSatisfying(SuspendedUsage.class, suspended ->
                assertThat(suspended.reason()).as("found, but its owner's rule is missing")
                        .isEqualTo(SuspenseReason.NO_AGREEMENT));
        assertThat(ProductSelection.partnerSource(partner.toUpperCase())).isTrue();
        assertThat(ProductSelection.partnerSource("0f16deb6-5c1f-4a7e-9d2b-3e4f5a6b7c8")).isFalse();
        assertThat(ProductSelection.partnerSource("0f16deb6-5c1f-4a7e-9d2b-3e4f5a6b7c8x")).isFalse();
        assertThat(ProductSelection.partnerSource("0f16deb6+5c1f-4a7e-9d2b-3e4f5a6b7c8d")).isFalse();
    }

    @Test
    void anotherSubscribersInstanceOrAnUnknownOneIsNoProductInstance() {
        assertThat(rate(usage().naming("pi-other", null))).isInstanceOfSatisfying(SuspendedUsage.class,
                suspended -> assertThat(suspended.reason()).isEqualTo(SuspenseReason.NO_PRODUCT_INSTANCE));
        assertThat(rate(usage().naming("nope", null))).isInstanceOfSatisfying(SuspendedUsage.class,
                suspended -> assertThat(suspended.reason()).isEqualTo(SuspenseReason.NO_PRODUCT_INSTANCE));
        assertThat(rate(usage().naming(null, "offer-unknown"))).isInstanceOfSatisfying(SuspendedUsage.class,
                suspended -> assertThat(suspended.reason()).isEqualTo(SuspenseReason.NO_PRODUCT_INSTANCE));
    }

    @Test
    void aNamedInstanceInForceUnderAnotherSubscriberSaysTheSubscriberDoesNotMatch() {
        // it said the instance "is not in force", which sent the sender looking at the product, not at its record
        assertThat(rate(usage().subscriber("491700000001").naming("pi-other", null)))
                .isInstanceOfSatisfying(SuspendedUsage.class, suspended -> {
                    assertThat(suspended.reason()).isEqualTo(SuspenseReason.NO_PRODUCT_INSTANCE);
                    assertThat(suspended.detail()).contains("pi-other is in force", "subscriber 491700000001 is not"
                            + " one of its subscriber identifiers").doesNotContain("is not in force");
                });
        assertThat(rate(usage().naming("nope", null))).isInstanceOfSatisfying(SuspendedUsage.class,
                suspended -> assertThat(suspended.detail()).contains("is not in force"));
    }

    @Test
    void aSubscriberWithoutProductsIsNoProductInstance() {
        assertThat(rate(usage().subscriber("491799999999"))).isInstanceOfSatisfying(SuspendedUsage.class,
                suspended -> assertThat(suspended.reason()).isEqualTo(SuspenseReason.NO_PRODUCT_INSTANCE));
    }

    @Test
    void aUsageTypeNoProductPricesIsNoPrice() {
        assertThat(rate(usage().type("SMS").quantity("1", UnitOfMeasure.MESSAGE)))
                .isInstanceOfSatisfying(SuspendedUsage.class, suspended -> {
                    assertThat(suspended.reason()).isEqualTo(SuspenseReason.NO_PRICE);
                    assertThat(suspended.detail()).contains("SMS");
                });
        assertThat(rate(usage().type("SMS").quantity("1", UnitOfMeasure.MESSAGE).naming("pi-voice", null)))
                .isInstanceOfSatisfying(SuspendedUsage.class, suspended -> {
                    assertThat(suspended.reason()).isEqualTo(SuspenseReason.NO_PRICE);
                    // the offering the suspense concerns is the picked instance's, though the record named none
                    assertThat(suspended.offeringId()).isEqualTo("offer-voice");
                });
    }

    @Test
    void aSuspensionConcernsThePickedInstancesOfferingElseTheOneTheRecordNamed() {
        // several products in force, none pricing SMS: no one offering is concerned
        assertThat(rate(usage().type("SMS").quantity("1", UnitOfMeasure.MESSAGE))).isInstanceOfSatisfying(
                SuspendedUsage.class, suspended -> assertThat(suspended.offeringId()).isNull());
        // the subscriber's only product in force does not price it: its offering is
        assertThat(rate(usage().subscriber("491700000002").type("SMS").quantity("1", UnitOfMeasure.MESSAGE)))
                .isInstanceOfSatisfying(SuspendedUsage.class, suspended -> {
                    assertThat(suspended.reason()).isEqualTo(SuspenseReason.NO_PRICE);
                    assertThat(suspended.offeringId()).isEqualTo("offer-voice");
                });
        assertThat(rate(usage().naming(null, "offer-unknown"))).isInstanceOfSatisfying(SuspendedUsage.class,
                suspended -> assertThat(suspended.offeringId()).isEqualTo("offer-unknown"));
        assertThat(rate(usage().subscriber("491799999999"))).isInstanceOfSatisfying(SuspendedUsage.class,
                suspended -> assertThat(suspended.offeringId()).isNull());
        assertThat(rate(usage().type("DATA").quantity("1", UnitOfMeasure.MB).naming("pi-data-2", null)
                .quantity("1", UnitOfMeasure.EVENT))).isInstanceOfSatisfying(SuspendedUsage.class, suspended -> {
                    assertThat(suspended.reason()).as(suspended.detail()).isEqualTo(SuspenseReason.INVALID);
                    assertThat(suspended.offeringId()).isEqualTo("offer-data");
                });
    }
}
