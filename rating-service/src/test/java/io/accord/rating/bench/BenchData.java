package io.accord.rating.bench;

import io.accord.contracts.CloudEventHeaders;
import io.accord.contracts.Topics;
import io.accord.contracts.events.AgreementActivated;
import io.accord.contracts.events.OfferingLaunched;
import io.accord.contracts.events.OfferingPrice;
import io.accord.contracts.events.ProductActivated;
import io.accord.contracts.events.ProductDetails;
import io.accord.testsupport.bench.Deliveries;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * The bench's world, put in the way production does (events on the catalog, partner and order topics), and its raw
 * usage: three offerings (the CSP's own mobile offering with VOICE 60/1, SMS and graduated DATA prices; a partner's
 * video offering sold through, 30 % revenue share; a co-created IoT offering with two participants), every
 * subscriber on the mobile offering, every fourth also on video, every tenth also on IoT. Usage: VOICE, SMS, DATA,
 * CONTENT_VIEW and IOT_MESSAGE records of the last days, subscribers spread over all partitions (keyed by
 * subscriber), 0.5 % exact duplicates, 0.3 % of unknown subscribers (suspense NO_PRODUCT_INSTANCE) and 0.1 %
 * unreadable (suspense INVALID).
 */
final class BenchData {

    static final String MOBILE = "bench-mobile";
    static final String VIDEO = "bench-video";
    static final String IOT = "bench-iot";
    static final String VIDEO_PARTNER = "00000000-0000-4000-8000-00000000b001";
    static final String STUDIO_1 = "00000000-0000-4000-8000-00000000b002";
    static final String STUDIO_2 = "00000000-0000-4000-8000-00000000b003";
    private static final Instant LONG_AGO = Instant.parse("2020-01-01T00:00:00Z");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private final String bootstrap;
    private final String run;
    private final int subscribers;

    BenchData(String bootstrap, String run, int subscribers) {
        this.bootstrap = bootstrap;
        this.run = run;
        this.subscribers = subscribers;
    }

    String subscriber(int i) {
        return "+4915" + run + String.format("%07d", i);
    }

    /** Offerings, agreements and one product instance per subscriber and offering. */
    void seedModel() {
        Deliveries deliveries = new Deliveries();
        try (KafkaProducer<String, byte[]> producer = producer()) {
            send(producer, deliveries, Topics.PARTNER_EVENTS, VIDEO_PARTNER, "AgreementActivated", VIDEO_PARTNER,
                    new AgreementActivated(UUID.randomUUID(), Instant.now(), VIDEO_PARTNER, "agr-bench-video", 1,
                            "SELL_THROUGH", LONG_AGO, null, null, new AgreementActivated.Terms("EUR",
                            List.of(new AgreementActivated.RevenueShare(null, null, "30", List.of())), List.of(), "0",
                            "MONTHLY", 30, new AgreementActivated.TaxTreatment("19", false),
                            new AgreementActivated.ReconciliationTolerance("1.00", "1"), 30, null)));
            offering(producer, deliveries, MOBILE, null, List.of(),
                    flat(MOBILE, "voice", "0.0002", "S", 60, 1, "VOICE"),
                    flat(MOBILE, "sms", "0.05", "MESSAGE", null, null, "SMS"),
                    new OfferingPrice(MOBILE + "-data-v1", MOBILE + "-data", 1, "data", "USAGE", null, "EUR", null,
                            null, null, "MB", null, null, null, "GRADUATED",
                            List.of(new OfferingPrice.Tier("0", "1024", "0.01"),
                                    new OfferingPrice.Tier("1024", null, "0.004")),
                            "CALENDAR_MONTH", List.of("DATA"), null, LONG_AGO, null));
            offering(producer, deliveries, VIDEO, VIDEO_PARTNER, List.of(),
                    flat(VIDEO, "view", "0.99", "EVENT", null, null, "CONTENT_VIEW"));
            offering(producer, deliveries, IOT, null, List.of(new OfferingLaunched.Participant(STUDIO_1, "35"),
                            new OfferingLaunched.Participant(STUDIO_2, "15.5")),
                    flat(IOT, "message", "0.001", "MESSAGE", null, null, "IOT_MESSAGE"));
            for (int i = 0; i < subscribers; i++) {
                product(producer, deliveries, "m-" + run + "-" + i, subscriber(i), MOBILE, null, List.of(),
                        List.of(MOBILE + "-voice", MOBILE + "-sms", MOBILE + "-data"));
                if (i % 4 == 0) {
                    product(producer, deliveries, "v-" + run + "-" + i, subscriber(i), VIDEO, VIDEO_PARTNER, List.of(),
                            List.of(VIDEO + "-view"));
                }
                if (i % 10 == 0) {
                    product(producer, deliveries, "i-" + run + "-" + i, subscriber(i), IOT, null,
                            List.of(new OfferingLaunched.Participant(STUDIO_1, "35"),
                                    new OfferingLaunched.Participant(STUDIO_2, "15.5")),
                            List.of(IOT + "-message"));
                }
            }
            producer.flush();
            deliveries.check("the model's topics", deliveries.failed());
        }
    }

