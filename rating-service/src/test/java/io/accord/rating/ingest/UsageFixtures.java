package io.accord.rating.ingest;

import io.accord.contracts.Topics;
import io.accord.contracts.catalog.UnitOfMeasure;
import io.accord.contracts.events.AgreementActivated;
import io.accord.contracts.events.OfferingLaunched;
import io.accord.contracts.events.OfferingPrice;
import io.accord.contracts.events.ProductActivated;
import io.accord.contracts.events.ProductDetails;
import io.accord.contracts.usage.UsageReported;
import io.accord.rating.engine.RatedUsage;
import io.accord.rating.engine.RatingEngine;
import io.accord.rating.engine.TierAccumulators;
import io.accord.rating.engine.UsageRecord;
import io.accord.rating.model.RatingModel;
import io.accord.testsupport.TestKafka;
import io.accord.testsupport.TestInfrastructure;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/**
 * Puts products, prices and agreements into rating's read models the way production does (events on
 * catalog/order/partner topics), and usage on the raw topic. Every test uses its own ids, so tests share the one
 * context and the one broker without seeing each other's usage.
 */
final class UsageFixtures {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Instant LONG_AGO = Instant.parse("2020-01-01T00:00:00Z");

    private UsageFixtures() {
    }

    /** A unique suffix for a test's ids. */
    static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** A launched offering with a flat VOICE price per second, 60/1, at {@code rate} EUR; owned by a partner or not. */
    static void launchVoiceOffering(String offeringId, String ownerPartnerId, String rate) {
        launchVoiceOffering(offeringId, ownerPartnerId, rate, null);
    }

    /** The same with the price's tax category ({@code null}: none). */
    static void launchVoiceOffering(String offeringId, String ownerPartnerId, String rate, String taxCategory) {
        OfferingPrice price = new OfferingPrice(offeringId + "-voice-v1", offeringId + "-voice", 1, "Voice", "USAGE",
                rate, "EUR", taxCategory, null, null, "S", 60, 1, null, "FLAT", null, null, List.of("VOICE"), null,
                LONG_AGO, null);
        OfferingLaunched launched = new OfferingLaunched(UUID.randomUUID(), Instant.now(), offeringId, 1,
                ownerPartnerId, offeringId, "Offering " + offeringId, null, "VOICE_SERVICES", List.of(), LONG_AGO,
                null, false, null, List.of(), null, List.of(), List.of(price));
        send(Topics.CATALOG_EVENTS, offeringId, "OfferingLaunched", ownerPartnerId, launched);
    }

    /** A partner's SELL_THROUGH agreement: {@code sharePercent} of every charge is payable to it. */
    static void sellThroughAgreement(String partnerId, String sharePercent) {
        AgreementActivated.Terms terms = new AgreementActivated.Terms("EUR",
                List.of(new AgreementActivated.RevenueShare(null, null, sharePercent, List.of())), List.of(), "0",
                "MONTHLY", 30, new AgreementActivated.TaxTreatment("19", false),
                new AgreementActivated.ReconciliationTolerance("1.00", "1"), 30, null);
        AgreementActivated activated = new AgreementActivated(UUID.randomUUID(), Instant.now(), partnerId,
                "agr-" + partnerId, 1, "SELL_THROUGH", LONG_AGO, null, null, terms);
        send(Topics.PARTNER_EVENTS, partnerId, "AgreementActivated", partnerId, activated);
    }

    /**
     * The partner's own VOICE offering {@code off-<id>} (0.01 per minute, SELL_THROUGH with a 30 % share) and the
     * subscriber's product {@code prod-<id>} of it: usage the partner reports is rated only on products it takes part
     * in.
     */
    static void partnerProduct(String id, String partnerId, String subscriber) {
        sellThroughAgreement(partnerId, "30");
        launchVoiceOffering("off-" + id, partnerId, "0.01");
        activate("prod-" + id, subscriber, "off-" + id, partnerId);
    }

    /** An active product instance of the subscriber (MSISDN) on the offering since long ago. */
    static void activate(String productId, String subscriber, String offeringId, String ownerPartnerId) {
        ProductDetails product = new ProductDetails(productId, "order-" + productId, offeringId, 1, "Offering",
                ownerPartnerId, "VOICE_SERVICES", null, null, "web", "customer-" + productId,
                List.of(new ProductDetails.SubscriberIdentifier("MSISDN", subscriber)), Map.of(), List.of(),
                List.of(offeringId + "-voice"), List.of(), "ACTIVE", LONG_AGO, null);
        ProductActivated activated = new ProductActivated(UUID.randomUUID(), Instant.now(), ownerPartnerId,
                LONG_AGO, product);
        send(Topics.ORDER_EVENTS, productId, "ProductActivated", ownerPartnerId, activated);
    }

