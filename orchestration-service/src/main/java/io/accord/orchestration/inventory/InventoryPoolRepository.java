package io.accord.orchestration.inventory;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

import java.util.List;
import java.util.UUID;

interface InventoryPoolRepository extends JpaRepository<InventoryPool, UUID>, JpaSpecificationExecutor<InventoryPool> {

    /** The pools an order of {@code partner} may take from: the partner's own first, then the CSP's. */
    @Query("""
            select p from InventoryPool p where p.resourceType = :type and (p.partnerId = :partner or p.partnerId is null)
            order by case when p.partnerId is null then 1 else 0 end, p.createdAt, p.id""")
    List<InventoryPool> candidates(ResourceType type, UUID partner);

    @Query("select p from InventoryPool p where p.resourceType = :type and p.partnerId is null order by p.createdAt, p.id")
    List<InventoryPool> cspPools(ResourceType type);

    Page<InventoryPool> findByPartnerId(UUID partnerId, Pageable page);

    List<InventoryPool> findByLowWatermarkGreaterThan(int watermark);
}
