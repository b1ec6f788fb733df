package io.accord.catalog.offering;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

interface ProductOfferingRepository extends JpaRepository<ProductOffering, UUID>,
        JpaSpecificationExecutor<ProductOffering> {

    /** The one lookup an import batch makes (index product_offering_external). */
    List<ProductOffering> findByOwnerKeyAndExternalIdIn(String ownerKey, Collection<String> externalIds);

    /**
     * Sellable now: launched, within validity, owner ACTIVE (or the CSP), a launched price in force (or a bundle
     * priced by its components), each bundle component launched and within its validity, and visible to the caller ({@code all}: staff, who see all).
     */
    @Query(value = "select o.* " + SELLABLE + " order by o.launched_at, o.id",
            countQuery = "select count(*) " + SELLABLE, nativeQuery = true)
    Page<ProductOffering> sellable(Instant now, UUID partner, boolean all, Pageable page);

    /**
     * SQL, not JPQL: the partner view is the starter's table ({@code PartnerView}), not an entity of this service.
     * The order is fixed here, so callers page it unsorted.
     */
    String SELLABLE = """
            from product_offering o
            where o.status = 'LAUNCHED' and (o.valid_from is null or o.valid_from <= :now)
              and (o.valid_to is null or o.valid_to > :now)
              and (o.partner_id is null or exists (select 1 from partner_view k where k.id = o.partner_id
                                                   and k.status = 'ACTIVE' and k.legal_name is not null))
              and (exists (select 1 from product_offering_price p where p.offering_id = o.id
                           and p.status = 'LAUNCHED' and p.valid_from <= :now
                           and (p.valid_to is null or p.valid_to > :now))
                   or (o.is_bundle and not exists (select 1 from product_offering_price p
                                                   where p.offering_id = o.id)))
              and not exists (select 1 from offering_bundle_component c
                              join product_offering k on k.id = c.component_id
                              where c.bundle_id = o.id
                                and not (k.status = 'LAUNCHED' and (k.valid_from is null or k.valid_from <= :now)
                                         and (k.valid_to is null or k.valid_to > :now)))
              and (:all or o.partner_id = :partner or o.partner_id is null
                   or exists (select 1 from offering_participant pa
                              where pa.offering_id = o.id and pa.partner_id = :partner
                                and pa.consent = 'ACCEPTED'))""";

    /**
     * Drafts naming {@code partner} (all: any partner) as a co-creator that has not accepted yet, oldest first
     * (index offering_participant_pending).
     */
    @Query(value = "select o.* " + PENDING_CO_CREATORS + " order by o.created_at, o.id",
            countQuery = "select count(*) " + PENDING_CO_CREATORS, nativeQuery = true)
    Page<ProductOffering> withPendingCoCreators(UUID partner, boolean all, Pageable page);

    String PENDING_CO_CREATORS = """
            from product_offering o
            where exists (select 1 from offering_participant pa where pa.offering_id = o.id
                          and pa.consent = 'PENDING' and (:all or pa.partner_id = :partner))""";

    @Query("select o from ProductOffering o where o.status = 'IN_REVIEW' or o.pendingChange is not null")
    Page<ProductOffering> inReview(Pageable page);

    /** Which of these specifications an offering that is no draft uses. */
    @Query("""
            select distinct o.specificationId from ProductOffering o
            where o.specificationId in :ids and o.status not in ('DRAFT', 'REJECTED')""")
    List<UUID> specificationsInUse(Collection<UUID> ids);

    /** Offerings due for launch; no limit, so offerings put off after a failed launch cannot crowd out the others. */
    @Query("select o.id from ProductOffering o where o.status = 'APPROVED' and (o.launchAt is null or o.launchAt <= :now)")
    List<UUID> dueForLaunch(Instant now);

    /**
     * The offering, locked until the transaction ends, if it is still due for launch at {@code now}; empty if not,
     * or if another transaction holds its row (it changes under that one; a later run launches it if still due).
     */
    @Query(value = """
            select o.* from product_offering o
            where o.id = :id and o.status = 'APPROVED' and (o.launch_at is null or o.launch_at <= :now)
            for update skip locked""", nativeQuery = true)
    Optional<ProductOffering> lockIfDueForLaunch(UUID id, Instant now);

    @Query("select o.id from ProductOffering o where o.partnerId = :partner and o.status in ('LAUNCHED', 'APPROVED')")
    List<UUID> launchedOrApprovedOf(UUID partner);

    @Query("select o.id from ProductOffering o where o.partnerId = :partner and o.status in ('DRAFT', 'IN_REVIEW', 'REJECTED')")
    List<UUID> unlaunchedOf(UUID partner);

    /** The launched or approved bundles that contain the offering (retiring it would leave them unsellable). */
    @Query("""
            select b from ProductOffering b where :component member of b.components
            and b.status in ('LAUNCHED', 'APPROVED') order by b.createdAt, b.id""")
    List<ProductOffering> liveBundlesContaining(UUID component);
}
