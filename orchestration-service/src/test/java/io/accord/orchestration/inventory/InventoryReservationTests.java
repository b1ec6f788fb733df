package io.accord.orchestration.inventory;

import io.accord.contracts.value.PartnerId;
import io.accord.platform.problem.ConflictException;
import io.accord.platform.problem.NotFoundException;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestMultipart;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The order saga's calls on real PostgreSQL: reserve, allocate, release, and the job's expiry and cooling-off. */
@AccordServiceTest
class InventoryReservationTests {

    @LocalServerPort
    int port;

    private final Inventory inventory;
    private final InventoryJob job;
    private final ItemHistory history;
    private final Clock clock;
    private final ItemRows rows;
    private final JdbcClient jdbc;

    InventoryReservationTests(Inventory inventory, InventoryJob job, ItemHistory history, Clock clock,
                              ItemRows rows, JdbcClient jdbc) {
        this.rows = rows;
        this.jdbc = jdbc;
        this.inventory = inventory;
        this.job = job;
        this.history = history;
        this.clock = clock;
    }

    @Test
    void reservesAllocatesAndReleasesAnMsisdnIntoItsNinetyDayQuarantine() {
        PartnerId partner = PartnerId.of(UUID.randomUUID().toString());
        String pool = TestPools.msisdnPool(port, partner.value().toString(), 3, 0);

        Reservation reserved = inventory.reserveFromPool(UUID.fromString(pool), partner, "order-1", inAnHour());
        Reservation allocated = inventory.allocate(reserved.reservationId(), "product-1");
        Reservation released = inventory.release(reserved.reservationId(), "product terminated");

        assertThat(reserved.state()).isEqualTo("RESERVED");
        assertThat(reserved.value()).endsWith("000");
        assertThat(allocated.state()).isEqualTo("ALLOCATED");
        assertThat(released.state()).isEqualTo("QUARANTINED");
        assertThat(inventory.release(reserved.reservationId(), "again").state()).as("idempotent")
                .isEqualTo("QUARANTINED");
        assertThat(history.of(reserved.itemId())).extracting(ItemHistory.Entry::action)
                .containsExactly("RESERVED", "ALLOCATED", "RELEASED");

        job.runOnce(clock.instant().plus(Duration.ofDays(89)));
        assertThat(history.of(reserved.itemId())).hasSize(3);
        job.runOnce(clock.instant().plus(Duration.ofDays(91)));
        assertThat(history.of(reserved.itemId())).last().extracting(ItemHistory.Entry::to).isEqualTo("AVAILABLE");
    }

    @Test
    void aWriteFromAStaleReadOfAnItemIsRefusedAndChangesNothing() {
        PartnerId partner = PartnerId.of(UUID.randomUUID().toString());
        String pool = TestPools.msisdnPool(port, partner.value().toString(), 1, 0);
        Reservation reserved = inventory.reserveFromPool(UUID.fromString(pool), partner, "order-stale", inAnHour());
        InventoryItem stale = rows.lockByReservation(reserved.reservationId()).orElseThrow();

        inventory.allocate(reserved.reservationId(), "product-stale");
        stale.release(clock.instant(), "from a stale read", clock.instant());

        assertThatThrownBy(() -> rows.update(stale))
                .isInstanceOf(org.springframework.dao.OptimisticLockingFailureException.class);
        assertThat(inventory.heldFor("order-stale")).get().extracting(Reservation::state).isEqualTo("ALLOCATED");
        assertThat(history.of(reserved.itemId())).extracting(ItemHistory.Entry::action)
                .containsExactly("RESERVED", "ALLOCATED");
    }

