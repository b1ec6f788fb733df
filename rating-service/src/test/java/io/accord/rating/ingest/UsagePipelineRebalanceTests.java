package io.accord.rating.ingest;

import io.accord.contracts.Topics;
import io.accord.contracts.usage.UsageReported;
import io.accord.rating.model.RatingModel;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.TestInfrastructure;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.accord.rating.ingest.UsageFixtures.activate;
import static io.accord.rating.ingest.UsageFixtures.awaitRatable;
import static io.accord.rating.ingest.UsageFixtures.call;
import static io.accord.rating.ingest.UsageFixtures.launchVoiceOffering;
import static io.accord.rating.ingest.UsageFixtures.sendAll;
import static io.accord.rating.ingest.UsageFixtures.sendUsage;
import static io.accord.rating.ingest.UsageFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * No loss and no double count through rebalances and restarts: consumers of one group joining and leaving while
 * usage flows, and a restart that must resume from the database offsets even when Kafka's are gone.
 */
@AccordServiceTest
class UsagePipelineRebalanceTests {

    private static final int SUBSCRIBERS = 24;

    private final RatingModel model;
    private final JdbcClient jdbc;
    private final UsagePipelines pipelines;
    private final IngestProperties properties;

    UsagePipelineRebalanceTests(RatingModel model, JdbcClient jdbc, UsagePipelines pipelines,
                                IngestProperties properties) {
        this.model = model;
        this.jdbc = jdbc;
        this.pipelines = pipelines;
        this.properties = properties;
    }

    @Test
    void consumersJoiningAndLeavingTheGroupConserveCountsAndSums() {
        String id = unique();
        String source = "rebalance-" + id;
        launchVoiceOffering("off-" + id, null, "0.01");
        List<String> subscribers = new ArrayList<>();
        for (int i = 0; i < SUBSCRIBERS; i++) {
            subscribers.add("+4917" + i + id);
            activate("prod-" + i + "-" + id, subscribers.get(i), "off-" + id, null);
        }
        awaitRatable(model, subscribers.toArray(String[]::new));
        Expected expected = new Expected();

        io.accord.platform.kafka.DatabaseOffsetConsumer<?, ?> second = pipelines.newPipeline("rebalance-second-" + id);
        io.accord.platform.kafka.DatabaseOffsetConsumer<?, ?> third = pipelines.newPipeline("rebalance-third-" + id);
        try {
            sendAll(wave(source, subscribers, 0, 400, expected));
            second.start();
            await().atMost(Duration.ofSeconds(60)).until(() -> !second.assigned().isEmpty());
            sendAll(wave(source, subscribers, 400, 400, expected));
            await().atMost(Duration.ofSeconds(60)).until(() -> second.processed() > 0);
            third.start();
            await().atMost(Duration.ofSeconds(60)).until(() -> !third.assigned().isEmpty());
            sendAll(wave(source, subscribers, 800, 400, expected));
            await().atMost(Duration.ofSeconds(60)).until(() -> third.processed() > 0);
            // leave while records flow: the partitions move on mid-stream
            CompletableFuture<Void> flowing = CompletableFuture.runAsync(
                    () -> sendAll(wave(source, subscribers, 1200, 400, expected)));
            second.stop();
            flowing.join();
            flowing = CompletableFuture.runAsync(() -> sendAll(wave(source, subscribers, 1600, 400, expected)));
            third.stop();
            flowing.join();

            await().atMost(Duration.ofSeconds(120)).until(() -> received(source) == expected.received);
        } finally {
            second.stop();
            third.stop();
        }
        assertThat(counters(source)).containsExactly(expected.received, expected.unique, 0L, expected.duplicates);
        Map<String, Object> rated = jdbc.sql("""
                        select count(*) as records, count(distinct usage_id) as ids, sum(charge) as charge,
                               sum(billed_quantity) as billed from usage_rated where source = :source""")
                .param("source", source).query().singleRow();
        assertThat(((Number) rated.get("records")).longValue()).isEqualTo(expected.unique);
        assertThat(((Number) rated.get("ids")).longValue()).isEqualTo(expected.unique);
        assertThat((BigDecimal) rated.get("billed")).isEqualByComparingTo(expected.billed);
        assertThat((BigDecimal) rated.get("charge")).isEqualByComparingTo(expected.charge());
        BigDecimal accumulated = jdbc.sql("select sum(quantity) from tier_accumulator where offering_id = :offering")
                .param("offering", "off-" + id).query(BigDecimal.class).single();
        assertThat(accumulated).isEqualByComparingTo(expected.billed);
        BigDecimal rolledUp = jdbc.sql("select sum(charge) from usage_rollup_hourly where offering_id = :offering")
                .param("offering", "off-" + id).query(BigDecimal.class).single();
        assertThat(rolledUp).isEqualByComparingTo(expected.charge());
        // per accumulator, the arrival orders are 1..n without a gap or a repeat
        assertThat(jdbc.sql("""
                        select count(*) from (select subscriber_id, count(*) as n, max(arrival_order) as last,
                                                     count(distinct arrival_order) as distinct_orders
                                              from usage_rated where source = :source group by subscriber_id) a
                        where n <> last or n <> distinct_orders""")
                .param("source", source).query(Long.class).single()).isZero();
    }