    /** The same, bought by a partner for its own customer ({@code buyerPartnerId}). */
    static void activate(String productId, String subscriber, String offeringId, String ownerPartnerId,
                         String buyerPartnerId) {
        ProductDetails product = new ProductDetails(productId, "order-" + productId, offeringId, 1, "Offering",
                ownerPartnerId, "VOICE_SERVICES", null, buyerPartnerId, "partner", "customer-" + productId,
                List.of(new ProductDetails.SubscriberIdentifier("MSISDN", subscriber)), Map.of(), List.of(),
                List.of(offeringId + "-voice"), List.of(), "ACTIVE", LONG_AGO, null);
        ProductActivated activated = new ProductActivated(UUID.randomUUID(), Instant.now(), buyerPartnerId,
                LONG_AGO, product);
        send(Topics.ORDER_EVENTS, productId, "ProductActivated", buyerPartnerId, activated);
    }

    /**
     * An active product instance of a co-created offering, the CSP's own subscriber's: each participant (partner id,
     * share percent) is paid its share of every charge, the CSP keeps the rest.
     */
    static void activateCoCreated(String productId, String subscriber, String offeringId,
                                  List<OfferingLaunched.Participant> participants) {
        ProductDetails product = new ProductDetails(productId, "order-" + productId, offeringId, 1, "Offering",
                null, "VOICE_SERVICES", null, null, "web", "customer-" + productId,
                List.of(new ProductDetails.SubscriberIdentifier("MSISDN", subscriber)), Map.of(), participants,
                List.of(offeringId + "-voice"), List.of(), "ACTIVE", LONG_AGO, null);
        ProductActivated activated = new ProductActivated(UUID.randomUUID(), Instant.now(), null, LONG_AGO, product);
        send(Topics.ORDER_EVENTS, productId, "ProductActivated", null, activated);
    }

    /** Waits until the read models rate a VOICE record of each subscriber. */
    static void awaitRatable(RatingModel model, String... subscribers) {
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            model.awaitCurrent(Duration.ofSeconds(1));
            RatingEngine engine = new RatingEngine(model.snapshot(), Clock.systemUTC(), Duration.ofDays(45));
            for (String subscriber : subscribers) {
                UsageRecord probe = new UsageRecord("probe", "probe", "VOICE", subscriber, OffsetDateTime.now(),
                        BigDecimal.ONE, UnitOfMeasure.S, null, null, Map.of());
                if (!(engine.rate(probe, new TierAccumulators()) instanceof RatedUsage)) {
                    return false;
                }
            }
            return true;
        });
    }

    /** A raw usage record: a call of {@code seconds} seconds, an hour ago, in Paris time. */
    static UsageReported call(String source, String usageId, String subscriber, int seconds) {
        return new UsageReported(usageId, source, "VOICE", subscriber,
                OffsetDateTime.now(ZoneOffset.ofHours(1)).minusHours(1).withNano(0), Integer.toString(seconds), "S",
                Map.of("destinationZone", "EU"), null, null);
    }

    static void sendUsage(UsageReported usage) {
        sendRaw(usage.subscriberId(), JSON.writeValueAsBytes(usage));
    }

    /** Many records through one producer, in order (each subscriber's on its partition). */
    static void sendAll(List<UsageReported> usage) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrap(),
                ProducerConfig.LINGER_MS_CONFIG, 5), new StringSerializer(), new ByteArraySerializer())) {
            for (UsageReported record : usage) {
                producer.send(new ProducerRecord<>(Topics.USAGE_RAW, record.subscriberId(),
                        JSON.writeValueAsBytes(record)));
            }
            producer.flush();
        }
    }

    static void sendRaw(String key, byte[] value) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.USAGE_RAW, key, value);
        record.headers().add("ce_type", UsageReported.TYPE.getBytes());
        TestKafka.send(record);
    }

    private static void send(String topic, String key, String type, String subject, Object event) {
        TestKafka.send(TestKafka.cloudEvent(topic, key, type, UUID.randomUUID().toString(),
                subject == null ? "csp" : subject, JSON.writeValueAsString(event)));
    }
}
