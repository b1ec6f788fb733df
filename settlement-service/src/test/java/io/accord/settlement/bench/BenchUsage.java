package io.accord.settlement.bench;

import io.accord.contracts.CloudEventHeaders;
import io.accord.contracts.Topics;
import io.accord.contracts.events.AgreementActivated;
import io.accord.contracts.events.DomainEvent;
import io.accord.contracts.events.PartnerActivated;
import io.accord.contracts.usage.UsageRated;
import io.accord.testsupport.bench.Deliveries;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The bench's partners and their rated usage, published the way onboarding and rating do: {@code PartnerActivated}
 * and {@code AgreementActivated} (RESELL, monthly, EUR, 19 % tax, no minimum guarantee) on
 * {@code partner.events.v1}; {@link UsageRated} records on the rated topic as binary CloudEvents keyed by the
 * subscriber with {@code ce_sequence} = the record's sequence, strictly increasing per partition.
 *
 * <p>Every partner has usage in both directions: revenue shares it is paid for content sold through the CSP
 * ({@code bench-video} 30 % of 0.99, {@code bench-music} 45 % of 0.49 per CONTENT_VIEW, {@code bench-games} 50 % of
 * 0.99/1.99/4.99 per PURCHASE) and wholesale it owes for the CSP's network it resells ({@code bench-mobile}: VOICE at
 * 0.0002 per second, SMS at 0.05, DATA at 0.000004 per KB); 0.1 % of the records are reversals of an earlier record
 * of the same partner. All amounts are whole micro-units, so the expected sums are exact longs: the generator keeps
 * them per partner, offering, usage type and direction ({@link Expected}).
 */
final class BenchUsage {

    static final int PARTITIONS = 6;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int SUBSCRIBERS = 60_000;

    /** The kinds of usage: offering, usage type, unit, direction (true: payable to the partner). */
    enum Kind {
        VIDEO("bench-video", "CONTENT_VIEW", "EVENT", true),
        MUSIC("bench-music", "CONTENT_VIEW", "EVENT", true),
        GAMES("bench-games", "PURCHASE", "EVENT", true),
        VOICE("bench-mobile", "VOICE", "S", false),
        SMS("bench-mobile", "SMS", "MESSAGE", false),
        DATA("bench-mobile", "DATA", "KB", false);

        final String offering;
        final String usageType;
        final String unit;
        final boolean payable;

        Kind(String offering, String usageType, String unit, boolean payable) {
            this.offering = offering;
            this.usageType = usageType;
            this.unit = unit;
            this.payable = payable;
        }
    }

    private final String bootstrap;
    private final String topic;
    private final String run;
    private final int producers;
    private long nextSequenceBase;

    BenchUsage(String bootstrap, String topic, String run, int producers) {
        this.bootstrap = bootstrap;
        this.topic = topic;
        this.run = run;
        this.producers = producers;
    }

    String agreementId(int partner) {
        return "agr-bench-" + run + "-" + partner;
    }

    /** Partner ids of this run: partner 0 is the big one, 1…n the many small ones. */
    static List<String> partnerIds(int count) {
        List<String> ids = new ArrayList<>(count);
        SplittableRandom random = new SplittableRandom(System.nanoTime());
        for (int i = 0; i < count; i++) {
            ids.add(uuid(random).toString());
        }
        return ids;
    }

