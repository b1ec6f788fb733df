package io.accord.rating.model;

import io.accord.contracts.catalog.UnitOfMeasure;
import io.accord.contracts.events.AgreementActivated;
import io.accord.contracts.events.AgreementSuperseded;
import io.accord.contracts.events.OfferingLaunched;
import io.accord.contracts.events.OfferingPrice;
import io.accord.contracts.events.OfferingPriceChanged;
import io.accord.contracts.events.ProductActivated;
import io.accord.rating.RatingProbe;
import io.accord.rating.engine.AllocationCase;
import io.accord.rating.engine.RatedUsage;
import io.accord.rating.engine.RatingBasis.AgreementRef;
import io.accord.rating.engine.SuspendedUsage;
import io.accord.rating.engine.SuspenseReason;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.OrderEvents;
import io.accord.testsupport.PartnerEvents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.accord.rating.model.ModelFixture.MICRO;
import static io.accord.rating.model.ModelFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events on the real topics build the snapshot the engine rates with: a partner's offering with two price
 * versions, two agreement versions and a product known by its MSISDN and ICCID; boundaries at the exact instant.
 */
@AccordServiceTest
class ReadModelEventsTests {

    private static final Instant PRICE_CHANGE = T0.plus(Duration.ofDays(5));
    private static final Instant AGREEMENT_CHANGE = T0.plus(Duration.ofDays(3));

    private final RatingProbe probe;
    private final ModelFixture fixture;
    private final String partner = UUID.randomUUID().toString();
    private final String offering = "offer-" + UUID.randomUUID();
    private final String msisdn = "+4917" + (System.nanoTime() % 1_000_000_000L);
    private final String iccid = "8949" + (System.nanoTime() % 1_000_000_000_000L);
    private final String product = "pi-" + UUID.randomUUID();

    ReadModelEventsTests(RatingProbe probe, JdbcClient jdbc, RatingModel model) {
        this.probe = probe;
        this.fixture = new ModelFixture(jdbc, model);
    }

    @BeforeEach
    void feed() {
        OfferingPrice first = CatalogFeed.usage("voice", 1, "S", "0.01", List.of("VOICE"), T0, null);
        OfferingPrice second = CatalogFeed.usage("voice", 2, "S", "0.02", List.of("VOICE"), PRICE_CHANGE, null);
        OfferingLaunched launched = CatalogFeed.launch(offering, partner,
                List.of(first, CatalogFeed.recurring("monthly", "9.99", T0)));
        OfferingPriceChanged changed = CatalogFeed.priceChanged(offering, partner, second, first.priceVersionId());
        CatalogFeed.send(changed, 2L);

        AgreementActivated v1 = PartnerEvents.agreementActivated(partner, "agr-1-" + partner, 1, "SELL_THROUGH",
                T0.minus(Duration.ofDays(30)), null, null, List.of("*/*=50"), List.of());
        AgreementActivated v2 = PartnerEvents.agreementActivated(partner, "agr-2-" + partner, 2, "SELL_THROUGH",
                AGREEMENT_CHANGE, null, v1.agreementId(), List.of("*/*=40", "VIDEO/VOICE=70"), List.of());
        AgreementSuperseded superseded = PartnerEvents.agreementSuperseded(partner, v1.agreementId(), 1,
                v2.agreementId(), AGREEMENT_CHANGE);
        PartnerEvents.send(v1, 1L);
        PartnerEvents.send(v2, 2L);
        PartnerEvents.send(superseded, 3L);

        ProductActivated activated = OrderEvents.product(product, offering).ownedBy(partner).category("VIDEO")
                .identifier("ICCID", iccid).identifier("MSISDN", msisdn).identifier("ACCOUNT_ID", "acct-" + product)
                .valid(T0, null).activated();
        OrderEvents.send(activated, 1L);

        fixture.awaitApplied(CatalogEventsListener.CONSUMER, launched, changed);
        fixture.awaitApplied(PartnerEventsListener.CONSUMER, v1, v2, superseded);
        fixture.awaitApplied(OrderEventsListener.CONSUMER, activated);
    }

    @Test
    void findsTheProductByItsMsisdnAndByItsIccidAndKeepsOneAccumulatorKey() {
        RatedUsage byMsisdn = probe.rated(msisdn, "VOICE", T0.plus(Duration.ofDays(1)), "61", UnitOfMeasure.S);
        RatedUsage byIccid = probe.rated(iccid, "VOICE", T0.plus(Duration.ofDays(1)), "61", UnitOfMeasure.S);
        RatedUsage byAccount = probe.rated("acct-" + product, "VOICE", T0.plus(Duration.ofDays(1)), "61",
                UnitOfMeasure.S);

        for (RatedUsage rated : List.of(byMsisdn, byIccid, byAccount)) {
            assertThat(rated.basis().productInstanceId()).isEqualTo(product);
            // the canonical subscriber is the MSISDN although the event lists the ICCID first
            assertThat(rated.tiers().accumulator().subscriberId()).isEqualTo(msisdn);
            assertThat(rated.allocation()).isEqualTo(AllocationCase.SELL_THROUGH);
            // 61 s at 60/1 = 61 s x 0.01; 50 % to the partner under the first agreement
            assertThat(rated.charge().amount()).isEqualByComparingTo("0.61");
            assertThat(rated.parties().getFirst().amount().amount()).isEqualByComparingTo("0.305");
        }
    }

    @Test
    void usesThePriceVersionInForceAtTheExactInstant() {
        RatedUsage before = probe.rated(msisdn, "VOICE", PRICE_CHANGE.minus(MICRO), "60", UnitOfMeasure.S);
        RatedUsage at = probe.rated(iccid, "VOICE", PRICE_CHANGE, "60", UnitOfMeasure.S);

        assertThat(before.basis().priceVersion()).isEqualTo(1);
        assertThat(before.charge().amount()).isEqualByComparingTo("0.60");
        assertThat(at.basis().priceVersion()).isEqualTo(2);
        assertThat(at.charge().amount()).isEqualByComparingTo("1.20");
    }

