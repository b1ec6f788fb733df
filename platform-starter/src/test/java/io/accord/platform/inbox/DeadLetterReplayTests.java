package io.accord.platform.inbox;

import io.accord.contracts.CloudEventHeaders;
import io.accord.contracts.Roles;
import io.accord.contracts.Topics;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestInfrastructure;
import io.accord.testsupport.TestJwt;
import io.accord.testsupport.TestKafka;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.test.context.ContextConfiguration;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A record whose handler fails is dead-lettered for real (the starter's error handler, the real test broker), its
 * cause is fixed, and ops replay it through {@code <api>/admin/dead-letters}: it is consumed once, a dead letter is
 * never replayed twice, and a record sent again all the same is skipped by the inbox. Only ops and platform admins
 * reach the dead letters; unknown topics and offsets are problems.
 */
@SpringBootTest(classes = DeadLetterReplayTests.Application.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.application.name=platform-replay",
                "accord.platform.api-base-path=" + DeadLetterReplayTests.API})
@ContextConfiguration(initializers = DeadLetterReplayTests.Infrastructure.class)
class DeadLetterReplayTests {

    static final String API = "/api/platform-test";
    static final String DEAD_LETTERS = API + "/admin/dead-letters";
    /** A topic of this run: the test broker and database outlive a run, and the replays remembered must match it. */
    static final String TOPIC = "inbox.replay-tests-" + UUID.randomUUID();
    static final String DLT = Topics.deadLetter(TOPIC);
    /** Subjects whose events the listener cannot apply: the bug that is fixed before the replay. */
    static final Set<String> BROKEN = ConcurrentHashMap.newKeySet();

    private final JdbcClient jdbc;
    private final TestHttp ops;
    private final TestHttp admin;
    private final TestHttp manager;
    private final TestHttp auditor;

    DeadLetterReplayTests(JdbcClient jdbc, @LocalServerPort int port) {
        this.jdbc = jdbc;
        this.ops = TestHttp.localPort(port).as(TestJwt.staff("olga-ops", Roles.OPS));
        this.admin = TestHttp.localPort(port).as(TestJwt.staff("pat-admin", Roles.PLATFORM_ADMIN));
        this.manager = TestHttp.localPort(port).as(TestJwt.staff("max-manager", Roles.PARTNER_MANAGER));
        this.auditor = TestHttp.localPort(port).as(TestJwt.staff("ada-auditor", Roles.AUDITOR));
    }

