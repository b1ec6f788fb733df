package io.accord.rating.ingest;

import io.accord.contracts.CloudEventHeaders;
import io.accord.contracts.Topics;
import io.accord.contracts.usage.UsageReported;
import io.accord.rating.model.RatingModel;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.TestKafka;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.accord.rating.ingest.UsageFixtures.activate;
import static io.accord.rating.ingest.UsageFixtures.awaitRatable;
import static io.accord.rating.ingest.UsageFixtures.launchVoiceOffering;
import static io.accord.rating.ingest.UsageFixtures.sellThroughAgreement;
import static io.accord.rating.ingest.UsageFixtures.sendAll;
import static io.accord.rating.ingest.UsageFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The publisher sends what the pipeline has just committed from memory, and exactly what the rated table gives back:
 * the same records published again from the table (the cursor moved back, as after a failed pass) are byte for
 * byte the same events with the same headers.
 */
@AccordServiceTest
class RatedPublishingTests {

    private final RatingModel model;
    private final JdbcClient jdbc;
    private final MeterRegistry meters;

    RatedPublishingTests(RatingModel model, JdbcClient jdbc, MeterRegistry meters) {
        this.model = model;
        this.jdbc = jdbc;
        this.meters = meters;
    }

    @Test
    void publishesCommittedRecordsFromMemoryExactlyAsTheTableHoldsThem() {
        String id = unique();
        String subscriber = "+49171" + id;
        String partnerId = UUID.randomUUID().toString();
        sellThroughAgreement(partnerId, "30");
        launchVoiceOffering("off-" + id, partnerId, "0.013");
        activate("prod-" + id, subscriber, "off-" + id, partnerId);
        awaitRatable(model, subscriber);
        await().atMost(Duration.ofSeconds(30)).until(() -> backlog() == 0);
        double readBackBefore = readBack();

        // odd offsets and microseconds in usage times, characteristics needing escapes: what a table round trip
        // could change if the in-memory events were not built exactly as stored
        List<UsageReported> usage = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            usage.add(new UsageReported("u" + i, "src-" + id, "VOICE", subscriber,
                    OffsetDateTime.now(ZoneOffset.ofHoursMinutes(5, 45)).minusHours(1).withNano(123_456_000 + i * 1000),
                    Integer.toString(61 + i), "S", Map.of("note", "a \"quoted\"\\ value\n" + i), null, null));
        }
        sendAll(usage);
        List<ConsumerRecord<String, byte[]>> first = TestKafka.awaitRecords(Topics.USAGE_RATED,
                record -> subscriber.equals(record.key()), 5, Duration.ofSeconds(60));
        assertThat(first).hasSize(5);
        assertThat(readBack() - readBackBefore).as("records read back from the table").isZero();

        // the same rows again, now read from the table
        long firstSequence = first.stream().mapToLong(r -> Long.parseLong(TestKafka.header(r,
                CloudEventHeaders.SEQUENCE))).min().orElseThrow();
        jdbc.sql("update usage_publish_cursor set last_seq = :seq where topic = :topic and last_seq >= :seq")
                .param("seq", firstSequence - 1).param("topic", Topics.USAGE_RATED).update();
        List<ConsumerRecord<String, byte[]>> all = TestKafka.awaitRecords(Topics.USAGE_RATED,
                record -> subscriber.equals(record.key()), 10, Duration.ofSeconds(60));
        assertThat(readBack() - readBackBefore).isGreaterThanOrEqualTo(5);

        Map<String, List<ConsumerRecord<String, byte[]>>> byRatedId = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : all) {
            byRatedId.computeIfAbsent(TestKafka.header(record, CloudEventHeaders.ID), k -> new ArrayList<>())
                    .add(record);
        }
        assertThat(byRatedId).hasSize(5);
        for (List<ConsumerRecord<String, byte[]>> copies : byRatedId.values()) {
            assertThat(copies).hasSize(2);
            assertThat(TestKafka.value(copies.get(1))).isEqualTo(TestKafka.value(copies.get(0)));
            assertThat(headers(copies.get(1))).isEqualTo(headers(copies.get(0)));
        }
        assertThat(TestKafka.value(first.getFirst())).contains("\"partnerId\":\"" + partnerId + "\"")
                .contains("\"agreementId\":\"agr-" + partnerId + "\"").contains("+05:45");
    }

    private static Map<String, String> headers(ConsumerRecord<String, byte[]> record) {
        Map<String, String> headers = new HashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), new String(header.value(), java.nio.charset.StandardCharsets.UTF_8));
        }
        return headers;
    }

    private double readBack() {
        return meters.get("accord.rating.publish.read-back").counter().count();
    }

    private double backlog() {
        return meters.get("accord.rating.publish.backlog").gauge().value();
    }
}
