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

    List<InventoryPool> findByLowWatermarkGreaterThan(int watermark);
}