    @Test
    void aDeadLetterReplayedOnceItsCauseIsFixedIsConsumedOnceAndNeverReplayedTwice() {
        String key = "replay-" + UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        BROKEN.add(key);
        TestKafka.send(TestKafka.cloudEvent(TOPIC, key, "TestHappened", eventId, key, "{\"secret\":\"s-1\"}"));
        ConsumerRecord<String, byte[]> dead = awaitDeadLetter(key);

        JsonNode listed = listed(ops.get(DEAD_LETTERS + "?topic=" + DLT), key);
        assertThat(listed.get("offset").asLong()).isEqualTo(dead.offset());
        assertThat(listed.get("originalTopic").asString()).isEqualTo(TOPIC);
        assertThat(listed.get("originalPartition").asInt()).isZero();
        assertThat(listed.get("originalOffset").isNumber()).isTrue();
        assertThat(listed.get("consumerGroup").asString()).isEqualTo("platform-replay");
        assertThat(listed.get("eventId").asString()).isEqualTo(eventId);
        assertThat(listed.path("exception").asString()).isEqualTo(IllegalStateException.class.getName());
        assertThat(listed.path("message").toString()).contains("the feature cannot apply");
        assertThat(listed.path("replayedAt").isNull() || listed.path("replayedAt").isMissingNode()).isTrue();
        assertThat(listed.has("payload")).as("never the payload unless asked").isFalse();
        assertThat(listed(ops.get(DEAD_LETTERS + "?topic=" + DLT + "&payload=true&limit=1000"), key)
                .get("payload").asString()).isEqualTo("{\"secret\":\"s-1\"}");

        BROKEN.remove(key);
        String replayPath = DEAD_LETTERS + "/" + DLT + "/" + dead.partition() + "/" + dead.offset() + "/replay";
        TestHttp.Response replayed = ops.post(replayPath, "");

        assertThat(replayed.status()).as(replayed.body()).isEqualTo(200);
        assertThat(replayed.json().get("outcome").asString()).isEqualTo("REPLAYED");
        assertThat(replayed.json().get("replayedTo").asString()).startsWith(TOPIC + "-0@");
        await().atMost(Duration.ofSeconds(30)).until(() -> effects(eventId) == 1);
        ConsumerRecord<String, byte[]> republished = TestKafka.awaitRecords(TOPIC,
                record -> key.equals(record.key()) && record.headers().lastHeader("accord-replayed-from") != null, 1,
                Duration.ofSeconds(30)).getFirst();
        assertThat(TestKafka.header(republished, "accord-replayed-from"))
                .isEqualTo(DLT + "-" + dead.partition() + "@" + dead.offset());
        assertThat(TestKafka.header(republished, CloudEventHeaders.ID)).isEqualTo(eventId);
        assertThat(TestKafka.value(republished)).isEqualTo("{\"secret\":\"s-1\"}");
        assertThat(republished.headers()).extracting(Header::key).noneMatch(name -> name.startsWith("kafka_dlt-"));

        TestHttp.Response again = admin.post(replayPath, "");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("outcome").asString()).isEqualTo("ALREADY_REPLAYED");
        assertThat(again.json().get("replayedBy").asString()).isEqualTo("olga-ops");
        assertThat(replayedRows(dead)).isEqualTo(1);
        assertThat(audited(DLT + "-" + dead.partition() + "@" + dead.offset())).isEqualTo(1);
        assertThat(listed(ops.get(DEAD_LETTERS + "?topic=" + DLT + "&limit=1000"), key).path("replayedAt").isString())
                .isTrue();

