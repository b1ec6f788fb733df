package io.accord.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class KafkaBrokerTests {

    private static KafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = KafkaBroker.start(Path.of("target", "kafka-broker-tests", UUID.randomUUID().toString()), 0);
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void createsTopicsOnceWithTheRequestedPartitions() throws Exception {
        broker.createTopics(List.of("partner.events.v1", "partner.events.v1.DLT"), 3);
        broker.createTopics(List.of("partner.events.v1"), 3);

        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            var description = admin.describeTopics(List.of("partner.events.v1")).allTopicNames().get(10, TimeUnit.SECONDS);
            assertThat(description.get("partner.events.v1").partitions()).hasSize(3);
            assertThat(admin.listTopics().names().get(10, TimeUnit.SECONDS))
                    .contains("partner.events.v1", "partner.events.v1.DLT");
        }
    }

    @Test
    void keepsRecordsAcrossAStopAndRestart() throws Exception {
        String topic = "usage.raw." + UUID.randomUUID();
        broker.createTopics(List.of(topic), 1);
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(new ProducerRecord<>(topic, "cdr-1", "before")).get(10, TimeUnit.SECONDS);
            assertThat(values(topic, 1)).containsExactly("before");

            long stoppedPid = broker.pid();
            broker.stop();
            assertThat(Processes.isAlive(stoppedPid)).isFalse();
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>(topic, "cdr-2", "lost")).get(15, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class);

            broker.restart();
            assertThat(broker.pid()).isNotEqualTo(stoppedPid);
            // each run has its own log (the start-up cache reads whether the previous run completed it)
            assertThat(Files.readString(broker.logFile().resolveSibling("broker.previous.log")))
                    .contains("Kafka Server started");
            assertThat(Files.readString(broker.logFile())).doesNotContain("shutting down");
            producer.send(new ProducerRecord<>(topic, "cdr-3", "after")).get(30, TimeUnit.SECONDS);
        }
        assertThat(values(topic, 2)).containsExactly("before", "after");
    }

    private static KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                // fail fast while the broker is down instead of buffering for two minutes
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 4_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 4_000,
                ProducerConfig.RETRY_BACKOFF_MAX_MS_CONFIG, 200,
                ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 200),
                new StringSerializer(), new StringSerializer());
    }

    /** Reads the topic from the start with a fresh group until {@code expected} records arrived. */
    private static List<String> values(String topic, int expected) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    values.add(record.value());
                }
            }
        }
        return values;
    }
}
