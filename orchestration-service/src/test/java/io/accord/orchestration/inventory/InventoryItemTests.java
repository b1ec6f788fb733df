package io.accord.orchestration.inventory;

import io.accord.platform.problem.ConflictException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InventoryItemTests {

    private static final Instant NOW = Instant.parse("2027-03-01T10:00:00Z");
    private static final Instant IN_15_MINUTES = NOW.plus(Duration.ofMinutes(15));

    private final InventoryItem item = InventoryItem.available(UUID.randomUUID(), ResourceType.MSISDN,
            "+4915100000001", NOW);
    private final UUID reservation = UUID.randomUUID();

    @Test
    void goesRoundTheWholeCycle() {
        Transition reserved = item.reserve(reservation, "order-1", IN_15_MINUTES, NOW);
        Transition allocated = item.allocate(reservation, "product-1", NOW.plusSeconds(60));
        Transition released = item.release(NOW.plus(Duration.ofDays(90)), "terminated", NOW.plusSeconds(120));
        Transition back = item.endCoolingOff(NOW.plus(Duration.ofDays(90)));

        assertThat(reserved).isEqualTo(new Transition(ItemState.AVAILABLE, ItemState.RESERVED, "RESERVED", "order-1"));
        assertThat(allocated.to()).isEqualTo(ItemState.ALLOCATED);
        assertThat(released).isEqualTo(new Transition(ItemState.ALLOCATED, ItemState.QUARANTINED, "RELEASED",
                "terminated"));
        assertThat(back).isEqualTo(new Transition(ItemState.QUARANTINED, ItemState.AVAILABLE, "COOLING_OFF_ENDED",
                null));
        assertThat(item.reservationId()).isNull();
        assertThat(item.productInstanceRef()).isNull();
        assertThat(item.quarantinedUntil()).isNull();
    }

    @Test
    void aReservationReleasedBeforeAllocationNeedsNoCoolingOff() {
        item.reserve(reservation, "order-1", IN_15_MINUTES, NOW);

        Transition released = item.release(NOW.plus(Duration.ofDays(90)), "order cancelled", NOW);

        assertThat(released.to()).isEqualTo(ItemState.AVAILABLE);
        assertThat(item.reservationId()).isNull();
        assertThat(item.quarantinedUntil()).isNull();
    }

    @Test
    void aReservationExpiresOnlyAtItsExpiry() {
        item.reserve(reservation, "order-1", IN_15_MINUTES, NOW);

        assertThatThrownBy(() -> item.expire(IN_15_MINUTES.minusSeconds(1))).isInstanceOf(ConflictException.class);
        assertThat(item.expire(IN_15_MINUTES).action()).isEqualTo("RESERVATION_EXPIRED");
        assertThat(item.state()).isEqualTo(ItemState.AVAILABLE);
    }

    @Test
    void anExpiredOrForeignReservationCannotBeAllocated() {
        item.reserve(reservation, "order-1", IN_15_MINUTES, NOW);

        assertThatThrownBy(() -> item.allocate(UUID.randomUUID(), "product-1", NOW))
                .isInstanceOf(ConflictException.class).hasMessageContaining("another reservation");
        assertThatThrownBy(() -> item.allocate(reservation, "product-1", IN_15_MINUTES))
                .isInstanceOf(ConflictException.class).hasMessageContaining("expired");
        assertThat(item.state()).isEqualTo(ItemState.RESERVED);
    }

    @Test
    void refusesEveryIllegalMove() {
        assertThatThrownBy(() -> item.allocate(reservation, "p", NOW)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("AVAILABLE");
        assertThatThrownBy(() -> item.release(NOW, "r", NOW)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> item.returnToPool("r", NOW)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> item.expire(NOW)).isInstanceOf(ConflictException.class);

        item.reserve(reservation, "order-1", IN_15_MINUTES, NOW);
        assertThatThrownBy(() -> item.reserve(UUID.randomUUID(), "order-2", IN_15_MINUTES, NOW))
                .isInstanceOf(ConflictException.class).hasMessageContaining("RESERVED");
        assertThatThrownBy(() -> item.quarantine(IN_15_MINUTES, "r", NOW)).isInstanceOf(ConflictException.class);
        assertThat(item.orderRef()).isEqualTo("order-1");
    }

    @Test
    void aReservationMustExpireInTheFuture() {
        assertThatThrownBy(() -> item.reserve(reservation, "order-1", NOW, NOW)).isInstanceOf(ConflictException.class);
        assertThat(item.state()).isEqualTo(ItemState.AVAILABLE);
    }

    @Test
    void opsQuarantineAnAvailableItemAndReturnItEarly() {
        item.quarantine(NOW.plus(Duration.ofDays(30)), "fraud case", NOW);

        assertThatThrownBy(() -> item.endCoolingOff(NOW.plus(Duration.ofDays(29))))
                .isInstanceOf(ConflictException.class);
        assertThat(item.returnToPool("case closed", NOW.plus(Duration.ofDays(1))))
                .isEqualTo(new Transition(ItemState.QUARANTINED, ItemState.AVAILABLE, "RETURNED_TO_POOL",
                        "case closed"));
    }
}