    /** Activates the partners and their agreements (in force from 90 days back, so the current month is open). */
    void seedPartners(List<String> partnerIds) {
        Instant inForceFrom = Instant.now().minus(90, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        try (KafkaProducer<String, byte[]> producer = producer(10, 64 * 1024)) {
            for (int i = 0; i < partnerIds.size(); i++) {
                String partner = partnerIds.get(i);
                send(producer, Topics.PARTNER_EVENTS, new PartnerActivated(UUID.randomUUID(), Instant.now(), partner,
                        "Bench Reseller " + run + " " + i, "MVNO", "RESELL", "DE", "EUR"), 1L);
                send(producer, Topics.PARTNER_EVENTS, new AgreementActivated(UUID.randomUUID(), Instant.now(),
                        partner, agreementId(i), 1, "RESELL", inForceFrom, null, null,
                        new AgreementActivated.Terms("EUR", List.of(
                                new AgreementActivated.RevenueShare("video", null, "30", List.of()),
                                new AgreementActivated.RevenueShare("music", null, "45", List.of()),
                                new AgreementActivated.RevenueShare("games", null, "50", List.of())),
                                List.of(new AgreementActivated.WholesaleRate("S", "0.000200"),
                                        new AgreementActivated.WholesaleRate("MESSAGE", "0.050000"),
                                        new AgreementActivated.WholesaleRate("KB", "0.000004")),
                                null, "MONTHLY", 30, new AgreementActivated.TaxTreatment("19", false),
                                new AgreementActivated.ReconciliationTolerance("1.00", "0.5"), 60, null)), 2L);
            }
            producer.flush();
        }
    }

    /**
     * Publishes {@code perPartner} records for each partner (seeded from index {@code firstIndex} on), usage
     * times in {@code [from, until)}, from
     * {@link #producers} threads (each owning its partitions, so sequences increase per partition); returns the
     * expected sums.
     */
    Expected produce(List<String> partnerIds, int firstIndex, long perPartner, Instant from, Instant until)
            throws Exception {
        long total = perPartner * partnerIds.size();
        long base = Math.max(System.currentTimeMillis() * 1000, nextSequenceBase);
        nextSequenceBase = base + (total + 1) * producers + producers;
        ExecutorService threads = Executors.newFixedThreadPool(producers);
        try {
            List<Future<Expected>> parts = new ArrayList<>();
            for (int t = 0; t < producers; t++) {
                int thread = t;
                parts.add(threads.submit(() -> produce(thread, partnerIds, firstIndex, total, base, from, until)));
            }
            Expected expected = new Expected(partnerIds.size());
            for (Future<Expected> part : parts) {
                expected.add(part.get());
            }
            return expected;
        } finally {
            threads.shutdownNow();
        }
    }

    private Expected produce(int thread, List<String> partnerIds, int firstIndex, long total, long base,
                             Instant from, Instant until) {
        Expected expected = new Expected(partnerIds.size());
        SplittableRandom random = new SplittableRandom(42L * 31 + thread);
        List<Integer> owned = new ArrayList<>();
        for (int p = thread; p < PARTITIONS; p += producers) {
            owned.add(p);
        }
        if (owned.isEmpty()) {
            return expected;
        }
        Last[] last = new Last[partnerIds.size()];
        long fromSecond = from.getEpochSecond();
        long span = Math.max(1, until.getEpochSecond() - fromSecond);
        String ratedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        long sequence = 0;
        StringBuilder json = new StringBuilder(1024);
        Deliveries deliveries = new Deliveries();
        try (KafkaProducer<String, byte[]> producer = producer(20, 512 * 1024)) {
            for (long n = thread; n < total; n += producers) {
                int partner = (int) (n % partnerIds.size());
                String partnerId = partnerIds.get(partner);
                int subscriberSlot = random.nextInt(SUBSCRIBERS / PARTITIONS);
                int partition = owned.get(subscriberSlot % owned.size());
                int roll = random.nextInt(1000);
                Last record;
                String kind;
                UUID reversalOf = null;
                if (roll == 0 && last[partner] != null) {
                    Last original = last[partner];
                    record = new Last(original.kind(), original.subscriber(), original.partition(), uuid(random),
                            -original.quantity(), -original.charge(), -original.amount(), original.usageTime());
                    kind = "REVERSAL";
                    reversalOf = original.ratedId();
                    last[partner] = null;
                } else {
                    Kind usage = roll < 150 ? Kind.VIDEO : roll < 250 ? Kind.MUSIC : roll < 300 ? Kind.GAMES
                            : roll < 650 ? Kind.VOICE : roll < 800 ? Kind.SMS : Kind.DATA;
                    long quantity;
                    long charge;
                    long amount;
                    switch (usage) {
                        case VIDEO -> { quantity = 1; charge = 990_000; amount = charge * 30 / 100; }
                        case MUSIC -> { quantity = 1; charge = 490_000; amount = charge * 45 / 100; }
                        case GAMES -> {
                            quantity = 1;
                            charge = new long[] {990_000, 1_990_000, 4_990_000}[random.nextInt(3)];
                            amount = charge / 2;
                        }
                        case VOICE -> { quantity = 1 + random.nextInt(900); charge = quantity * 200; amount = charge; }
                        case SMS -> { quantity = 1; charge = 50_000; amount = charge; }
                        default -> { quantity = 1 + random.nextInt(50_000); charge = quantity * 4; amount = charge; }
                    }
                    String subscriber = "+49151" + (1_000_000 + subscriberSlot * PARTITIONS + partition);
                    long second = fromSecond + random.nextLong(span);
                    record = new Last(usage, subscriber, partition, uuid(random), quantity, charge, amount,
                            Instant.ofEpochSecond(second).toString());
                    kind = "RATED";
                    last[partner] = record;
                }
                sequence++;
                long eventSequence = base + sequence * producers + thread;
                json.setLength(0);
                write(json, record, kind, reversalOf, eventSequence, ratedAt, partnerId,
                        agreementId(firstIndex + partner), n);
                ProducerRecord<String, byte[]> message = new ProducerRecord<>(topic, partition, record.subscriber(),
                        json.toString().getBytes(StandardCharsets.UTF_8));
                headers(message, UsageRated.TYPE, record.ratedId().toString(), partnerId, eventSequence);
                producer.send(message, deliveries);
                expected.add(partner, record.kind(), record.quantity(), record.amount(),
                        "REVERSAL".equals(kind));
            }
            producer.flush();
            deliveries.check(topic, sequence);
        }
        return expected;
    }

    /** A rated record as rating's publisher writes it (every field of {@link UsageRated}). */
    private static void write(StringBuilder json, Last record, String kind, UUID reversalOf, long sequence,
                              String ratedAt, String partnerId, String agreementId, long n) {
        Kind usage = record.kind();
        String charge = micros(record.charge());
        String amount = micros(record.amount());
        String margin = micros(usage.payable ? record.charge() - record.amount() : record.charge());
        json.append("{\"ratedId\":\"").append(record.ratedId()).append("\",\"sequence\":").append(sequence)
                .append(",\"kind\":\"").append(kind).append("\",\"ratedAt\":\"").append(ratedAt)
                .append("\",\"source\":\"bench-switch\",\"usageId\":\"bench-u").append(n)
                .append("\",\"subscriberId\":\"").append(record.subscriber())
                .append("\",\"usageTime\":\"").append(record.usageTime())
                .append("\",\"usageType\":\"").append(usage.usageType)
                .append("\",\"billedQuantity\":\"").append(record.quantity())
                .append("\",\"billedUnit\":\"").append(usage.unit)
                .append("\",\"currency\":\"EUR\",\"charge\":\"").append(charge)
                .append("\",\"parties\":[{\"partnerId\":\"").append(partnerId).append("\",\"direction\":\"")
                .append(usage.payable ? "PAYABLE_TO_PARTNER" : "OWED_BY_PARTNER").append("\",\"sharePercent\":")
                .append(usage == Kind.VIDEO ? "\"30\"" : usage == Kind.MUSIC ? "\"45\""
                        : usage == Kind.GAMES ? "\"50\"" : "null")
                .append(",\"amount\":\"").append(amount).append("\"}],\"margin\":\"").append(margin)
                .append("\",\"allocation\":\"").append(usage.payable ? "SELL_THROUGH" : "RESELL")
                .append("\",\"productInstanceId\":\"bench-product-").append(record.subscriber())
                .append("\",\"offeringId\":\"").append(usage.offering)
                .append("\",\"offeringVersion\":1,\"priceVersionId\":\"").append(usage.offering).append('-')
                .append(usage.usageType.toLowerCase()).append("-v1\",\"priceVersion\":1,\"agreements\":[{")
                .append("\"partnerId\":\"").append(partnerId).append("\",\"agreementId\":\"").append(agreementId)
                .append("\",\"version\":1}],\"reversalOf\":")
                .append(reversalOf == null ? "null" : "\"" + reversalOf + "\"")
                .append(",\"customerReference\":\"cust-").append(record.subscriber()).append("\"}");
    }

    static String micros(long micros) {
        return BigDecimal.valueOf(micros, 6).toPlainString();
    }

    private static UUID uuid(SplittableRandom random) {
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low);
    }

