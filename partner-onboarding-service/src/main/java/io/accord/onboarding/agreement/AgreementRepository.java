package io.accord.onboarding.agreement;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

import java.util.Optional;
import java.util.UUID;

/** Reads of agreement versions; every change goes through {@link AgreementHistory}. */
interface AgreementRepository extends JpaRepository<Agreement, UUID>, JpaSpecificationExecutor<Agreement> {

    /** The owner of a version, without loading it (a version loaded before its history's lock could be stale). */
    @Query("select a.partnerId from Agreement a where a.id = :id")
    Optional<UUID> ownerOf(UUID id);

    long countByPartnerId(UUID partnerId);
}
