package io.accord.rating.model;

import io.accord.contracts.catalog.UnitOfMeasure;
import io.accord.contracts.events.AgreementActivated;
import io.accord.contracts.events.OfferingPrice;
import io.accord.contracts.events.ProductDetails;
import io.accord.rating.engine.AgreementVersion;
import io.accord.rating.engine.ProductInstance;
import io.accord.rating.engine.UsagePriceVersion;
import io.accord.rating.model.ModelRows.AgreementRow;
import io.accord.rating.model.ModelRows.PriceRow;
import io.accord.rating.model.ModelRows.ProductRow;
import io.accord.rating.model.PriceTimelines.EffectivePrice;
import io.accord.testsupport.OrderEvents;
import io.accord.testsupport.PartnerEvents;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The read models' rows as the engine's records (pure, no Spring). */
class SnapshotMappingTests {

    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    private static final Instant T1 = T0.plus(Duration.ofDays(3));
    private static final Instant T2 = T0.plus(Duration.ofDays(6));

    private static EffectivePrice effective(OfferingPrice price, Instant validTo) {
        return new EffectivePrice(new PriceRow("offer", price), validTo, false);
    }

    @Test
    void aPerMinutePriceKeepsItsSecondIncrementsAndRatesEachOfItsUsageTypes() {
        OfferingPrice price = CatalogFeed.usage("calls", 1, "MIN", "0.60", List.of("VOICE", "VIDEO_CALL"), T0,
                null);
        price = new OfferingPrice(price.priceVersionId(), "calls", 1, "calls", "USAGE", "0.60", "EUR", "STANDARD",
                null, null, "MIN", 60, 1, "1", null, null, "CALENDAR_YEAR", List.of("VOICE", "VIDEO_CALL"), null,
                T0, null);

        List<UsagePriceVersion> versions = SnapshotMapping.prices(effective(price, T1));

        assertThat(versions).extracting(UsagePriceVersion::usageType).containsExactly("VOICE", "VIDEO_CALL");
        UsagePriceVersion voice = versions.getFirst();
        assertThat(voice.priceVersionId()).isEqualTo(price.priceVersionId());
        assertThat(voice.unit()).isEqualTo(UnitOfMeasure.MIN);
        assertThat(voice.incrementUnit()).isEqualTo(UnitOfMeasure.S);
        assertThat(voice.firstIncrement()).isEqualByComparingTo("60");
        assertThat(voice.nextIncrement()).isEqualByComparingTo("1");
        assertThat(voice.minimumQuantity()).isEqualByComparingTo("1");
        assertThat(voice.tierPeriod()).isEqualTo(UsagePriceVersion.TierPeriod.CALENDAR_YEAR);
        assertThat(voice.validTo()).isEqualTo(T1);
    }

