package io.accord.platform.kafka;

import io.accord.testsupport.TestInfrastructure;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The batch consumer against the real test PostgreSQL and broker: every record applied by exactly one committed
 * transaction through consumers joining and leaving the group, a restart resuming from the database offsets, a
 * batch whose partition another consumer moved on dropped and read again, a failing batch rolled back whole, and a
 * record the database refuses found by applying its batch in parts: set aside, or stopping only its partition.
 */
@ExtendWith(OutputCaptureExtension.class)
class DatabaseOffsetConsumerTests {

    private static final int PARTITIONS = 3;

    private JdbcClient jdbc;
    private BatchConsumers factory;
    private DatabaseOffsets offsets;
    private String topic;

    @BeforeEach
    void setUp() throws Exception {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(
                TestInfrastructure.database("test_platform_batch_consumer"), TestInfrastructure.dbUser(),
                TestInfrastructure.dbPassword());
        jdbc = JdbcClient.create(dataSource);
        jdbc.sql("""
                create table if not exists test_offset (
                    consumer_group text not null, topic text not null, kafka_partition int not null,
                    next_offset bigint not null, updated_at timestamptz not null,
                    primary key (consumer_group, topic, kafka_partition))""").update();
        jdbc.sql("""
                create table if not exists test_checked (
                    topic text not null, kafka_partition int not null, kafka_offset bigint not null,
                    payload text not null check (payload not like 'poison%'))""").update();
        jdbc.sql("""
                create table if not exists test_set_aside (
                    topic text not null, kafka_partition int not null, kafka_offset bigint not null,
                    payload text not null, reason text not null)""").update();
        jdbc.sql("""
                create table if not exists test_applied (
                    topic text not null, kafka_partition int not null, kafka_offset bigint not null,
                    payload text not null, applied_by text not null)""").update();
        factory = new BatchConsumers(() -> Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.kafkaBootstrap(), ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000),
                jdbc, new TransactionTemplate(new DataSourceTransactionManager(dataSource)), Clock.systemUTC(),
                new BatchConsumerProperties(Duration.ofSeconds(30), true, "read_committed"));
        offsets = factory.offsets("test_offset");
        topic = "test.batch-consumer." + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.kafkaBootstrap()))) {
            admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void consumersJoiningAndLeavingApplyEveryRecordExactlyOnce() {
        String group = "group-" + UUID.randomUUID();
        Recorder recorder = new Recorder();
        DatabaseOffsetConsumer<?, ?> first = consumer(group, "first", recorder);
        DatabaseOffsetConsumer<?, ?> second = consumer(group, "second", recorder);
        DatabaseOffsetConsumer<?, ?> third = consumer(group, "third", recorder);
        try {
            first.start();
            send(0, 300);
            await().atMost(Duration.ofSeconds(60)).until(() -> first.processed() > 0);
            second.start();
            await().atMost(Duration.ofSeconds(60)).until(() -> !second.assigned().isEmpty());
            send(300, 300);
            third.start();
            send(600, 300);
            await().atMost(Duration.ofSeconds(60)).until(() -> third.processed() > 0 || applied() == 900);
            second.stop();
            send(900, 300);
            first.stop();
            send(1200, 300);
            await().atMost(Duration.ofSeconds(90)).until(() -> applied() == 1500);
        } finally {
            first.stop();
            second.stop();
            third.stop();
        }
        assertThat(jdbc.sql("select count(distinct payload) from test_applied where topic = :topic")
                .param("topic", topic).query(Long.class).single()).isEqualTo(1500L);
        assertThat(first.processed() + second.processed() + third.processed()).isEqualTo(1500L);
        Map<Integer, Long> positions = offsets.all(group, topic);
        assertThat(positions.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(1500L);

        // a new member of the group resumes from the database, although Kafka's committed offsets say nothing
        DatabaseOffsetConsumer<?, ?> later = consumer(group, "later", recorder);
        try {
            later.start();
            send(1500, 30);
            await().atMost(Duration.ofSeconds(60)).until(() -> applied() == 1530);
        } finally {
            later.stop();
        }
        assertThat(later.processed()).isEqualTo(30L);
    }

    @Test
    void aBatchWhosePartitionMovedOnMeanwhileIsDroppedAndReadAgain() {
        String group = "group-" + UUID.randomUUID();
        Recorder recorder = new Recorder();
        DatabaseOffsetConsumer<?, ?> consumer = consumer(group, "fenced", recorder);
        try {
            consumer.start();
            sendTo(0, "probe");
            await().atMost(Duration.ofSeconds(60)).until(() -> applied() == 1);
            // another consumer (a zombie the group has not noticed yet) processed the next record of partition 0
            assertThat(jdbc.sql("""
                            update test_offset set next_offset = 2
                            where consumer_group = :group and topic = :topic and kafka_partition = 0
                              and next_offset = 1""")
                    .param("group", group).param("topic", topic).update()).isEqualTo(1);
            sendTo(0, "taken-by-the-other");
            sendTo(0, "mine");
            await().atMost(Duration.ofSeconds(60)).until(() -> payloads().contains("mine"));
        } finally {
            consumer.stop();
        }
        assertThat(payloads()).containsExactlyInAnyOrder("probe", "mine");
        assertThat(recorder.fenced.get()).isPositive();
    }

    @Test
    void aFailingBatchRollsBackWholeAndIsReadAgain(CapturedOutput output) {
        String group = "group-" + UUID.randomUUID();
        Recorder recorder = new Recorder();
        recorder.failures.set(5);
        DatabaseOffsetConsumer<?, ?> consumer = factory.consumer(
                new BatchConsumerSettings("failing", topic, group, 50, Duration.ofMillis(100), Duration.ofMillis(100)),
                offsets, recorder);
        try {
            consumer.start();
            send(0, 40);
            await().atMost(Duration.ofSeconds(60)).until(() -> applied() == 40);
        } finally {
            consumer.stop();
        }
        assertThat(recorder.failed.get()).isEqualTo(5);
        assertThat(jdbc.sql("select count(distinct payload) from test_applied where topic = :topic")
                .param("topic", topic).query(Long.class).single()).isEqualTo(40L);
        // the same failure five times in a row: its stack trace once, then a line at the 2nd and 4th
        String log = output.getAll();
        assertThat(log.split("failing on purpose after writing the batch", -1)).hasSize(2);
        assertThat(log).contains("Consumer failing: batches still fail (", "), 2 times in a row",
                "), 4 times in a row").doesNotContain("3 times in a row", "5 times in a row");
    }

    @Test
    void aRecordTheDatabaseRefusesIsFoundAndSetAsideWhileEveryOtherRecordIsApplied() {
        String group = "group-" + UUID.randomUUID();
        Checked checked = new Checked(true);
        DatabaseOffsetConsumer<?, ?> consumer = factory.consumer(
                new BatchConsumerSettings("set-aside", topic, group, 200, Duration.ofMillis(100), Duration.ofMillis(50)),
                offsets, checked);
        List<String> payloads = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            payloads.add(i == 37 || i == 90 ? "poison-" + i : "record-" + i);
        }
        try (KafkaProducer<String, byte[]> producer = producer()) {
            for (int i = 0; i < payloads.size(); i++) {
                producer.send(new ProducerRecord<>(topic, i % PARTITIONS, "key",
                        payloads.get(i).getBytes(StandardCharsets.UTF_8)));
            }
        }
        try {
            consumer.start();
            await().atMost(Duration.ofSeconds(60)).until(() -> consumer.processed() == 120);
        } finally {
            consumer.stop();
        }
        assertThat(jdbc.sql("select payload from test_checked where topic = :topic").param("topic", topic)
                .query(String.class).list())
                .hasSize(118).doesNotContain("poison-37", "poison-90").contains("record-36", "record-38", "record-119");
        assertThat(jdbc.sql("select payload || ' ' || kafka_partition || ' ' || reason from test_set_aside"
                        + " where topic = :topic order by kafka_offset").param("topic", topic).query(String.class)
                .list())
                .hasSize(2)
                .allSatisfy(row -> assertThat(row).endsWith(" database error, SQL state 23514"))
                .anySatisfy(row -> assertThat(row).startsWith("poison-37 1 "))
                .anySatisfy(row -> assertThat(row).startsWith("poison-90 0 "));
        assertThat(offsets.all(group, topic).values().stream().mapToLong(Long::longValue).sum()).isEqualTo(120L);
        assertThat(checked.failed.get()).isPositive();
    }

    @Test
    void aRecordTheDatabaseRefusesWithNowhereToSetItAsideStopsOnlyItsPartitionAtThatRecord() {
        String group = "group-" + UUID.randomUUID();
        Checked checked = new Checked(false);
        DatabaseOffsetConsumer<?, ?> consumer = poisonedAtPartitionZero("stops", group, checked, Duration.ofMillis(50));
        try {
            consumer.start();
            await().atMost(Duration.ofSeconds(60)).until(() -> checked.failed.get() >= 8
                    && consumer.processed() == 3);
            assertThat(consumer.waiting()).isEqualTo(Map.of(new TopicPartition(topic, 0), 1L));
        } finally {
            consumer.stop();
        }
        assertThat(jdbc.sql("select payload from test_checked where topic = :topic").param("topic", topic)
                .query(String.class).list()).containsExactlyInAnyOrder("before", "other-1", "other-2");
        assertThat(offsets.all(group, topic)).containsEntry(0, 1L).containsEntry(1, 1L).containsEntry(2, 1L);
    }

    @Test
    void whileAPartitionWaitsAtARecordItsOtherPartitionsGoOnWithoutWaitingForTheBackoff() {
        String group = "group-" + UUID.randomUUID();
        DatabaseOffsetConsumer<?, ?> consumer = poisonedAtPartitionZero("waits", group, new Checked(false),
                Duration.ofHours(1));
        try {
            consumer.start();
            await().atMost(Duration.ofSeconds(60)).until(() -> consumer.processed() == 3
                    && !consumer.waiting().isEmpty());
            sendTo(1, "later-1");
            sendTo(2, "later-2");
            sendTo(0, "later-0");
            // an hour's backoff: the other partitions must not wait for it (nor for the record's first retry)
            await().atMost(Duration.ofSeconds(60)).until(() -> consumer.processed() == 5);
            assertThat(consumer.waiting()).isEqualTo(Map.of(new TopicPartition(topic, 0), 1L));
            // ops see it in the health component and the gauge
            SimpleMeterRegistry meters = new SimpleMeterRegistry();
            BatchConsumersHealth health = new BatchConsumersHealth(factory, meters);
            assertThat(health.health().getDetails()).containsEntry("waits", Map.of("running", true,
                    "partitions", PARTITIONS, "waiting", Map.of(topic + "-0", 1L)));
            assertThat(meters.get("accord.batch-consumer.waiting").gauge().value()).isEqualTo(1.0);
        } finally {
            consumer.stop();
        }
        assertThat(jdbc.sql("select payload from test_checked where topic = :topic").param("topic", topic)
                .query(String.class).list())
                .containsExactlyInAnyOrder("before", "other-1", "other-2", "later-1", "later-2");
        assertThat(offsets.all(group, topic)).containsEntry(0, 1L).containsEntry(1, 2L).containsEntry(2, 2L);
    }

    /** A consumer (not started) of five records: "before", "poison", "after" on partition 0, one on each other. */
    private DatabaseOffsetConsumer<?, ?> poisonedAtPartitionZero(String name, String group, Checked checked,
                                                                 Duration backoff) {
        sendTo(0, "before");
        sendTo(0, "poison");
        sendTo(0, "after");
        sendTo(1, "other-1");
        sendTo(2, "other-2");
        return factory.consumer(new BatchConsumerSettings(name, topic, group, 200, Duration.ofMillis(100), backoff),
                offsets, checked);
    }

    private DatabaseOffsetConsumer<?, ?> consumer(String group, String name, Recorder recorder) {
        return factory.consumer(new BatchConsumerSettings(name + "-" + group, topic, group, 50,
                Duration.ofMillis(100), Duration.ofMillis(200)), offsets, recorder);
    }

    private long applied() {
        return jdbc.sql("select count(*) from test_applied where topic = :topic").param("topic", topic)
                .query(Long.class).single();
    }

    private List<String> payloads() {
        return jdbc.sql("select payload from test_applied where topic = :topic").param("topic", topic)
                .query(String.class).list();
    }

    private void send(int from, int count) {
        try (KafkaProducer<String, byte[]> producer = producer()) {
            for (int i = from; i < from + count; i++) {
                producer.send(new ProducerRecord<>(topic, "key-" + (i % 17), ("record-" + i)
                        .getBytes(StandardCharsets.UTF_8)));
            }
        }
    }

    private void sendTo(int partition, String payload) {
        try (KafkaProducer<String, byte[]> producer = producer()) {
            producer.send(new ProducerRecord<>(topic, partition, "key", payload.getBytes(StandardCharsets.UTF_8)));
        }
    }

    private static KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrap()),
                new StringSerializer(), new ByteArraySerializer());
    }

    /** Applies each record as a row (in the batch's transaction) and counts fences and failures. */
    private final class Recorder implements BatchHandler<List<ConsumerRecord<String, byte[]>>, Integer> {

        final AtomicInteger fenced = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();
        final AtomicInteger failures = new AtomicInteger();

        @Override
        public List<ConsumerRecord<String, byte[]>> prepare(ConsumedBatch batch) {
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>(batch.count());
            batch.records().forEach(records::add);
            return records;
        }

        @Override
        public Integer apply(List<ConsumerRecord<String, byte[]>> records) {
            for (ConsumerRecord<String, byte[]> record : records) {
                jdbc.sql("""
                                insert into test_applied (topic, kafka_partition, kafka_offset, payload, applied_by)
                                values (:topic, :partition, :offset, :payload, :by)""")
                        .param("topic", record.topic()).param("partition", record.partition())
                        .param("offset", record.offset())
                        .param("payload", new String(record.value(), StandardCharsets.UTF_8))
                        .param("by", Thread.currentThread().getName()).update();
            }
            if (!records.isEmpty() && failures.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
                // as a lost connection or a lock timeout would: nothing a record caused, so the batch is read again whole
                throw new QueryTimeoutException("failing on purpose after writing the batch");
            }
            return records.size();
        }

        @Override
        public void fenced(String reason) {
            fenced.incrementAndGet();
        }

        @Override
        public void failed(RuntimeException failure) {
            failed.incrementAndGet();
        }
    }

    /** A handler's work: records to write to the checked table, or one record to keep as set aside with a reason. */
    private record Work(List<ConsumerRecord<String, byte[]>> records, String setAsideFor) {
    }

    /** Writes each record to a table whose check refuses payloads starting "poison"; sets them aside if told to. */
    private final class Checked implements BatchHandler<Work, Integer> {

        final AtomicInteger failed = new AtomicInteger();
        private final boolean setsAside;

        Checked(boolean setsAside) {
            this.setsAside = setsAside;
        }

        @Override
        public Work prepare(ConsumedBatch batch) {
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>(batch.count());
            batch.records().forEach(records::add);
            return new Work(records, null);
        }

        @Override
        public Integer apply(Work work) {
            for (ConsumerRecord<String, byte[]> record : work.records()) {
                String payload = new String(record.value(), StandardCharsets.UTF_8);
                if (work.setAsideFor() != null) {
                    jdbc.sql("""
                                    insert into test_set_aside (topic, kafka_partition, kafka_offset, payload, reason)
                                    values (:topic, :partition, :offset, :payload, :reason)""")
                            .param("topic", record.topic()).param("partition", record.partition())
                            .param("offset", record.offset()).param("payload", payload)
                            .param("reason", work.setAsideFor()).update();
                } else {
                    jdbc.sql("""
                                    insert into test_checked (topic, kafka_partition, kafka_offset, payload)
                                    values (:topic, :partition, :offset, :payload)""")
                            .param("topic", record.topic()).param("partition", record.partition())
                            .param("offset", record.offset()).param("payload", payload).update();
                }
            }
            return work.records().size();
        }

        @Override
        public void failed(RuntimeException failure) {
            failed.incrementAndGet();
        }

        @Override
        public Work setAside(ConsumedBatch record, RuntimeException failure, String reason) {
            if (!setsAside) {
                return null;
            }
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>(1);
            record.records().forEach(records::add);
            return new Work(records, reason);
        }
    }
}
