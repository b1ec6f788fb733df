package io.accord.orchestration.inventory;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

interface InventoryItemRepository extends JpaRepository<InventoryItem, UUID>, JpaSpecificationExecutor<InventoryItem> {

    @Query(value = "select * from inventory_item where id = :id for update", nativeQuery = true)
    Optional<InventoryItem> lock(UUID id);

    /**
     * A reservation past its expiry, locked for the job's transaction of this item; empty when it no longer is one
     * or another transaction holds it (the next round sees it again).
     */
    @Query(value = """
            select * from inventory_item where id = :id and state = 'RESERVED' and reserved_until <= :now
            for update skip locked""", nativeQuery = true)
    Optional<InventoryItem> lockExpiredReservation(UUID id, Instant now);

    /** A quarantined item whose cooling-off is over, locked as {@link #lockExpiredReservation} locks. */
    @Query(value = """
            select * from inventory_item where id = :id and state = 'QUARANTINED' and quarantined_until <= :now
            for update skip locked""", nativeQuery = true)
    Optional<InventoryItem> lockCooledOff(UUID id, Instant now);
}
