package io.accord.onboarding.agreement;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads of agreement versions; every change goes through {@link AgreementHistory}. */
interface AgreementRepository extends JpaRepository<Agreement, UUID>, JpaSpecificationExecutor<Agreement> {

    /** The owner of a version, without loading it (a version loaded before its history's lock could be stale). */
    @Query("select a.partnerId from Agreement a where a.id = :id")
    Optional<UUID> ownerOf(UUID id);

    long countByPartnerId(UUID partnerId);

    /**
     * Partners with a version due to come into force or to expire at {@code now}, in id order so that concurrent
     * callers lock their histories in the same order (no deadlock).
     */
    @Query("""
            select distinct a.partnerId from Agreement a
            where (a.status = io.accord.onboarding.agreement.AgreementStatus.APPROVED
                   and a.effectiveFrom <= :now and a.countersignedAt <= :now)
               or (a.status = io.accord.onboarding.agreement.AgreementStatus.ACTIVE and a.inForceUntil <= :now)
            order by a.partnerId
            """)
    List<UUID> partnersWithDueTransitions(Instant now, Pageable limit);
}
