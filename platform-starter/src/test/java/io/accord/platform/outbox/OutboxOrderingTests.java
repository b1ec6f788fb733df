package io.accord.platform.outbox;

import io.accord.contracts.CloudEventHeaders;
import io.accord.contracts.Topics;
import io.accord.platform.PlatformProperties;
import io.accord.testsupport.TestInfrastructure;
import io.accord.testsupport.TestKafka;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Per-key order with several replicas: two relays (each with its own connections and producer, as two service
 * instances would have) against one real PostgreSQL and the real test broker.
 */
class OutboxOrderingTests {

    private static final int KEYS = 6;
    private static final int EVENTS_PER_KEY = 25;

    private final List<KafkaTemplate<String, byte[]>> producers = new ArrayList<>();
    private JdbcClient jdbc;
    private TransactionTemplate transactions;
    private Outbox outbox;

    @BeforeEach
    void database() {
        DriverManagerDataSource dataSource = dataSource();
        Flyway.configure().dataSource(dataSource).locations("classpath:db/platform").load().migrate();
        jdbc = JdbcClient.create(dataSource);
        jdbc.sql("delete from outbox_event").update();
        transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        outbox = new Outbox(jdbc, JsonMapper.builder().build());
    }

    @AfterEach
    void closeProducers() {
        producers.forEach(KafkaTemplate::destroy);
    }

    @Test
    void numbersTheEventsOfEachKeyFromOneInCommitOrder() {
        String a = "seq-a-" + UUID.randomUUID();
        String b = "seq-b-" + UUID.randomUUID();
        List.of(a, b, a, a, b).forEach(key -> publish(TestEvent.of(key, 0)));

        assertThat(sequencesOf(a)).containsExactly(1L, 2L, 3L);
        assertThat(sequencesOf(b)).containsExactly(1L, 2L);
    }

    @Test
    void twoRelaysPublishEveryKeysEventsInSequenceOrderAndEachOnce() throws Exception {
        List<String> keys = IntStream.range(0, KEYS).mapToObj(i -> "order-" + i + "-" + UUID.randomUUID()).toList();
        // bursts per aggregate: consecutive rows of one key are where two relays would overtake each other
        for (String key : keys) {
            for (int n = 1; n <= EVENTS_PER_KEY; n++) {
                publish(TestEvent.of(key, n));
            }
        }
        OutboxRelay first = relay();
        OutboxRelay second = relay();
        CyclicBarrier start = new CyclicBarrier(2);

        CompletableFuture<Void> one = CompletableFuture.runAsync(() -> relayUntilEmpty(first, start));
        CompletableFuture<Void> two = CompletableFuture.runAsync(() -> relayUntilEmpty(second, start));
        CompletableFuture.allOf(one, two).get(120, java.util.concurrent.TimeUnit.SECONDS);

        Set<String> ours = Set.copyOf(keys);
        List<ConsumerRecord<String, byte[]>> records = TestKafka.awaitRecords(Topics.PARTNER_EVENTS,
                record -> ours.contains(record.key()), KEYS * EVENTS_PER_KEY, Duration.ofSeconds(60));
        // a key lives on one partition, and the records of a partition come in offset order
        Map<String, List<Long>> sequences = records.stream().collect(Collectors.groupingBy(ConsumerRecord::key,
                LinkedHashMap::new, Collectors.mapping(record -> Long.parseLong(
                        TestKafka.header(record, CloudEventHeaders.SEQUENCE)), Collectors.toList())));
        List<Long> expected = LongStream.rangeClosed(1, EVENTS_PER_KEY).boxed().toList();
        assertThat(sequences).hasSize(KEYS);
        sequences.forEach((key, received) -> assertThat(received).as(key).containsExactlyElementsOf(expected));
    }

