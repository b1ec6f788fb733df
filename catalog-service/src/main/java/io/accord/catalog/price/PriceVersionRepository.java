package io.accord.catalog.price;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

interface PriceVersionRepository extends JpaRepository<PriceVersion, UUID> {

    List<PriceVersion> findByOfferingIdOrderByPriceKeyAscVersionNumberAsc(UUID offeringId);

    List<PriceVersion> findByOfferingIdInOrderByOfferingIdAscPriceKeyAscVersionNumberAsc(Collection<UUID> offeringIds);

    Page<PriceVersion> findByOfferingIdIn(Collection<UUID> offeringIds, Pageable page);

    /** The versions in force at {@code at}: one query answered by the exclusion constraint's GiST index. */
    @Query(value = """
            select * from product_offering_price
            where offering_id = :offering and status = 'LAUNCHED'
              and tstzrange(valid_from, valid_to, '[)') @> cast(:at as timestamptz)
            order by price_key""", nativeQuery = true)
    List<PriceVersion> inForce(UUID offering, Instant at);

    @Modifying
    @Query("delete from PriceVersion p where p.offeringId = :offering and p.status = 'DRAFT' and p.id in :ids")
    void deleteDraftsById(UUID offering, Collection<UUID> ids);
}
