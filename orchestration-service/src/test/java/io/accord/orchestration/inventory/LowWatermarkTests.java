package io.accord.orchestration.inventory;

import io.accord.contracts.CloudEventHeaders;
import io.accord.contracts.Topics;
import io.accord.contracts.value.PartnerId;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestKafka;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code InventoryLowWatermarkReached} on the real {@code order.events.v1} topic: once per crossing, re-armed. */
@AccordServiceTest
class LowWatermarkTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    private final Inventory inventory;
    private final JdbcClient jdbc;
    private final Clock clock;

    LowWatermarkTests(Inventory inventory, JdbcClient jdbc, Clock clock) {
        this.inventory = inventory;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Test
    void raisedOncePerCrossingAndAgainAfterThePoolRose() {
        String partner = UUID.randomUUID().toString();
        String pool = TestPools.msisdnPool(port, partner, 6, 3);
        UUID poolId = UUID.fromString(pool);

        reserve(poolId, partner, 2);
        assertThat(eventsOf(pool)).as("4 left: above the watermark").isZero();
        reserve(poolId, partner, 1);
        List<ConsumerRecord<String, byte[]>> first = TestKafka.awaitRecords(Topics.ORDER_EVENTS,
                record -> pool.equals(record.key()), 1, Duration.ofSeconds(60));
        reserve(poolId, partner, 2);

        JsonNode event = JSON.readTree(TestKafka.value(first.getFirst()));
        assertThat(TestKafka.header(first.getFirst(), CloudEventHeaders.TYPE))
                .isEqualTo("InventoryLowWatermarkReached");
        assertThat(TestKafka.header(first.getFirst(), CloudEventHeaders.SUBJECT)).isEqualTo(partner);
        assertThat(event.get("poolId").asString()).isEqualTo(pool);
        assertThat(event.get("resourceType").asString()).isEqualTo("MSISDN");
        assertThat(event.get("available").asLong()).isEqualTo(3);
        assertThat(event.get("lowWatermark").asInt()).isEqualTo(3);
        assertThat(eventsOf(pool)).as("further reservations below the watermark raise nothing").isEqualTo(1);
        assertThat(TestPools.ops(port).get(TestPools.POOLS + "/" + pool).json().get("lowWatermarkReached")
                .asBoolean()).isTrue();

        TestPools.fill(port, pool, 10);
        assertThat(TestPools.ops(port).get(TestPools.POOLS + "/" + pool).json().get("lowWatermarkReached")
                .asBoolean()).as("re-armed: 11 available").isFalse();
        reserve(poolId, partner, 8);

        TestKafka.awaitRecords(Topics.ORDER_EVENTS, record -> pool.equals(record.key()), 2, Duration.ofSeconds(60));
        assertThat(eventsOf(pool)).isEqualTo(2);
    }

    @Test
    void aNewWatermarkAboveTheLevelRaisesTheEventAtOnceAndTheJobCatchesAMissedCrossing(@Autowired InventoryJob job) {
        String pool = TestPools.msisdnPool(port, null, 2, 0);

        TestHttp.Response changed = TestPools.ops(port).put(TestPools.POOLS + "/" + pool + "/low-watermark",
                "{\"lowWatermark\":5}");

        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().get("lowWatermarkReached").asBoolean()).isTrue();
        assertThat(eventsOf(pool)).isEqualTo(1);
        job.runOnce(clock.instant());
        assertThat(eventsOf(pool)).as("still the same crossing").isEqualTo(1);

        // as if two concurrent reservations had each seen the other side of the watermark
        jdbc.sql("update inventory_pool set low_watermark_armed = true where id = :id")
                .param("id", UUID.fromString(pool)).update();
        job.runOnce(clock.instant());

        assertThat(eventsOf(pool)).isEqualTo(2);
        TestKafka.awaitRecords(Topics.ORDER_EVENTS, record -> pool.equals(record.key()), 2, Duration.ofSeconds(60));
    }

    private void reserve(UUID pool, String partner, int count) {
        for (int i = 0; i < count; i++) {
            inventory.reserveFromPool(pool, PartnerId.of(partner), "order-" + UUID.randomUUID(),
                    clock.instant().plus(Duration.ofHours(1)));
        }
    }

    private long eventsOf(String pool) {
        return jdbc.sql("select count(*) from outbox_event where message_key = :pool")
                .param("pool", pool).query(Long.class).single();
    }
}
