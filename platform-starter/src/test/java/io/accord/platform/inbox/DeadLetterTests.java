package io.accord.platform.inbox;

import io.accord.contracts.Topics;
import io.accord.testsupport.TestInfrastructure;
import io.accord.testsupport.TestJwt;
import io.accord.testsupport.TestKafka;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.test.context.ContextConfiguration;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the starter's error handler gives up on reaches {@code <topic>.DLT} and is counted in
 * {@code accord.inbox.dead.letters} by topic, consumer group and exception class: an unreadable record at once, a
 * record whose handler keeps failing after the retries; each logged once at ERROR for on-call, without its payload. A
 * listener on the real test broker, as a service has one.
 */
@SpringBootTest(classes = DeadLetterTests.Application.class, properties = "spring.application.name=platform-inbox")
@ContextConfiguration(initializers = DeadLetterTests.Infrastructure.class)
@ExtendWith(OutputCaptureExtension.class)
class DeadLetterTests {

    static final String TOPIC = "inbox.dead-letter-tests";
    static final String FAILING = "TestFailing";

    private final MeterRegistry meters;

    DeadLetterTests(MeterRegistry meters) {
        this.meters = meters;
    }

    @Test
    void aRecordSentToTheDeadLetterTopicIsCountedByTopicGroupAndExceptionAndLoggedOnce(CapturedOutput output) {
        String unreadable = "unreadable-" + UUID.randomUUID();
        String failing = "failing-" + UUID.randomUUID();
        String payload = "not a cloud event " + UUID.randomUUID();
        String data = "{\"secret\":\"" + UUID.randomUUID() + "\"}";
        TestKafka.send(new ProducerRecord<>(TOPIC, unreadable, payload.getBytes(StandardCharsets.UTF_8)));
        TestKafka.send(TestKafka.cloudEvent(TOPIC, failing, FAILING, UUID.randomUUID().toString(), "subject", data));

        List<ConsumerRecord<String, byte[]>> dead = TestKafka.awaitRecords(Topics.deadLetter(TOPIC),
                record -> Set.of(unreadable, failing).contains(record.key()), 2, Duration.ofSeconds(60));

        assertThat(dead).extracting(ConsumerRecord::key).containsExactlyInAnyOrder(unreadable, failing);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(deadLetters("PoisonMessageException")).isEqualTo(1.0);
            assertThat(deadLetters("IllegalStateException")).isEqualTo(1.0);
        });
        assertThat(deadLetterLines(output, unreadable)).singleElement().asString()
                .contains("ERROR", "Dead-lettered record " + TOPIC + "-0@", "of consumer group platform-inbox",
                        "to " + Topics.deadLetter(TOPIC), PoisonMessageException.class.getName())
                .doesNotContain(payload);
        assertThat(deadLetterLines(output, failing)).singleElement().asString()
                .contains("ERROR", "of consumer group platform-inbox", IllegalStateException.class.getName(),
                        "the feature cannot apply")
                .doesNotContain(data);
    }

    private static List<String> deadLetterLines(CapturedOutput output, String key) {
        return output.getOut().lines().filter(line -> line.contains("Dead-lettered record"))
                .filter(line -> line.contains("(key " + key + ")")).toList();
    }

    private double deadLetters(String exception) {
        Counter counter = meters.find("accord.inbox.dead.letters")
                .tags("topic", TOPIC, "group", "platform-inbox", "exception", exception).counter();
        return counter == null ? 0 : counter.count();
    }

    /** The starter alone, with one inbox listener whose handler fails on events of type {@value #FAILING}. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(Listener.class)
    static class Application {
    }

    static class Listener {

        private final Inbox inbox;

        Listener(Inbox inbox) {
            this.inbox = inbox;
        }

        @KafkaListener(topics = TOPIC, batch = "true")
        void on(List<ConsumerRecord<String, byte[]>> records) {
            inbox.receiveAll("dead-letter-tests", records, event -> {
                if (FAILING.equals(event.type())) {
                    throw new IllegalStateException("the feature cannot apply " + event.id());
                }
            });
        }
    }

    /** The test PostgreSQL and broker, the listener's topic and its DLT created first (the broker creates none). */
    static class Infrastructure implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                    TestInfrastructure.kafkaBootstrap()))) {
                Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
                List<NewTopic> missing = List.of(TOPIC, Topics.deadLetter(TOPIC)).stream()
                        .filter(topic -> !existing.contains(topic)).map(topic -> new NewTopic(topic, 1, (short) 1))
                        .toList();
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("cannot create the test topics", e);
            }
            TestPropertyValues.of(
                    "spring.datasource.url=" + TestInfrastructure.database("test_platform_inbox"),
                    "spring.datasource.username=" + TestInfrastructure.dbUser(),
                    "spring.datasource.password=" + TestInfrastructure.dbPassword(),
                    "spring.kafka.bootstrap-servers=" + TestInfrastructure.kafkaBootstrap(),
                    "accord.platform.jwt.issuer-uri=" + TestJwt.ISSUER,
                    "accord.platform.jwt.public-key-location=file:" + TestJwt.publicKeyFile()
            ).applyTo(context);
        }
    }
}
