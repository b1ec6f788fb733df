package io.accord.rating.model;

import io.accord.contracts.Topics;
import io.accord.contracts.catalog.UnitOfMeasure;
import io.accord.contracts.events.AgreementActivated;
import io.accord.contracts.events.AgreementSuperseded;
import io.accord.contracts.events.AgreementTerminated;
import io.accord.contracts.events.OfferingLaunched;
import io.accord.contracts.events.OfferingPrice;
import io.accord.contracts.events.OfferingPriceChanged;
import io.accord.contracts.events.ProductActivated;
import io.accord.contracts.events.ProductModified;
import io.accord.contracts.events.ProductTerminated;
import io.accord.rating.RatingProbe;
import io.accord.rating.engine.RatedUsage;
import io.accord.rating.engine.RatingBasis.AgreementRef;
import io.accord.rating.engine.SuspendedUsage;
import io.accord.rating.engine.SuspenseReason;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.OrderEvents;
import io.accord.testsupport.PartnerEvents;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.accord.rating.model.ModelFixture.MICRO;
import static io.accord.rating.model.ModelFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;

/** Events that arrive out of order or twice leave the model as the events in order, once each, would. */
@AccordServiceTest
class OrderSafetyTests {

    private final RatingProbe probe;
    private final ModelFixture fixture;
    private final ModelStore store;
    private final String msisdn = "+4916" + (System.nanoTime() % 1_000_000_000L);

    OrderSafetyTests(RatingProbe probe, JdbcClient jdbc, RatingModel model, ModelStore store) {
        this.probe = probe;
        this.fixture = new ModelFixture(jdbc, model);
        this.store = store;
    }

    /** A CSP-owned offering (no agreement needed) with a flat per-second voice price from T0. */
    private String cspOffering() {
        String offering = "offer-" + UUID.randomUUID();
        OfferingLaunched launched = CatalogFeed.launch(offering, null,
                List.of(CatalogFeed.usage("voice", 1, "S", "0.01", List.of("VOICE"), T0, null)));
        fixture.awaitApplied(CatalogEventsListener.CONSUMER, launched);
        return offering;
    }

    private OrderEvents.Product product(String id, String offering) {
        return OrderEvents.product(id, offering).identifier("MSISDN", msisdn);
    }

    @Test
    void productEventsArrivingOutOfOrderLeaveTheNewestState() {
        String offering = cspOffering();
        String id = "pi-" + UUID.randomUUID();
        Instant end = T0.plus(Duration.ofDays(4));
        ProductActivated activated = product(id, offering).valid(T0, null).activated();
        ProductModified suspended = product(id, offering).status("SUSPENDED").valid(T0, null).modified("status");
        ProductTerminated terminated = product(id, offering).status("TERMINATED").valid(T0, end).terminated();

        OrderEvents.send(terminated, 3L);
        OrderEvents.send(activated, 1L);
        OrderEvents.send(suspended, 2L);
        fixture.awaitApplied(OrderEventsListener.CONSUMER, terminated, activated, suspended);

        assertThat(probe.rated(msisdn, "VOICE", end.minus(MICRO), "1", UnitOfMeasure.S).basis().productInstanceId())
                .isEqualTo(id);
        assertThat(probe.rate(msisdn, "VOICE", end, "1", UnitOfMeasure.S)).isInstanceOfSatisfying(
                SuspendedUsage.class, gone -> assertThat(gone.reason()).isEqualTo(SuspenseReason.NO_PRODUCT_INSTANCE));
    }

    @Test
    void aRedeliveredEventTakesEffectOnce() {
        String offering = cspOffering();
        String id = "pi-" + UUID.randomUUID();
        Instant end = T0.plus(Duration.ofDays(2));
        // without sequences, only the inbox keeps the redelivered activation from reopening the product
        ProductActivated activated = product(id, offering).valid(T0, null).activated();
        ProductTerminated terminated = product(id, offering).status("TERMINATED").valid(T0, end).terminated();
        OrderEvents.send(activated, null);
        OrderEvents.send(terminated, null);
        fixture.awaitApplied(OrderEventsListener.CONSUMER, activated, terminated);
        long revision = store.revision();

        OrderEvents.send(activated, null);
        fixture.awaitMarker(Topics.ORDER_EVENTS, OrderEventsListener.CONSUMER, id);

        assertThat(store.revision()).isEqualTo(revision);
        assertThat(probe.rate(msisdn, "VOICE", end.plus(Duration.ofDays(1)), "1", UnitOfMeasure.S))
                .isInstanceOfSatisfying(SuspendedUsage.class,
                        gone -> assertThat(gone.reason()).isEqualTo(SuspenseReason.NO_PRODUCT_INSTANCE));
    }