    @Test
    void aPartnersOrderTakesFromItsOwnPoolFirstThenFromTheCspsButNeverFromAnotherPartners() {
        PartnerId partner = PartnerId.of(UUID.randomUUID().toString());
        PartnerId other = PartnerId.of(UUID.randomUUID().toString());
        String own = TestPools.create(port, "LICENCE_KEY", partner.value().toString(), 0);
        String others = TestPools.create(port, "LICENCE_KEY", other.value().toString(), 0);
        importKeys(own, 1);
        importKeys(others, 5);

        Reservation first = inventory.reserve("LICENCE_KEY", partner, "order-a", inAnHour());

        assertThat(first.poolId().toString()).isEqualTo(own);
        assertThatThrownBy(() -> inventory.reserveFromPool(UUID.fromString(others), partner, "order-b", inAnHour()))
                .isInstanceOf(NotFoundException.class);
        // the own pool is empty now: the next one comes from a CSP pool if there is one, never from the other's
        String csp = TestPools.create(port, "LICENCE_KEY", null, 0);
        importKeys(csp, 1);
        assertThat(inventory.reserve("LICENCE_KEY", partner, "order-c", inAnHour()).poolId().toString())
                .isEqualTo(csp);
        assertThatThrownBy(() -> inventory.reserve("LICENCE_KEY", partner, "order-d", inAnHour()))
                .isInstanceOf(ConflictException.class).hasMessageContaining("No LICENCE_KEY is available");
    }

    @Test
    void exhaustedPoolsArePassedOverInTheirOrder() {
        PartnerId partner = PartnerId.of(UUID.randomUUID().toString());
        String first = TestPools.msisdnPool(port, partner.value().toString(), 1, 0);
        String second = TestPools.msisdnPool(port, partner.value().toString(), 1, 0);
        String third = TestPools.msisdnPool(port, partner.value().toString(), 2, 0);
        String fourth = TestPools.msisdnPool(port, partner.value().toString(), 2, 0);
        inventory.reserveFromPool(UUID.fromString(first), partner, "order-e1", inAnHour());
        inventory.reserveFromPool(UUID.fromString(second), partner, "order-e2", inAnHour());

        Reservation next = inventory.reserve("MSISDN", partner, "order-e3", inAnHour());
        Reservation after = inventory.reserve("MSISDN", partner, "order-e4", inAnHour());
        Reservation last = inventory.reserve("MSISDN", partner, "order-e5", inAnHour());

        assertThat(next.poolId().toString()).isEqualTo(third);
        assertThat(next.value()).endsWith("000");
        assertThat(after.poolId().toString()).isEqualTo(third);
        assertThat(after.value()).endsWith("001");
        assertThat(last.poolId().toString()).isEqualTo(fourth);
        assertThat(last.value()).endsWith("000");
    }

    @Test
    void anUnallocatedReservationExpiresThroughTheJobAndCanNoLongerBeAllocated() {
        String pool = TestPools.msisdnPool(port, null, 2, 0);
        Reservation reserved = inventory.reserveFromPool(UUID.fromString(pool), null, "order-late",
                clock.instant().plus(Duration.ofMinutes(15)));

        job.runOnce(clock.instant().plus(Duration.ofMinutes(16)));

        assertThatThrownBy(() -> inventory.allocate(reserved.reservationId(), "product-late"))
                .isInstanceOf(NotFoundException.class);
        assertThat(history.of(reserved.itemId())).extracting(ItemHistory.Entry::action)
                .containsExactly("RESERVED", "RESERVATION_EXPIRED");
        // the number is available again: the next reservation takes it (value order)
        assertThat(inventory.reserveFromPool(UUID.fromString(pool), null, "order-next", inAnHour()).value())
                .isEqualTo(reserved.value());
    }

