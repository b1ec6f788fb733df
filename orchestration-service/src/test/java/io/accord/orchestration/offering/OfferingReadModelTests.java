package io.accord.orchestration.offering;

import io.accord.contracts.events.OfferingLaunched;
import io.accord.contracts.events.OfferingPrice;
import io.accord.testsupport.PartnerEvents;
import io.accord.testsupport.AccordServiceTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Catalog events on the real topic keep the offering read model, once each and in each offering's order. */
@AccordServiceTest
class OfferingReadModelTests {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Instant PAST = Instant.parse("2026-01-01T00:00:00Z");

    private final SellableOfferings offerings;

    OfferingReadModelTests(SellableOfferings offerings) {
        this.offerings = offerings;
    }

    @Test
    void keepsALaunchedOfferingWithItsSpecificationAndPriceVersions() {
        String id = UUID.randomUUID().toString();
        Instant change = Instant.now().plus(10, ChronoUnit.DAYS);
        OfferingPrice old = CatalogEvents.price("monthly", 1, "RECURRING", "20.00", PAST, change);
        OfferingPrice announced = CatalogEvents.price("monthly", 2, "RECURRING", "25.00", change, null);
        CatalogEvents.send(CatalogEvents.launched(id, null, "SIM only 20",
                List.of(CatalogEvents.number("dataVolumeGb", "1", "100", true)), List.of(old, announced)), 1L);

        await().atMost(PATIENCE).until(() -> offerings.find(id).isPresent());
        SellableOfferings.Offering offering = offerings.find(id).orElseThrow();
        assertThat(offering.name()).isEqualTo("SIM only 20");
        assertThat(offering.specification().characteristics()).extracting(OfferingLaunched.Characteristic::name)
                .containsExactly("dataVolumeGb");
        assertThat(offering.specification().resourceTypes()).containsExactly("MSISDN");
        assertThat(offerings.sellability(id, Instant.now()).sellable()).isTrue();
        assertThat(offerings.pricesInForce(id, Instant.now())).extracting(OfferingPrice::amount)
                .containsExactly("20.00");
        assertThat(offerings.pricesInForce(id, change.plusSeconds(1))).extracting(OfferingPrice::amount)
                .containsExactly("25.00");
    }

    @Test
    void aPriceChangeAddsAVersionAndClosesTheOneItReplaces() {
        String id = UUID.randomUUID().toString();
        OfferingPrice first = CatalogEvents.price("setup", 1, "ONE_TIME", "9.99", PAST, null);
        CatalogEvents.send(CatalogEvents.launched(id, null, "Setup", List.of(), List.of(first)), 1L);
        Instant from = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MICROS);
        OfferingPrice second = CatalogEvents.price("setup", 2, "ONE_TIME", "4.99", from, null);
        CatalogEvents.send(CatalogEvents.priceChanged(id, second, first.priceVersionId()), 2L);

        await().atMost(PATIENCE).until(() -> offerings.priceVersions(id).size() == 2);
        assertThat(offerings.priceVersions(id).getFirst().validTo()).isEqualTo(from);
        assertThat(offerings.pricesInForce(id, Instant.now())).extracting(OfferingPrice::amount)
                .containsExactly("9.99");
        assertThat(offerings.pricesInForce(id, from)).extracting(OfferingPrice::amount).containsExactly("4.99");
    }

    @Test
    void aNewerLaunchReplacesTheDefinitionAndDropsVersionsItNoLongerCarries() {
        String id = UUID.randomUUID().toString();
        OfferingPrice kept = CatalogEvents.price("monthly", 1, "RECURRING", "10", PAST, null);
        OfferingPrice superseded = CatalogEvents.price("monthly", 2, "RECURRING", "12",
                Instant.now().plus(5, ChronoUnit.DAYS), null);
        CatalogEvents.send(CatalogEvents.launched(id, null, "Version one", List.of(), List.of(kept, superseded)), 1L);
        CatalogEvents.send(CatalogEvents.launched(id, null, "Version two", List.of(), List.of(kept)), 2L);

        await().atMost(PATIENCE).until(() -> offerings.find(id).map(o -> o.name().equals("Version two"))
                .orElse(false));
        assertThat(offerings.priceVersions(id)).extracting(OfferingPrice::amount).containsExactly("10");
    }

    @Test
    void aRetiredOfferingIsKnownButNotSellableAndAStaleEventChangesNothing() {
        String id = UUID.randomUUID().toString();
        OfferingPrice price = CatalogEvents.price("monthly", 1, "RECURRING", "10", PAST, null);
        CatalogEvents.send(CatalogEvents.launched(id, null, "Retiring", List.of(), List.of(price)), 1L);
        CatalogEvents.send(CatalogEvents.retired(id, "owner retired it"), 3L);
        // delivered late: older than the retirement, so it must not bring anything back
        CatalogEvents.send(CatalogEvents.priceChanged(id,
                CatalogEvents.price("monthly", 2, "RECURRING", "1", PAST.plusSeconds(60), null),
                price.priceVersionId()), 2L);
        String marker = UUID.randomUUID().toString();
        CatalogEvents.send(CatalogEvents.launched(marker, null, "Marker", List.of(), List.of()), 1L);

        await().atMost(PATIENCE).until(() -> offerings.find(marker).isPresent());
        await().atMost(PATIENCE).until(() -> offerings.find(id).map(o -> o.retiredAt() != null).orElse(false));
        assertThat(offerings.sellability(id, Instant.now()).reason()).contains("retired (owner retired it)");
        assertThat(offerings.priceVersions(id)).extracting(OfferingPrice::amount).containsExactly("10");
    }

    @Test
    void anEventDeliveredTwiceAppliesOnceAndALaunchOvertakenByARetirementStillDefinesTheOffering() {
        String id = UUID.randomUUID().toString();
        CatalogEvents.send(CatalogEvents.retired(id, "partner TERMINATED"), 2L);
        var launch = CatalogEvents.launched(id, null, "Overtaken", List.of(),
                List.of(CatalogEvents.price("monthly", 1, "RECURRING", "5", PAST, null)));
        CatalogEvents.send(launch, 1L);
        CatalogEvents.send(launch, 1L);

        await().atMost(PATIENCE).until(() -> offerings.find(id).isPresent());
        assertThat(offerings.find(id).orElseThrow().retiredAt()).isNotNull();
        assertThat(offerings.sellability(id, Instant.now()).sellable()).isFalse();
        assertThat(offerings.priceVersions(id)).hasSize(1);
    }

    @Test
    void aSuspendedOwnersOfferingIsNotSellable() {
        String partner = UUID.randomUUID().toString();
        PartnerEvents.activated(partner, "Suspended Reseller SA");
        String id = UUID.randomUUID().toString();
        CatalogEvents.send(CatalogEvents.launched(id, partner, "Partner offer", List.of(),
                List.of(CatalogEvents.price("monthly", 1, "RECURRING", "5", PAST, null))), 1L);
        await().atMost(PATIENCE).until(() -> offerings.find(id).isPresent()
                && offerings.sellability(id, Instant.now()).sellable());

        PartnerEvents.statusChanged(partner, "ACTIVE", "SUSPENDED");

        await().atMost(PATIENCE).until(() -> !offerings.sellability(id, Instant.now()).sellable());
        assertThat(offerings.sellability(id, Instant.now()).reason()).contains("is SUSPENDED");
    }
}