    @Test
    void aPriceChangeBeforeTheLaunchStillEndsTheVersionItReplaces() {
        String offering = "offer-" + UUID.randomUUID();
        Instant change = T0.plus(Duration.ofDays(3));
        OfferingPrice first = CatalogFeed.usage("voice", 1, "S", "0.01", List.of("VOICE"), T0, null);
        OfferingPrice second = CatalogFeed.usage("voice", 2, "S", "0.03", List.of("VOICE"), change, null);
        OfferingPriceChanged changed = CatalogFeed.priceChanged(offering, null, second, first.priceVersionId());
        OfferingLaunched launched = CatalogFeed.launch(offering, null, List.of(first));
        CatalogFeed.send(changed, 2L);
        ProductActivated activated = product("pi-" + UUID.randomUUID(), offering).valid(T0, null).activated();
        OrderEvents.send(activated, 1L);
        fixture.awaitApplied(CatalogEventsListener.CONSUMER, changed, launched);
        fixture.awaitApplied(OrderEventsListener.CONSUMER, activated);

        assertThat(probe.rated(msisdn, "VOICE", change.minus(MICRO), "60", UnitOfMeasure.S).basis().priceVersion())
                .isEqualTo(1);
        assertThat(probe.rated(msisdn, "VOICE", change, "60", UnitOfMeasure.S).basis().priceVersion())
                .isEqualTo(2);
    }

    @Test
    void anAnnouncedVersionSupersededBeforeItStartsNeverRates() {
        String offering = "offer-" + UUID.randomUUID();
        OfferingPrice first = CatalogFeed.usage("voice", 1, "S", "0.01", List.of("VOICE"), T0, null);
        OfferingPrice announced = CatalogFeed.usage("voice", 2, "S", "0.05", List.of("VOICE"),
                T0.plus(Duration.ofDays(8)), null);
        OfferingPrice correction = CatalogFeed.usage("voice", 3, "S", "0.02", List.of("VOICE"),
                T0.plus(Duration.ofDays(6)), null);
        OfferingLaunched launched = CatalogFeed.launch(offering, null, List.of(first, announced));
        OfferingPriceChanged changed = CatalogFeed.priceChanged(offering, null, correction, first.priceVersionId());
        CatalogFeed.send(changed, 2L);
        ProductActivated activated = product("pi-" + UUID.randomUUID(), offering).valid(T0, null).activated();
        OrderEvents.send(activated, 1L);
        fixture.awaitApplied(CatalogEventsListener.CONSUMER, launched, changed);
        fixture.awaitApplied(OrderEventsListener.CONSUMER, activated);

        RatedUsage later = probe.rated(msisdn, "VOICE", T0.plus(Duration.ofDays(9)), "60", UnitOfMeasure.S);
        assertThat(later.basis().priceVersion()).isEqualTo(3);
        assertThat(later.charge().amount()).isEqualByComparingTo("1.20");
    }

    @Test
    void anAgreementsEndArrivingBeforeItsActivationIsKept() {
        String partner = UUID.randomUUID().toString();
        String offering = "offer-" + UUID.randomUUID();
        OfferingLaunched launched = CatalogFeed.launch(offering, partner,
                List.of(CatalogFeed.usage("voice", 1, "S", "0.01", List.of("VOICE"), T0, null)));
        Instant change = T0.plus(Duration.ofDays(2));
        AgreementActivated v1 = PartnerEvents.agreementActivated(partner, "agr-a-" + partner, 1, "SELL_THROUGH",
                T0, null, null, List.of("*/*=50"), List.of());
        AgreementSuperseded superseded = PartnerEvents.agreementSuperseded(partner, v1.agreementId(), 1,
                "agr-b-" + partner, change);
        AgreementActivated v2 = PartnerEvents.agreementActivated(partner, "agr-b-" + partner, 2, "SELL_THROUGH",
                change, null, null, List.of("*/*=60"), List.of());
        // a third version approved but terminated before it came into force never rates
        AgreementTerminated neverInForce = PartnerEvents.agreementTerminated(partner, "agr-c-" + partner, 3,
                "APPROVED", null);
        AgreementActivated v3 = PartnerEvents.agreementActivated(partner, "agr-c-" + partner, 3, "SELL_THROUGH",
                T0.plus(Duration.ofDays(4)), null, null, List.of("*/*=90"), List.of());
        PartnerEvents.send(superseded, 3L);
        PartnerEvents.send(neverInForce, 5L);
        PartnerEvents.send(v2, 2L);
        PartnerEvents.send(v1, 1L);
        PartnerEvents.send(v3, 4L);
        ProductActivated activated = product("pi-" + UUID.randomUUID(), offering).ownedBy(partner)
                .valid(T0, null).activated();
        OrderEvents.send(activated, 1L);
        fixture.awaitApplied(CatalogEventsListener.CONSUMER, launched);
        fixture.awaitApplied(PartnerEventsListener.CONSUMER, superseded, neverInForce, v2, v1, v3);
        fixture.awaitApplied(OrderEventsListener.CONSUMER, activated);

        assertThat(probe.rated(msisdn, "VOICE", change.minus(MICRO), "60", UnitOfMeasure.S).basis().agreements())
                .extracting(AgreementRef::version).containsExactly(1);
        assertThat(probe.rated(msisdn, "VOICE", change, "60", UnitOfMeasure.S).basis().agreements())
                .extracting(AgreementRef::version).containsExactly(2);
        assertThat(probe.rated(msisdn, "VOICE", T0.plus(Duration.ofDays(5)), "60", UnitOfMeasure.S).basis()
                .agreements()).extracting(AgreementRef::version).containsExactly(2);
    }
}