    @Test
    void aSupersededOrNeverInForceVersionGivesNothingAndABadOneIsRejected() {
        OfferingPrice price = CatalogFeed.usage("data", 1, "MB", "0.01", List.of("DATA"), T1, null);
        assertThat(SnapshotMapping.prices(new EffectivePrice(new PriceRow("o", price), null, true))).isEmpty();
        assertThat(SnapshotMapping.prices(effective(price, T1))).isEmpty();
        OfferingPrice unknownUnit = CatalogFeed.usage("data", 1, "PB", "0.01", List.of("DATA"), T0, null);
        assertThatThrownBy(() -> SnapshotMapping.prices(effective(unknownUnit, null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PB");
    }

    @Test
    void laterVersionsEndEarlierOnesAndSupersedeAnnouncedOnes() {
        OfferingPrice v1 = CatalogFeed.usage("data", 1, "MB", "0.01", List.of("DATA"), T0, null);
        OfferingPrice v2 = CatalogFeed.usage("data", 2, "MB", "0.02", List.of("DATA"), T2, null);
        OfferingPrice v3 = CatalogFeed.usage("data", 3, "MB", "0.03", List.of("DATA"), T1, null);
        OfferingPrice other = CatalogFeed.usage("sms", 1, "MESSAGE", "0.1", List.of("SMS"), T0, null);

        List<EffectivePrice> timeline = PriceTimelines.effective(List.of(new PriceRow("o", v2),
                new PriceRow("o", other), new PriceRow("o", v1), new PriceRow("o", v3)));

        assertThat(timeline).extracting(p -> p.row().price().version(), EffectivePrice::validTo,
                EffectivePrice::superseded).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2, null, true),
                org.assertj.core.groups.Tuple.tuple(1, null, false),
                org.assertj.core.groups.Tuple.tuple(1, T1, false),
                org.assertj.core.groups.Tuple.tuple(3, null, false));
    }

    @Test
    void anAgreementEndsAtTheEarliestOfItsValidityAndAnyEnd() {
        AgreementActivated activated = PartnerEvents.agreementActivated("p", "agr", 1, "RESELL", T0, T2, null,
                List.of(), List.of("MIN=0.03"));
        AgreementVersion until = SnapshotMapping.agreement(new AgreementRow("agr", "p", 1, activated, null, null,
                false)).orElseThrow();
        assertThat(until.validTo()).isEqualTo(T2);
        assertThat(SnapshotMapping.agreement(new AgreementRow("agr", "p", 1, activated, T1, "TERMINATED", false))
                .orElseThrow().validTo()).isEqualTo(T1);
        assertThat(SnapshotMapping.agreement(new AgreementRow("agr", "p", 1, activated, T0, "TERMINATED", false)))
                .isEmpty();
        assertThat(SnapshotMapping.agreement(new AgreementRow("agr", "p", 1, activated, null, null, true)))
                .isEmpty();
        assertThat(SnapshotMapping.agreement(new AgreementRow("agr", "p", 1, null, T1, "EXPIRED", false)))
                .isEmpty();
    }

    @Test
    void aProductIsKeyedByItsMsisdnAndFoundByEveryIdentifier() {
        ProductDetails product = OrderEvents.product("pi", "offer").identifier("ICCID", "8949")
                .identifier("ACCOUNT_ID", "acct").identifier("MSISDN", "+4917").identifier("IMSI", " ")
                .participant("p1", "30").valid(T0, null).build();
        assertThat(SnapshotMapping.canonicalSubscriber(product)).isEqualTo("+4917");

        ProductInstance instance = SnapshotMapping.product(new ProductRow(product, "+4917", T0, null, 1L))
                .orElseThrow();
        assertThat(instance.subscriberId()).isEqualTo("+4917");
        assertThat(instance.identifiers()).containsExactly("+4917", "8949", "acct");
        assertThat(instance.participants()).singleElement()
                .satisfies(p -> assertThat(p.sharePercent()).isEqualByComparingTo("30"));
    }

    @Test
    void productsShareOneCopyOfTheIdsTheyHaveInCommon() {
        ProductInstance first = mapped("pi-1", "+4917001");
        ProductInstance second = mapped("pi-2", "+4917002");

        assertThat(second.offeringId()).isEqualTo(first.offeringId()).isSameAs(first.offeringId());
        assertThat(second.ownerPartnerId()).isSameAs(first.ownerPartnerId());
        assertThat(second.categoryCode()).isSameAs(first.categoryCode());
        assertThat(second.buyerPartnerId()).isSameAs(first.buyerPartnerId());
        assertThat(second.participants().getFirst().partnerId())
                .isSameAs(first.participants().getFirst().partnerId());
        assertThat(second.instanceId()).isNotEqualTo(first.instanceId());
    }

    /** A product whose shared values are strings of their own, as each one parsed from its JSON is. */
    private static ProductInstance mapped(String id, String msisdn) {
        ProductDetails product = OrderEvents.product(id, new String("offer-shared".toCharArray()))
                .ownedBy(new String("owner-1".toCharArray())).category(new String("MOBILE".toCharArray()))
                .boughtBy(new String("buyer-1".toCharArray()))
                .participant(new String("p-1".toCharArray()), "30").identifier("MSISDN", msisdn)
                .valid(T0, null).build();
        return SnapshotMapping.product(new ProductRow(product, msisdn, T0, null, 1L)).orElseThrow();
    }

    @Test
    void withoutMsisdnTheFirstIdentifierIsCanonicalAndWithoutAnyTheProductCannotRate() {
        ProductDetails byIccid = OrderEvents.product("pi", "offer").identifier("ICCID", "8949")
                .identifier("ACCOUNT_ID", "acct").valid(T0, null).build();
        assertThat(SnapshotMapping.canonicalSubscriber(byIccid)).isEqualTo("8949");
        ProductDetails none = OrderEvents.product("pi", "offer").valid(T0, null).build();
        assertThat(SnapshotMapping.canonicalSubscriber(none)).isNull();
        assertThat(SnapshotMapping.product(new ProductRow(none, null, T0, null, 1L))).isEmpty();
    }

    @Test
    void onlyStartedNotCancelledProductsWithSomeValidityRate() {
        ProductDetails cancelled = OrderEvents.product("pi", "offer").identifier("MSISDN", "+49").status("CANCELLED")
                .build();
        assertThat(SnapshotMapping.product(new ProductRow(cancelled, "+49", T0, null, 1L))).isEmpty();
        ProductDetails created = OrderEvents.product("pi", "offer").identifier("MSISDN", "+49").status("CREATED")
                .build();
        assertThat(SnapshotMapping.product(new ProductRow(created, "+49", null, null, 1L))).isEmpty();
        ProductDetails ended = OrderEvents.product("pi", "offer").identifier("MSISDN", "+49").build();
        assertThat(SnapshotMapping.product(new ProductRow(ended, "+49", T1, T1, 1L))).isEmpty();
        ProductDetails suspended = OrderEvents.product("pi", "offer").identifier("MSISDN", "+49")
                .status("SUSPENDED").build();
        assertThat(SnapshotMapping.product(new ProductRow(suspended, "+49", T0, null, 2L))).isPresent();
    }
}