        // sent once more all the same (as a replay taking over an unconfirmed claim does): the inbox skips the event;
        // a later event of the key, on the same partition, shows the copy was consumed before it
        TestKafka.send(copy(republished));
        String later = UUID.randomUUID().toString();
        TestKafka.send(TestKafka.cloudEvent(TOPIC, key, "TestHappened", later, key, "{}"));
        await().atMost(Duration.ofSeconds(30)).until(() -> effects(later) == 1);
        assertThat(effects(eventId)).isEqualTo(1);
    }

    /**
     * The transaction confirming a replay fails after the broker took the record (the database refuses its audit
     * entry): the replay stays claimed, so asking again neither sends it again nor claims it was never sent, until
     * the claim is older than {@link ReplayClaims#UNCONFIRMED_AFTER}; then it is sent again and the inbox skips it.
     */
    @Test
    void aReplayWhoseConfirmationFailedAfterTheSendIsNotSentAgainUntilItsClaimIsOld() {
        String key = "unconfirmed-" + UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        BROKEN.add(key);
        TestKafka.send(TestKafka.cloudEvent(TOPIC, key, "TestHappened", eventId, key, "{}"));
        ConsumerRecord<String, byte[]> dead = awaitDeadLetter(key);
        BROKEN.remove(key);
        String deadLetter = DLT + "-" + dead.partition() + "@" + dead.offset();
        String replayPath = DEAD_LETTERS + "/" + DLT + "/" + dead.partition() + "/" + dead.offset() + "/replay";

        TestHttp.Response unconfirmed;
        String refusal = "test_refuse_" + UUID.randomUUID().toString().replace("-", "");
        jdbc.sql("create function " + refusal + "() returns trigger language plpgsql as $$ begin"
                + " raise exception 'refused by a test' using errcode = 'P0001'; end $$").update();
        jdbc.sql("create trigger " + refusal + " before insert on audit_event for each row when"
                + " (new.resource_type = 'dead-letter' and new.resource_id = '" + deadLetter + "')"
                + " execute function " + refusal + "()").update();
        try {
            unconfirmed = ops.post(replayPath, "");
        } finally {
            jdbc.sql("drop trigger if exists " + refusal + " on audit_event").update();
            jdbc.sql("drop function if exists " + refusal + "()").update();
        }

        assertThat(unconfirmed.status()).as(unconfirmed.body()).isGreaterThanOrEqualTo(500);
        await().atMost(Duration.ofSeconds(30)).until(() -> effects(eventId) == 1);
        TestHttp.Response again = admin.post(replayPath, "");
        assertThat(again.status()).as("claimed, maybe sent: not sent again").isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(again.json().get("detail").asString()).contains("is being replayed", "olga-ops");
        TestHttp.Response all = admin.post(DEAD_LETTERS + "/" + DLT + "/replay?upToOffset=" + dead.offset(), "");
        assertThat(all.status()).as(all.body()).isEqualTo(200);
        assertThat(outcome(all, dead.offset())).isEqualTo("IN_PROGRESS");
        assertThat(listed(ops.get(DEAD_LETTERS + "?topic=" + DLT + "&limit=1000"), key).get("replayState")
                .asString()).isEqualTo("SENDING");

        jdbc.sql("""
                        update dead_letter_replay set replayed_at = replayed_at - interval '1 hour'
                        where dead_letter_topic = :topic and dead_letter_partition = :partition
                          and dead_letter_offset = :offset""")
                .param("topic", dead.topic()).param("partition", dead.partition()).param("offset", dead.offset())
                .update();
        TestHttp.Response resent = admin.post(replayPath, "");

        assertThat(resent.status()).as(resent.body()).isEqualTo(200);
        assertThat(resent.json().get("outcome").asString()).isEqualTo("REPLAYED");
        assertThat(resent.json().get("replayedBy").asString()).isEqualTo("pat-admin");
        assertThat(admin.post(replayPath, "").json().get("outcome").asString()).isEqualTo("ALREADY_REPLAYED");
        assertThat(audited(deadLetter)).isEqualTo(1);
        assertThat(listed(ops.get(DEAD_LETTERS + "?topic=" + DLT + "&limit=1000"), key).get("replayState")
                .asString()).isEqualTo("SENT");
        // a later event of the key, on the same partition, shows both copies were consumed before it: applied once
        String later = UUID.randomUUID().toString();
        TestKafka.send(TestKafka.cloudEvent(TOPIC, key, "TestHappened", later, key, "{}"));
        await().atMost(Duration.ofSeconds(30)).until(() -> effects(later) == 1);
        assertThat(effects(eventId)).isEqualTo(1);
        assertThat(TestKafka.awaitRecords(TOPIC, record -> key.equals(record.key()), 4, Duration.ofSeconds(30))
                .stream().filter(record -> record.headers().lastHeader(DeadLetterReplays.REPLAYED_FROM) != null))
                .as("sent by the unconfirmed replay and by the one after its claim was old, not in between")
                .hasSize(2);
    }

    @Test
    void replayingATopicUpToAnOffsetReplaysThisServicesDeadLettersOnceAndLeavesOthers() {
        String first = "first-" + UUID.randomUUID();
        String second = "second-" + UUID.randomUUID();
        String firstId = UUID.randomUUID().toString();
        String secondId = UUID.randomUUID().toString();
        BROKEN.addAll(List.of(first, second));
        TestKafka.send(TestKafka.cloudEvent(TOPIC, first, "TestHappened", firstId, first, "{}"));
        TestKafka.send(TestKafka.cloudEvent(TOPIC, second, "TestHappened", secondId, second, "{}"));
        String unreadable = "unreadable-" + UUID.randomUUID();
        TestKafka.send(new ProducerRecord<>(TOPIC, unreadable, "no cloud event".getBytes(StandardCharsets.UTF_8)));
        String foreign = "foreign-" + UUID.randomUUID();
        ProducerRecord<String, byte[]> ofAnotherService = TestKafka.cloudEvent(DLT, foreign, "TestHappened",
                UUID.randomUUID().toString(), foreign, "{}");
        ofAnotherService.headers().add(KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP,
                "another-service".getBytes(StandardCharsets.UTF_8));
        TestKafka.send(ofAnotherService);
        long foreignOffset = awaitDeadLetter(foreign).offset();
        long firstOffset = awaitDeadLetter(first).offset();
        long secondOffset = awaitDeadLetter(second).offset();
        awaitDeadLetter(unreadable);
        BROKEN.removeAll(List.of(first, second));

        TestHttp.Response upToFirst = ops.post(DEAD_LETTERS + "/" + DLT + "/replay?upToOffset=" + firstOffset, "");

        assertThat(upToFirst.status()).as(upToFirst.body()).isEqualTo(200);
        assertThat(outcome(upToFirst, firstOffset)).isEqualTo("REPLAYED");
        assertThat(outcome(upToFirst, secondOffset)).isNull();
        await().atMost(Duration.ofSeconds(30)).until(() -> effects(firstId) == 1);
        assertThat(effects(secondId)).isZero();

        TestHttp.Response all = admin.post(DEAD_LETTERS + "/" + DLT + "/replay", "");

        assertThat(all.status()).as(all.body()).isEqualTo(200);
        assertThat(outcome(all, firstOffset)).isEqualTo("ALREADY_REPLAYED");
        assertThat(outcome(all, secondOffset)).isEqualTo("REPLAYED");
        assertThat(all.json().get("notReplayable").asLong()).as("the record that is no CloudEvent").isPositive();
        assertThat(outcome(all, foreignOffset)).as("another service's dead letter is not this one's to replay")
                .isNull();
        await().atMost(Duration.ofSeconds(30)).until(() -> effects(secondId) == 1);
        assertThat(effects(firstId)).isEqualTo(1);
        TestHttp.Response listed = ops.get(DEAD_LETTERS + "?topic=" + DLT + "&limit=1000");
        assertThat(listed.json().valueStream().map(letter -> letter.get("key").asString()))
                .contains(first, second, unreadable).doesNotContain(foreign);
        assertThat(listed(listed, unreadable).get("exception").asString())
                .isEqualTo(PoisonMessageException.class.getName());
    }

    @Test
    void onlyOpsAndPlatformAdminsReachDeadLettersAndUnknownTopicsAndOffsetsAreProblems() {
        String replayFirst = DEAD_LETTERS + "/" + DLT + "/0/0/replay";
        for (TestHttp other : List.of(manager, auditor)) {
            TestHttp.Response denied = other.get(DEAD_LETTERS);
            assertThat(denied.status()).isEqualTo(403);
            assertThat(denied.contentType()).startsWith("application/problem+json");
            assertThat(other.post(replayFirst, "").status()).isEqualTo(403);
            assertThat(other.post(DEAD_LETTERS + "/" + DLT + "/replay", "").status()).isEqualTo(403);
        }
        assertThat(admin.get(DEAD_LETTERS).status()).isEqualTo(200);
        assertThat(ops.get(DEAD_LETTERS).header("X-Total-Count")).isNotNull();

        assertProblem(ops.post(DEAD_LETTERS + "/" + Topics.deadLetter(Topics.USAGE_RAW) + "/0/0/replay", ""), 404);
        assertProblem(ops.post(DEAD_LETTERS + "/unknown.DLT/replay", ""), 404);
        assertProblem(ops.post(DEAD_LETTERS + "/" + DLT + "/0/" + Long.MAX_VALUE + "/replay", ""), 404);
        assertProblem(ops.post(DEAD_LETTERS + "/" + DLT + "/replay?partition=7", ""), 404);
        assertProblem(ops.post(DEAD_LETTERS + "/" + DLT + "/0/-1/replay", ""), 400);
        assertProblem(ops.post(DEAD_LETTERS + "/" + DLT + "/0/x/replay", ""), 400);
        assertProblem(ops.get(DEAD_LETTERS + "?topic=unknown.DLT"), 400);
        assertProblem(ops.get(DEAD_LETTERS + "?limit=0"), 400);
        TestHttp.Response beyond = ops.get(DEAD_LETTERS + "?offset=" + Integer.MAX_VALUE);
        assertThat(beyond.status()).as(beyond.body()).isEqualTo(200);
        assertThat(beyond.json().isEmpty()).isTrue();
    }

    private static void assertProblem(TestHttp.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    private static ConsumerRecord<String, byte[]> awaitDeadLetter(String key) {
        return TestKafka.awaitRecords(DLT, record -> key.equals(record.key()), 1, Duration.ofSeconds(60)).getFirst();
    }

    private static JsonNode listed(TestHttp.Response list, String key) {
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        return list.json().valueStream().filter(letter -> key.equals(letter.get("key").asString())).findFirst()
                .orElseThrow(() -> new AssertionError("no dead letter of key " + key + " in " + list.body()));
    }

    private static String outcome(TestHttp.Response summary, long offset) {
        return summary.json().get("records").valueStream()
                .filter(record -> record.get("deadLetter").asString().equals(DLT + "-0@" + offset))
                .map(record -> record.get("outcome").asString()).findFirst().orElse(null);
    }

    private static ProducerRecord<String, byte[]> copy(ConsumerRecord<String, byte[]> record) {
        ProducerRecord<String, byte[]> copy = new ProducerRecord<>(record.topic(), record.key(), record.value());
        record.headers().forEach(header -> copy.headers().add(header));
        return copy;
    }

    private long effects(String eventId) {
        return jdbc.sql("select count(*) from replay_tests_effect where event_id = :id").param("id", eventId)
                .query(Long.class).single();
    }

    private long replayedRows(ConsumerRecord<String, byte[]> dead) {
        return jdbc.sql("""
                        select count(*) from dead_letter_replay
                        where dead_letter_topic = :topic and dead_letter_partition = :partition
                          and dead_letter_offset = :offset""")
                .param("topic", dead.topic()).param("partition", dead.partition()).param("offset", dead.offset())
                .query(Long.class).single();
    }

    private long audited(String deadLetter) {
        return jdbc.sql("""
                        select count(*) from audit_event
                        where resource_type = 'dead-letter' and resource_id = :id
                          and action = 'dead-letter-replayed'""")
                .param("id", deadLetter).query(Long.class).single();
    }

    /** The starter alone, with one inbox listener that cannot apply the events of a {@link #BROKEN} subject. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(Listener.class)
    static class Application {
    }

    static class Listener {

        private final Inbox inbox;
        private final JdbcClient jdbc;

        Listener(Inbox inbox, JdbcClient jdbc) {
            this.inbox = inbox;
            this.jdbc = jdbc;
            jdbc.sql("create table if not exists replay_tests_effect (event_id text not null)").update();
        }

        @KafkaListener(topics = "${accord.test.replay-topic}", batch = "true")
        void on(List<ConsumerRecord<String, byte[]>> records) {
            inbox.receiveAll("replay-tests", records, event -> {
                if (BROKEN.contains(event.subject())) {
                    throw new IllegalStateException("the feature cannot apply " + event.id());
                }
                jdbc.sql("insert into replay_tests_effect (event_id) values (:id)")
                        .param("id", event.id().toString()).update();
            });
        }
    }

    /** The test PostgreSQL and broker, this run's topic and its DLT created first (the broker creates none). */
    static class Infrastructure implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            try (Admin kafka = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                    TestInfrastructure.kafkaBootstrap()))) {
                Set<String> existing = kafka.listTopics().names().get(30, TimeUnit.SECONDS);
                kafka.createTopics(List.of(TOPIC, DLT).stream().filter(topic -> !existing.contains(topic))
                        .map(topic -> new NewTopic(topic, 1, (short) 1)).toList()).all().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("cannot create the test topics", e);
            }
            TestPropertyValues.of(
                    "accord.test.replay-topic=" + TOPIC,
                    "spring.datasource.url=" + TestInfrastructure.database("test_platform_replay"),
                    "spring.datasource.username=" + TestInfrastructure.dbUser(),
                    "spring.datasource.password=" + TestInfrastructure.dbPassword(),
                    "spring.kafka.bootstrap-servers=" + TestInfrastructure.kafkaBootstrap(),
                    "accord.platform.jwt.issuer-uri=" + TestJwt.ISSUER,
                    "accord.platform.jwt.public-key-location=file:" + TestJwt.publicKeyFile()
            ).applyTo(context);
        }
    }
}
