package io.accord.catalog.offering;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

interface ProductOfferingRepository extends JpaRepository<ProductOffering, UUID>,
        JpaSpecificationExecutor<ProductOffering> {

    /** The one lookup an import batch makes (index product_offering_external). */
    List<ProductOffering> findByOwnerKeyAndExternalIdIn(String ownerKey, Collection<String> externalIds);

    @Query("select o.id from ProductOffering o where o.status = 'APPROVED' and (o.launchAt is null or o.launchAt <= :now)")
    List<UUID> dueForLaunch(Instant now);

    @Query("select o.id from ProductOffering o where o.partnerId = :partner and o.status in ('LAUNCHED', 'APPROVED')")
    List<UUID> launchedOrApprovedOf(UUID partner);

    @Query("select o.id from ProductOffering o where o.partnerId = :partner and o.status in ('DRAFT', 'IN_REVIEW', 'REJECTED')")
    List<UUID> unlaunchedOf(UUID partner);
}