    private static void send(KafkaProducer<String, byte[]> producer, String topic, DomainEvent event, long sequence) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, event.key(), JSON.writeValueAsBytes(event));
        headers(record, event.type(), event.eventId().toString(), event.partnerId(), sequence);
        producer.send(record);
    }

    private static void headers(ProducerRecord<String, byte[]> record, String type, String id, String subject,
                                long sequence) {
        record.headers().add(CloudEventHeaders.ID, id.getBytes(StandardCharsets.UTF_8));
        record.headers().add(CloudEventHeaders.TYPE, type.getBytes(StandardCharsets.UTF_8));
        record.headers().add(CloudEventHeaders.SOURCE, "/accord/bench".getBytes(StandardCharsets.UTF_8));
        record.headers().add(CloudEventHeaders.SPEC_VERSION, "1.0".getBytes(StandardCharsets.UTF_8));
        record.headers().add(CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON.getBytes(StandardCharsets.UTF_8));
        record.headers().add(CloudEventHeaders.SUBJECT, (subject == null ? "csp" : subject)
                .getBytes(StandardCharsets.UTF_8));
        record.headers().add(CloudEventHeaders.SEQUENCE, Long.toString(sequence).getBytes(StandardCharsets.UTF_8));
    }

    private KafkaProducer<String, byte[]> producer(int lingerMs, int batchBytes) {
        return new KafkaProducer<>(Deliveries.ordered(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.LINGER_MS_CONFIG, lingerMs, ProducerConfig.BATCH_SIZE_CONFIG, batchBytes,
                ProducerConfig.BUFFER_MEMORY_CONFIG, 64L << 20, ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4")),
                new StringSerializer(), new ByteArraySerializer());
    }

    /** The last record of a partner a thread sent (what a reversal negates). */
    private record Last(Kind kind, String subscriber, int partition, UUID ratedId, long quantity, long charge,
                        long amount, String usageTime) {
    }

    /**
     * The exact sums of what was produced, per partner and kind: partner amount (micro-units), billed quantity,
     * net record count (a reversal counts −1) and reversals.
     */
    static final class Expected {

        private final long[][] amount;
        private final long[][] quantity;
        private final long[][] count;
        private final long[][] reversals;

        Expected(int partners) {
            int kinds = Kind.values().length;
            amount = new long[partners][kinds];
            quantity = new long[partners][kinds];
            count = new long[partners][kinds];
            reversals = new long[partners][kinds];
        }

        void add(int partner, Kind kind, long quantityDelta, long amountDelta, boolean reversal) {
            int k = kind.ordinal();
            amount[partner][k] += amountDelta;
            quantity[partner][k] += quantityDelta;
            count[partner][k] += reversal ? -1 : 1;
            reversals[partner][k] += reversal ? 1 : 0;
        }

        void add(Expected other) {
            for (int p = 0; p < amount.length; p++) {
                for (int k = 0; k < amount[p].length; k++) {
                    amount[p][k] += other.amount[p][k];
                    quantity[p][k] += other.quantity[p][k];
                    count[p][k] += other.count[p][k];
                    reversals[p][k] += other.reversals[p][k];
                }
            }
        }

        /** The partner's amount of a kind as the statement line shows it: payable positive, owed negative. */
        BigDecimal signedAmount(int partner, Kind kind) {
            long micros = amount[partner][kind.ordinal()];
            return BigDecimal.valueOf(kind.payable ? micros : -micros, 6);
        }

        long quantity(int partner, Kind kind) {
            return quantity[partner][kind.ordinal()];
        }

        /** Net = Σ of each kind's amount rounded once to cents (HALF_EVEN), as the statement's lines are. */
        BigDecimal net(int partner) {
            BigDecimal net = BigDecimal.ZERO.setScale(2);
            for (Kind kind : Kind.values()) {
                if (count[partner][kind.ordinal()] != 0 || reversals[partner][kind.ordinal()] != 0) {
                    net = net.add(signedAmount(partner, kind).setScale(2, RoundingMode.HALF_EVEN));
                }
            }
            return net;
        }

        /** Net record count (rated − reversals) of the partners {@code from} until {@code to} (exclusive). */
        long netCount(int from, int to) {
            long sum = 0;
            for (int p = from; p < to; p++) {
                for (long value : count[p]) {
                    sum += value;
                }
            }
            return sum;
        }

        long reversals(int from, int to) {
            long sum = 0;
            for (int p = from; p < to; p++) {
                for (long value : reversals[p]) {
                    sum += value;
                }
            }
            return sum;
        }
    }
}