    @Test
    void aRestartResumesFromTheDatabaseOffsetsEvenWhenKafkasCommittedOffsetsAreReset() throws Exception {
        String id = unique();
        String source = "restart-" + id;
        String subscriber = "+49160" + id;
        launchVoiceOffering("off-" + id, null, "0.01");
        activate("prod-" + id, subscriber, "off-" + id, null);
        awaitRatable(model, subscriber);
        sendUsage(call(source, "first", subscriber, 90));
        await().atMost(Duration.ofSeconds(60)).until(() -> received(source) == 1);

        pipelines.stop();
        long receivedBefore;
        try {
            sendUsage(call(source, "first", subscriber, 90));
            sendUsage(call(source, "second", subscriber, 30));
            receivedBefore = jdbc.sql("select sum(received) from usage_source_day").query(Long.class).single();
            resetKafkaOffsetsToZero();
        } finally {
            pipelines.start();
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> received(source) == 3);
        assertThat(counters(source)).containsExactly(3L, 2L, 0L, 1L);
        assertThat(jdbc.sql("select sum(received) from usage_source_day").query(Long.class).single())
                .as("nothing before the database offsets is read again").isEqualTo(receivedBefore + 2);
        assertThat(jdbc.sql("select count(*) from usage_rated where source = :source and usage_id = 'first'")
                .param("source", source).query(Long.class).single()).isEqualTo(1);
    }

    private void resetKafkaOffsetsToZero() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.kafkaBootstrap()))) {
            Map<TopicPartition, OffsetAndMetadata> zero = new HashMap<>();
            for (int partition = 0; partition < 3; partition++) {
                zero.put(new TopicPartition(Topics.USAGE_RAW, partition), new OffsetAndMetadata(0));
            }
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> {
                admin.alterConsumerGroupOffsets(properties.consumerGroup(), zero).all().get(10, TimeUnit.SECONDS);
                return true;
            });
        }
    }

    /** {@code count} records of the source from usage number {@code first}; every tenth repeats an earlier one. */
    private static List<UsageReported> wave(String source, List<String> subscribers, int first, int count,
                                            Expected expected) {
        List<UsageReported> records = new ArrayList<>();
        for (int n = first; n < first + count; n++) {
            boolean repeat = n % 10 == 9;
            int number = repeat ? n - 5 : n;
            int seconds = 1 + number % 150;
            records.add(call(source, "u" + number, subscribers.get(number % subscribers.size()), seconds));
            expected.received++;
            if (repeat) {
                expected.duplicates++;
            } else {
                expected.unique++;
                expected.billed = expected.billed.add(BigDecimal.valueOf(Math.max(60, seconds)));
            }
        }
        return records;
    }

    private long received(String source) {
        return counters(source)[0];
    }

    private Long[] counters(String source) {
        return jdbc.sql("""
                        select coalesce(sum(received), 0), coalesce(sum(rated), 0), coalesce(sum(suspended), 0),
                               coalesce(sum(duplicates), 0) from usage_source_day where source = :source""")
                .param("source", source)
                .query((rs, n) -> new Long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)}).single();
    }

    private static final class Expected {
        long received;
        long unique;
        long duplicates;
        BigDecimal billed = BigDecimal.ZERO;

        BigDecimal charge() {
            return billed.multiply(new BigDecimal("0.01"));
        }
    }
}