    /** {@code records} raw usage records on {@code topic}; returns the unique (non-duplicate) count. */
    long fillUsage(String topic, long records) {
        SplittableRandom random = new SplittableRandom(42);
        String source = "bench-" + run;
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        long duplicates = 0;
        long lastUnique = -1;
        int lastSubscriber = 0;
        byte[] lastValue = null;
        Deliveries deliveries = new Deliveries();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Deliveries.ordered(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024, ProducerConfig.BUFFER_MEMORY_CONFIG, 64L << 20)),
                new StringSerializer(), new ByteArraySerializer())) {
            for (long n = 0; n < records; n++) {
                int roll = random.nextInt(1000);
                if (roll < 5 && lastValue != null) {
                    producer.send(new ProducerRecord<>(topic, subscriber(lastSubscriber), lastValue), deliveries);
                    duplicates++;
                    continue;
                }
                lastUnique++;
                int i = random.nextInt(subscribers);
                String subscriber = subscriber(i);
                String time = TIME.format(now.minusSeconds(random.nextInt(3 * 86_400) + 60));
                String usageId = "u" + lastUnique;
                String value;
                if (roll < 8) {
                    subscriber = "+4916" + run + "unknown" + i;
                    value = record(usageId, source, "VOICE", subscriber, time, Integer.toString(random.nextInt(600)),
                            "S");
                } else if (roll < 9) {
                    value = record(usageId, source, "VOICE", subscriber, time, "12", "PARSEC");
                } else if (roll < 100 && i % 10 == 0) {
                    value = record(usageId, source, "IOT_MESSAGE", subscriber, time, "1", "MESSAGE");
                } else if (roll < 200 && i % 4 == 0) {
                    value = record(usageId, source, "CONTENT_VIEW", subscriber, time, "1", "EVENT");
                } else if (roll < 550) {
                    value = record(usageId, source, "VOICE", subscriber, time,
                            Integer.toString(1 + random.nextInt(900)), "S");
                } else if (roll < 750) {
                    value = record(usageId, source, "SMS", subscriber, time, "1", "MESSAGE");
                } else {
                    value = record(usageId, source, "DATA", subscriber, time,
                            Integer.toString(1 + random.nextInt(50_000)), "KB");
                }
                lastValue = value.getBytes(StandardCharsets.UTF_8);
                lastSubscriber = i;
                if (subscriber.contains("unknown")) {
                    producer.send(new ProducerRecord<>(topic, subscriber, lastValue), deliveries);
                    lastValue = null;
                } else {
                    producer.send(new ProducerRecord<>(topic, subscriber, lastValue), deliveries);
                }
            }
            producer.flush();
            deliveries.check(topic, records);
        }
        return records - duplicates;
    }

    private static String record(String usageId, String source, String type, String subscriber, String time,
                                 String quantity, String unit) {
        return "{\"usageId\":\"" + usageId + "\",\"source\":\"" + source + "\",\"usageType\":\"" + type
                + "\",\"subscriberId\":\"" + subscriber + "\",\"startTime\":\"" + time + "\",\"quantity\":\""
                + quantity + "\",\"unit\":\"" + unit + "\",\"characteristics\":{\"destinationZone\":\"EU\"}}";
    }

    private static OfferingPrice flat(String offering, String price, String rate, String unit, Integer first,
                                      Integer next, String usageType) {
        return new OfferingPrice(offering + "-" + price + "-v1", offering + "-" + price, 1, price, "USAGE", rate,
                "EUR", null, null, null, unit, first, next, null, "FLAT", null, null, List.of(usageType), null,
                LONG_AGO, null);
    }

    private static void offering(KafkaProducer<String, byte[]> producer, Deliveries deliveries, String id,
                                 String owner, List<OfferingLaunched.Participant> participants,
                                 OfferingPrice... prices) {
        send(producer, deliveries, Topics.CATALOG_EVENTS, id, "OfferingLaunched", owner,
                new OfferingLaunched(UUID.randomUUID(), Instant.now(), id, 1, owner, id, "Offering " + id, null,
                        "BENCH", List.of(), LONG_AGO, null, false, null, List.of(), null, participants,
                        List.of(prices)));
    }

    private static void product(KafkaProducer<String, byte[]> producer, Deliveries deliveries, String productId,
                                String subscriber, String offering, String owner,
                                List<OfferingLaunched.Participant> participants,
                                List<String> prices) {
        ProductDetails product = new ProductDetails(productId, "order-" + productId, offering, 1, "Offering", owner,
                "BENCH", null, null, "web", "customer-" + productId,
                List.of(new ProductDetails.SubscriberIdentifier("MSISDN", subscriber)), Map.of(), participants,
                prices, List.of(), "ACTIVE", LONG_AGO, null);
        send(producer, deliveries, Topics.ORDER_EVENTS, productId, "ProductActivated", owner,
                new ProductActivated(UUID.randomUUID(), Instant.now(), owner, LONG_AGO, product));
    }

    private static void send(KafkaProducer<String, byte[]> producer, Deliveries deliveries, String topic,
                             String key, String type, String subject, Object event) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, JSON.writeValueAsBytes(event));
        record.headers().add(CloudEventHeaders.ID, UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add(CloudEventHeaders.TYPE, type.getBytes(StandardCharsets.UTF_8));
        record.headers().add(CloudEventHeaders.SOURCE, "/accord/bench".getBytes(StandardCharsets.UTF_8));
        record.headers().add(CloudEventHeaders.SPEC_VERSION, "1.0".getBytes(StandardCharsets.UTF_8));
        record.headers().add(CloudEventHeaders.TIME, Instant.now().toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add(CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON.getBytes(StandardCharsets.UTF_8));
        record.headers().add(CloudEventHeaders.SUBJECT,
                (subject == null ? "csp" : subject).getBytes(StandardCharsets.UTF_8));
        producer.send(record, deliveries);
    }

    private KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Deliveries.ordered(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.LINGER_MS_CONFIG, 10)), new StringSerializer(), new ByteArraySerializer());
    }
}
