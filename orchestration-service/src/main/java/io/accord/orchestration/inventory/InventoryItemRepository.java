package io.accord.orchestration.inventory;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

interface InventoryItemRepository extends JpaRepository<InventoryItem, UUID>, JpaSpecificationExecutor<InventoryItem> {

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
