package io.accord.orchestration.inventory;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

import java.util.List;
import java.util.UUID;

interface InventoryPoolRepository extends JpaRepository<InventoryPool, UUID>, JpaSpecificationExecutor<InventoryPool> {

    Page<InventoryPool> findByPartnerId(UUID partnerId, Pageable page);

    /** The pools that have a low watermark, for the job to check one by one. */
    @Query("select p.id from InventoryPool p where p.lowWatermark > 0 order by p.createdAt, p.id")
    List<UUID> withLowWatermark();
}
