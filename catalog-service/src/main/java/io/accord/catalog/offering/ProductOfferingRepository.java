package io.accord.catalog.offering;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
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

    /**
     * Sellable now: launched, within validity, owner ACTIVE (or the CSP), a launched price in force (or a bundle
     * priced by its components), and visible to the caller ({@code partner} null: staff, sees all).
     */
    @Query(value = """
            select o from ProductOffering o
            where o.status = 'LAUNCHED' and (o.validFrom is null or o.validFrom <= :now)
              and (o.validTo is null or o.validTo > :now)
              and (o.partnerId is null or exists (select 1 from KnownPartner k where k.id = o.partnerId
                                                  and k.status = 'ACTIVE' and k.legalName is not null))
              and (exists (select 1 from PriceVersion p where p.offeringId = o.id and p.status = 'LAUNCHED'
                           and p.validFrom <= :now and (p.validTo is null or p.validTo > :now))
                   or (o.isBundle and not exists (select 1 from PriceVersion p where p.offeringId = o.id)))
              and (:partner is null or o.partnerId = :partner or o.partnerId is null
                   or exists (select 1 from ProductOffering x join x.participants pa
                              where x.id = o.id and pa.partnerId = :partner))""")
    Page<ProductOffering> sellable(Instant now, UUID partner, Pageable page);

    @Query("select o from ProductOffering o where o.status = 'IN_REVIEW' or o.pendingChange is not null")
    Page<ProductOffering> inReview(Pageable page);

    /** Which of these specifications an offering that is no draft uses. */
    @Query("""
            select distinct o.specificationId from ProductOffering o
            where o.specificationId in :ids and o.status not in ('DRAFT', 'REJECTED')""")
    List<UUID> specificationsInUse(Collection<UUID> ids);

    @Query("select o.id from ProductOffering o where o.status = 'APPROVED' and (o.launchAt is null or o.launchAt <= :now)")
    List<UUID> dueForLaunch(Instant now);

    @Query("select o.id from ProductOffering o where o.partnerId = :partner and o.status in ('LAUNCHED', 'APPROVED')")
    List<UUID> launchedOrApprovedOf(UUID partner);

    @Query("select o.id from ProductOffering o where o.partnerId = :partner and o.status in ('DRAFT', 'IN_REVIEW', 'REJECTED')")
    List<UUID> unlaunchedOf(UUID partner);
}
