package io.accord.launcher;

import io.accord.contracts.Topics;
import io.accord.infra.KafkaBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class EventsCommandTests {

    @TempDir
    static Path kafkaHome;

    private static KafkaBroker broker;

    @BeforeAll
    static void startBrokerWithThreeEvents() throws Exception {
        broker = KafkaBroker.start(kafkaHome, 0);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(Topics.CATALOG_EVENTS, 2, (short) 1),
                    new NewTopic(Topics.deadLetter(Topics.CATALOG_EVENTS), 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        try (var producer = new KafkaProducer<String, String>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            for (int i = 1; i <= 3; i++) {
                var record = new ProducerRecord<>(Topics.CATALOG_EVENTS, "offering-" + i, "{\"n\":" + i + "}");
                record.headers().add("ce_type", "OfferingLaunched".getBytes(StandardCharsets.UTF_8));
                record.headers().add("ce_sequence", String.valueOf(i).getBytes(StandardCharsets.UTF_8));
                producer.send(record).get();
            }
            // as Spring Kafka's DeadLetterPublishingRecoverer writes it: partition and offset as big-endian numbers
            var dead = new ProducerRecord<>(Topics.deadLetter(Topics.CATALOG_EVENTS), "offering-9", "{\"n\":9}");
            dead.headers().add("ce_type", "OfferingLaunched".getBytes(StandardCharsets.UTF_8))
                    .add("kafka_dlt-original-topic", Topics.CATALOG_EVENTS.getBytes(StandardCharsets.UTF_8))
                    .add("kafka_dlt-original-partition", ByteBuffer.allocate(4).putInt(1).array())
                    .add("kafka_dlt-original-offset", ByteBuffer.allocate(8).putLong(4711).array())
                    .add("kafka_dlt-original-consumer-group", "rating".getBytes(StandardCharsets.UTF_8))
                    .add("kafka_dlt-exception-fqcn", "org.springframework.kafka.listener.ListenerExecutionFailedException"
                            .getBytes(StandardCharsets.UTF_8))
                    .add("kafka_dlt-exception-cause-fqcn", "java.lang.IllegalStateException"
                            .getBytes(StandardCharsets.UTF_8))
                    .add("kafka_dlt-exception-message", "Listener failed;\n no such offering"
                            .getBytes(StandardCharsets.UTF_8));
            producer.send(dead).get();
        }
    }

    @AfterAll
    static void stopBroker() {
        broker.stop();
    }

    @Test
    void printsTheNewestEventsWithTheirTypeKeyAndData() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        int exit = new EventsCommand(broker.bootstrapServers(), new PrintStream(printed, true, StandardCharsets.UTF_8))
                .run(Topics.CATALOG_EVENTS, 2, false);

        String output = printed.toString(StandardCharsets.UTF_8);
        assertThat(exit).isZero();
        assertThat(output).contains("OfferingLaunched key=offering-2 subject=- sequence=2 {\"n\":2}")
                .contains("key=offering-3").doesNotContain("key=offering-1");
    }

    @Test
    void printsWhereADeadLetterCameFromAndWhyItWasGivenUp() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        int exit = new EventsCommand(broker.bootstrapServers(), new PrintStream(printed, true, StandardCharsets.UTF_8))
                .run(Topics.deadLetter(Topics.CATALOG_EVENTS), 5, false);

        assertThat(exit).isZero();
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("OfferingLaunched key=offering-9 subject=-"
                + " sequence=- original=" + Topics.CATALOG_EVENTS + "-1@4711 group=rating"
                + " exception=org.springframework.kafka.listener.ListenerExecutionFailedException"
                + " cause=java.lang.IllegalStateException message=\"Listener failed; no such offering\" {\"n\":9}");
    }

    @Test
    void printsNoDeadLetterDetailsForAnOrdinaryEvent() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        new EventsCommand(broker.bootstrapServers(), new PrintStream(printed, true, StandardCharsets.UTF_8))
                .run(Topics.CATALOG_EVENTS, 3, false);

        assertThat(printed.toString(StandardCharsets.UTF_8)).doesNotContain("original=", "exception=");
    }

    @Test
    void namesTheKnownTopicsForAnUnknownOne() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        int exit = new EventsCommand(broker.bootstrapServers(), new PrintStream(printed, true, StandardCharsets.UTF_8))
                .run("catalog.events", 5, false);

        assertThat(exit).isEqualTo(2);
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("unknown topic catalog.events")
                .contains(Topics.CATALOG_EVENTS);
    }
}
