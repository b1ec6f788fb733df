package io.accord.rating.ingest;

import io.accord.contracts.Topics;
import io.accord.contracts.events.AgreementActivated;
import io.accord.contracts.events.OfferingLaunched;
import io.accord.contracts.events.OfferingPrice;
import io.accord.contracts.events.OfferingPriceChanged;
import io.accord.contracts.events.ProductActivated;
import io.accord.contracts.events.ProductDetails;
import io.accord.testsupport.TestKafka;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.accord.rating.ingest.UsageFixtures.JSON;
import static io.accord.rating.ingest.UsageFixtures.LONG_AGO;

/** Read-model events and usage for the re-rating and export tests (price corrections, agreement changes, tiers). */
final class RerateFixtures {

    private RerateFixtures() {
    }

    /** Version {@code version} of the offering's flat VOICE price (60/1), in force from {@code validFrom}. */
    static void changeVoicePrice(String offeringId, String ownerPartnerId, int version, String rate,
                                 Instant validFrom) {
        changeVoicePrice(offeringId, ownerPartnerId, version, rate, validFrom, null);
    }

    /** The same with the new version's tax category ({@code null}: none). */
    static void changeVoicePrice(String offeringId, String ownerPartnerId, int version, String rate,
                                 Instant validFrom, String taxCategory) {
        OfferingPrice price = new OfferingPrice(offeringId + "-voice-v" + version, offeringId + "-voice", version,
                "Voice", "USAGE", rate, "EUR", taxCategory, null, null, "S", 60, 1, null, "FLAT", null, null,
                List.of("VOICE"), null, validFrom, null);
        OfferingPriceChanged changed = new OfferingPriceChanged(UUID.randomUUID(), Instant.now(), offeringId,
                ownerPartnerId, price, offeringId + "-voice-v" + (version - 1));
        send(Topics.CATALOG_EVENTS, offeringId, "OfferingPriceChanged", ownerPartnerId, changed);
    }

    /**
     * An offering owned by the partner with a VOLUME-tiered VOICE price per second (no increments): up to 100 s in
     * the month at {@code firstRate}, every second of a month beyond 100 s at {@code secondRate}.
     */
    static void launchVolumeOffering(String offeringId, String ownerPartnerId, String firstRate,
                                     String secondRate) {
        OfferingPrice price = new OfferingPrice(offeringId + "-voice-v1", offeringId + "-voice", 1, "Voice", "USAGE",
                null, "EUR", null, null, null, "S", null, null, null, "VOLUME",
                List.of(new OfferingPrice.Tier("0", "100", firstRate), new OfferingPrice.Tier("100", null,
                        secondRate)), "CALENDAR_MONTH", List.of("VOICE"), null, LONG_AGO, null);
        OfferingLaunched launched = new OfferingLaunched(UUID.randomUUID(), Instant.now(), offeringId, 1,
                ownerPartnerId, offeringId, "Offering " + offeringId, null, "VOICE_SERVICES", List.of(), LONG_AGO,
                null, false, null, List.of(), null, List.of(), List.of(price));
        send(Topics.CATALOG_EVENTS, offeringId, "OfferingLaunched", ownerPartnerId, launched);
    }

    /** A second SELL_THROUGH agreement version of the partner, in force (for all usage) from just after the first. */
    static void sellThroughAgreementVersion2(String partnerId, String sharePercent) {
        AgreementActivated.Terms terms = new AgreementActivated.Terms("EUR",
                List.of(new AgreementActivated.RevenueShare(null, null, sharePercent, List.of())), List.of(), "0",
                "MONTHLY", 30, new AgreementActivated.TaxTreatment("19", false),
                new AgreementActivated.ReconciliationTolerance("1.00", "1"), 30, null);
        AgreementActivated activated = new AgreementActivated(UUID.randomUUID(), Instant.now(), partnerId,
                "agr2-" + partnerId, 2, "SELL_THROUGH", LONG_AGO.plusSeconds(1), null, "agr-" + partnerId, terms);
        send(Topics.PARTNER_EVENTS, partnerId, "AgreementActivated", partnerId, activated);
    }

    /**
     * An active product instance of the partner's offering known by every identifier given (type, value, type,
     * value, ...); sent again with other identifiers, it replaces the instance's (the read models keep the newest).
     */
    static void activateWithIdentifiers(String productId, String offeringId, String ownerPartnerId,
                                        String... typesAndValues) {
        List<ProductDetails.SubscriberIdentifier> identifiers = new java.util.ArrayList<>();
        for (int i = 0; i < typesAndValues.length; i += 2) {
            identifiers.add(new ProductDetails.SubscriberIdentifier(typesAndValues[i], typesAndValues[i + 1]));
        }
        ProductDetails product = new ProductDetails(productId, "order-" + productId, offeringId, 1, "Offering",
                ownerPartnerId, "VOICE_SERVICES", null, null, "web", "customer-" + productId, List.copyOf(identifiers),
                Map.of(), List.of(), List.of(offeringId + "-voice"), List.of(), "ACTIVE", LONG_AGO, null);
        send(Topics.ORDER_EVENTS, productId, "ProductActivated", ownerPartnerId,
                new ProductActivated(UUID.randomUUID(), Instant.now(), ownerPartnerId, LONG_AGO, product));
    }

    /** A TMF635 Usage of {@code seconds} seconds of VOICE at {@code time}. */
    static String usage(String source, String usageId, String subscriber, int seconds, OffsetDateTime time) {
        return """
                {"usageDate": "%s", "usageType": "VOICE",
                 "usageCharacteristic": [
                   {"name": "usageId", "value": "%s"}, {"name": "source", "value": "%s"},
                   {"name": "subscriberId", "value": "%s"},
                   {"name": "quantity", "value": "%d"}, {"name": "unit", "value": "S"}]}""".formatted(time, usageId,
                source, subscriber, seconds);
    }

    private static void send(String topic, String key, String type, String subject, Object event) {
        TestKafka.send(TestKafka.cloudEvent(topic, key, type, UUID.randomUUID().toString(),
                subject == null ? "csp" : subject, JSON.writeValueAsString(event)));
    }
}
