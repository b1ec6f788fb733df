package io.accord.orchestration.inventory;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

interface InventoryItemRepository extends JpaRepository<InventoryItem, UUID>, JpaSpecificationExecutor<InventoryItem> {

    /**
     * The next AVAILABLE item of a pool, locked for this transaction. {@code SKIP LOCKED} passes over items that
     * concurrent reservations hold, so they never wait for each other nor take the same item.
     */
    @Query(value = """
            select * from inventory_item where pool_id = :pool and state = 'AVAILABLE'
            order by value limit 1 for update skip locked""", nativeQuery = true)
    Optional<InventoryItem> lockNextAvailable(UUID pool);

    @Query(value = "select * from inventory_item where reservation_id = :reservation for update", nativeQuery = true)
    Optional<InventoryItem> lockByReservation(UUID reservation);

    /** The item a reservation for {@code orderRef} holds (reserved or allocated), if any. */
    @Query(value = """
            select * from inventory_item where order_ref = :orderRef and state in ('RESERVED', 'ALLOCATED')
            order by updated_at desc limit 1""", nativeQuery = true)
    Optional<InventoryItem> findHeldFor(String orderRef);

    @Query(value = "select * from inventory_item where id = :id for update", nativeQuery = true)
    Optional<InventoryItem> lock(UUID id);

    /** Reservations past their expiry; items another transaction holds are left for the next round. */
    @Query(value = """
            select * from inventory_item where state = 'RESERVED' and reserved_until <= :now
            order by reserved_until limit :batch for update skip locked""", nativeQuery = true)
    List<InventoryItem> lockExpiredReservations(Instant now, int batch);

    @Query(value = """
            select * from inventory_item where state = 'QUARANTINED' and quarantined_until <= :now
            order by quarantined_until limit :batch for update skip locked""", nativeQuery = true)
    List<InventoryItem> lockCooledOff(Instant now, int batch);
}
