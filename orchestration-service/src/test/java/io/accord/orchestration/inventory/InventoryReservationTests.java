package io.accord.orchestration.inventory;

import io.accord.contracts.value.PartnerId;
import io.accord.platform.problem.ConflictException;
import io.accord.platform.problem.NotFoundException;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestMultipart;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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

    InventoryReservationTests(Inventory inventory, InventoryJob job, ItemHistory history, Clock clock,
                              ItemRows rows) {
        this.rows = rows;
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

    private Instant inAnHour() {
        return clock.instant().plus(Duration.ofHours(1));
    }
}