    @Test
    void aRelayPublishesNothingWhileAnotherHoldsTheRelayLock() {
        String key = "locked-" + UUID.randomUUID();
        publish(TestEvent.of(key, 1));
        OutboxRelay relay = relay();
        DriverManagerDataSource otherReplica = dataSource();
        JdbcClient otherJdbc = JdbcClient.create(otherReplica);

        new TransactionTemplate(new DataSourceTransactionManager(otherReplica)).executeWithoutResult(status -> {
            otherJdbc.sql("select pg_advisory_xact_lock(:key)").param("key", OutboxRelay.LOCK_KEY)
                    .query(Object.class).single();
            relay.relay();
            assertThat(unsent(key)).isEqualTo(1);
        });

        relay.relay();
        assertThat(unsent(key)).isZero();
    }

    @Test
    void rowsBackingOffAheadOfMoreThanABatchHoldBackOnlyTheirKeysAndAKeysOrderDoesNotRestOnTimestamps() {
        List<String> waiting = IntStream.range(0, 6).mapToObj(i -> "backoff-" + i + "-" + UUID.randomUUID())
                .toList();
        waiting.forEach(key -> publish(TestEvent.of(key, 1)));
        jdbc.sql("update outbox_event set next_attempt_at = now() + interval '1 hour' where message_key in (:keys)")
                .param("keys", waiting).update();
        String due = "due-" + UUID.randomUUID();
        publish(TestEvent.of(due, 1));
        // written second, yet dated before the first: the key's order is its sequence, not the timestamp
        String swapped = "swapped-" + UUID.randomUUID();
        publish(TestEvent.of(swapped, 1));
        publish(TestEvent.of(swapped, 2));
        jdbc.sql("""
                        update outbox_event set created_at = created_at - interval '1 minute'
                        where message_key = :key and sequence = 2""").param("key", swapped).update();
        OutboxRelay relay = relay();

        int sent = transactions.execute(status -> relay.relayBatch());

        assertThat(sent).isEqualTo(2);
        assertThat(unsent(due)).isZero();
        assertThat(sequencesSent(swapped)).containsExactly(1L);
        waiting.forEach(key -> assertThat(unsent(key)).as(key).isEqualTo(1));

        relay.relay();
        assertThat(sequencesSent(swapped)).containsExactly(1L, 2L);
    }

    private void relayUntilEmpty(OutboxRelay relay, CyclicBarrier start) {
        try {
            start.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        await().atMost(Duration.ofSeconds(100)).pollInterval(Duration.ofMillis(5)).until(() -> {
            relay.relay();
            return jdbc.sql("select count(*) from outbox_event where sent_at is null").query(Long.class).single() == 0;
        });
    }

    private OutboxRelay relay() {
        DriverManagerDataSource dataSource = dataSource();
        KafkaTemplate<String, byte[]> kafka = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrap(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.ACKS_CONFIG, "all")));
        producers.add(kafka);
        PlatformProperties properties = new Binder(new MapConfigurationPropertySource(Map.of(
                "accord.platform.outbox.batch-size", "4")))
                .bindOrCreate("accord.platform", PlatformProperties.class);
        return new OutboxRelay(JdbcClient.create(dataSource), kafka,
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)), properties,
                java.time.Clock.systemUTC());
    }

    private void publish(TestEvent event) {
        transactions.executeWithoutResult(status -> outbox.publish(Topics.PARTNER_EVENTS, event));
    }

    private List<Long> sequencesOf(String key) {
        return jdbc.sql("select sequence from outbox_event where message_key = :key order by created_at")
                .param("key", key).query(Long.class).list();
    }

    /** The key's rows sent so far, in the order they were marked sent. */
    private List<Long> sequencesSent(String key) {
        return jdbc.sql("""
                        select sequence from outbox_event where message_key = :key and sent_at is not null
                        order by sent_at, sequence""")
                .param("key", key).query(Long.class).list();
    }

    private long unsent(String key) {
        return jdbc.sql("select count(*) from outbox_event where message_key = :key and sent_at is null")
                .param("key", key).query(Long.class).single();
    }

    private static DriverManagerDataSource dataSource() {
        return new DriverManagerDataSource(TestInfrastructure.database("platform_outbox_ordering"),
                TestInfrastructure.dbUser(), TestInfrastructure.dbPassword());
    }
}