    @Test
    void usesTheAgreementVersionInForceAtTheExactInstant() {
        RatedUsage before = probe.rated(msisdn, "VOICE", AGREEMENT_CHANGE.minus(MICRO), "60", UnitOfMeasure.S);
        RatedUsage at = probe.rated(msisdn, "VOICE", AGREEMENT_CHANGE, "60", UnitOfMeasure.S);

        assertThat(before.basis().agreements()).extracting(AgreementRef::version).containsExactly(1);
        assertThat(before.parties().getFirst().sharePercent()).isEqualByComparingTo("50");
        assertThat(at.basis().agreements()).extracting(AgreementRef::version).containsExactly(2);
        // the more specific rule of the second version: category VIDEO and usage type VOICE
        assertThat(at.parties().getFirst().sharePercent()).isEqualByComparingTo("70");
    }

    @Test
    void usageBeforeTheProductStartsOrOfAnUnknownSubscriberFindsNoProduct() {
        assertThat(probe.rate(msisdn, "VOICE", T0.minus(MICRO), "60", UnitOfMeasure.S))
                .isInstanceOfSatisfying(SuspendedUsage.class,
                        suspended -> assertThat(suspended.reason()).isEqualTo(SuspenseReason.NO_PRODUCT_INSTANCE));
        assertThat(probe.rate("+4900000000000", "VOICE", T0.plus(Duration.ofDays(1)), "60", UnitOfMeasure.S))
                .isInstanceOfSatisfying(SuspendedUsage.class,
                        suspended -> assertThat(suspended.reason()).isEqualTo(SuspenseReason.NO_PRODUCT_INSTANCE));
    }

    @Test
    void aRetiredOfferingKeepsRatingItsInstances() {
        var retired = CatalogFeed.retired(offering, partner);
        CatalogFeed.send(retired, 3L);
        fixture.awaitApplied(CatalogEventsListener.CONSUMER, retired);

        assertThat(probe.rated(msisdn, "VOICE", PRICE_CHANGE.plus(Duration.ofHours(1)), "60", UnitOfMeasure.S)
                .basis().priceVersion()).isEqualTo(2);
    }

    @Test
    void aSuspendedProductStillRatesAndATerminatedOneStopsAtItsEnd() {
        Instant end = T0.plus(Duration.ofDays(7));
        var suspended = OrderEvents.product(product, offering).ownedBy(partner).category("VIDEO")
                .identifier("MSISDN", msisdn).identifier("ICCID", iccid).status("SUSPENDED").valid(T0, null)
                .modified("status");
        OrderEvents.send(suspended, 2L);
        fixture.awaitApplied(OrderEventsListener.CONSUMER, suspended);
        assertThat(probe.rated(iccid, "VOICE", end.plus(Duration.ofDays(1)), "60", UnitOfMeasure.S)
                .basis().productInstanceId()).isEqualTo(product);

        var terminated = OrderEvents.product(product, offering).ownedBy(partner).category("VIDEO")
                .identifier("MSISDN", msisdn).identifier("ICCID", iccid).status("TERMINATED").valid(T0, end)
                .terminated();
        OrderEvents.send(terminated, 3L);
        fixture.awaitApplied(OrderEventsListener.CONSUMER, terminated);

        assertThat(probe.rated(msisdn, "VOICE", end.minus(MICRO), "60", UnitOfMeasure.S).basis()
                .productInstanceId()).isEqualTo(product);
        assertThat(probe.rate(msisdn, "VOICE", end, "60", UnitOfMeasure.S)).isInstanceOfSatisfying(
                SuspendedUsage.class, gone -> assertThat(gone.reason()).isEqualTo(SuspenseReason.NO_PRODUCT_INSTANCE));
    }

    @Test
    void aTerminatedAgreementEndsAtItsInstantAndLeavesTheRecordsWithoutAgreement() {
        Instant end = T0.plus(Duration.ofDays(8));
        var terminated = PartnerEvents.agreementTerminated(partner, "agr-2-" + partner, 2, "ACTIVE", end);
        PartnerEvents.send(terminated, 4L);
        fixture.awaitApplied(PartnerEventsListener.CONSUMER, terminated);

        assertThat(probe.rated(msisdn, "VOICE", end.minus(MICRO), "60", UnitOfMeasure.S).basis().agreements())
                .extracting(AgreementRef::version).containsExactly(2);
        assertThat(probe.rate(msisdn, "VOICE", end, "60", UnitOfMeasure.S)).isInstanceOfSatisfying(
                SuspendedUsage.class, none -> assertThat(none.reason()).isEqualTo(SuspenseReason.NO_AGREEMENT));
    }

    @Test
    void anExpiredAgreementEndsAtItsInstant() {
        Instant end = T0.plus(Duration.ofDays(9));
        var expired = PartnerEvents.agreementExpired(partner, "agr-2-" + partner, 2, end);
        PartnerEvents.send(expired, 4L);
        fixture.awaitApplied(PartnerEventsListener.CONSUMER, expired);

        assertThat(probe.rated(msisdn, "VOICE", end.minus(MICRO), "60", UnitOfMeasure.S)).isNotNull();
        assertThat(probe.rate(msisdn, "VOICE", end, "60", UnitOfMeasure.S)).isInstanceOfSatisfying(
                SuspendedUsage.class, none -> assertThat(none.reason()).isEqualTo(SuspenseReason.NO_AGREEMENT));
    }
}