    @Test
    void anItemAndAPoolTheJobCannotReadArePutOffAloneAndTheOthersAreHandled() {
        String pool = TestPools.msisdnPool(port, null, 2, 0);
        Instant expiry = clock.instant().plus(Duration.ofMinutes(15));
        Reservation healthy = inventory.reserveFromPool(UUID.fromString(pool), null, "order-ok-" + UUID.randomUUID(),
                expiry);
        Reservation broken = inventory.reserveFromPool(UUID.fromString(pool), null,
                "order-broken-" + UUID.randomUUID(), expiry);
        UUID badPool = UUID.fromString(TestPools.create(port, "MSISDN", null, 0));
        String watched = TestPools.msisdnPool(port, null, 2, 0);
        // data no code reads: a resource type this version does not know, on one item and on one watched pool
        jdbc.sql("update inventory_item set resource_type = 'PHONE' where id = :id")
                .param("id", broken.itemId()).update();
        jdbc.sql("update inventory_pool set resource_type = 'PHONE', low_watermark = 5, low_watermark_armed = true"
                + " where id = :id").param("id", badPool).update();
        // a pool with 2 items that is armed below its watermark: the job's check raises the event
        jdbc.sql("update inventory_pool set low_watermark = 5, low_watermark_armed = true where id = :id")
                .param("id", UUID.fromString(watched)).update();
        try {
            job.runOnce(expiry.plus(Duration.ofMinutes(1)));

            assertThat(history.of(healthy.itemId())).extracting(ItemHistory.Entry::action)
                    .containsExactly("RESERVED", "RESERVATION_EXPIRED");
            assertThat(history.of(broken.itemId())).extracting(ItemHistory.Entry::action).containsExactly("RESERVED");
            assertThat(jdbc.sql("select state from inventory_item where id = :id").param("id", broken.itemId())
                    .query(String.class).single()).isEqualTo("RESERVED");
            assertThat(eventsOf(watched)).as("the next step ran and checked the other pools").isEqualTo(1);
            assertThat(eventsOf(badPool.toString())).isZero();
            assertThat(failure(InventoryMaintenance.RESERVATIONS, broken.itemId())).contains("PHONE");
            assertThat(failure(InventoryMaintenance.WATERMARKS, badPool)).contains("PHONE");
        } finally {
            jdbc.sql("update inventory_item set resource_type = 'MSISDN' where id = :id")
                    .param("id", broken.itemId()).update();
            jdbc.sql("update inventory_pool set resource_type = 'MSISDN', low_watermark = 0 where id in (:ids)")
                    .param("ids", List.of(badPool, UUID.fromString(watched))).update();
            jdbc.sql("delete from job_item_failure where item_id in (:ids)")
                    .param("ids", List.of(broken.itemId().toString(), badPool.toString())).update();
        }
    }

    @Test
    void aReservationReleasedBeforeAllocationIsAvailableAtOnce() {
        String pool = TestPools.msisdnPool(port, null, 1, 0);
        Reservation reserved = inventory.reserveFromPool(UUID.fromString(pool), null, "order-x", inAnHour());

        Reservation released = inventory.release(reserved.reservationId(), "order cancelled");

        assertThat(released.state()).isEqualTo("AVAILABLE");
        assertThat(inventory.reserveFromPool(UUID.fromString(pool), null, "order-y", inAnHour()).itemId())
                .isEqualTo(reserved.itemId());
    }

    @Test
    void refusesBadCallsNamingTheField() {
        String pool = TestPools.msisdnPool(port, null, 1, 0);

        assertThatThrownBy(() -> inventory.reserve("PHONE", null, "o", inAnHour()))
                .hasMessageContaining("unknown resource type");
        assertThatThrownBy(() -> inventory.reserveFromPool(UUID.fromString(pool), null, "o", clock.instant()))
                .extracting("field").isEqualTo("expiresAt");
        assertThatThrownBy(() -> inventory.reserveFromPool(UUID.fromString(pool), null, " ", inAnHour()))
                .extracting("field").isEqualTo("orderRef");
        assertThatThrownBy(() -> inventory.allocate(UUID.randomUUID(), "p")).isInstanceOf(NotFoundException.class);
        assertThat(inventory.levels("MSISDN").available()).isPositive();
    }

    private void importKeys(String pool, int count) {
        StringBuilder csv = new StringBuilder("value\n");
        for (int i = 0; i < count; i++) {
            csv.append("KEY-").append(UUID.randomUUID()).append('\n');
        }
        TestHttp.Response imported = TestPools.ops(port).postMultipart(TestPools.POOLS + "/" + pool + "/imports",
                new TestMultipart().file("file", "keys.csv", "text/csv",
                        csv.toString().getBytes(StandardCharsets.UTF_8)));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
    }

    /** The last error of an item's one failure in {@code job}; fails unless exactly one attempt is recorded. */
    private String failure(String job, UUID item) {
        return jdbc.sql("select attempts, last_error from job_item_failure where job = :job and item_id = :item")
                .param("job", job).param("item", item.toString())
                .query((row, n) -> {
                    assertThat(row.getInt("attempts")).as("attempts of %s in %s", item, job).isEqualTo(1);
                    return row.getString("last_error");
                }).single();
    }

    private long eventsOf(String pool) {
        return jdbc.sql("select count(*) from outbox_event where message_key = :pool")
                .param("pool", pool).query(Long.class).single();
    }

    private Instant inAnHour() {
        return clock.instant().plus(Duration.ofHours(1));
    }
}
