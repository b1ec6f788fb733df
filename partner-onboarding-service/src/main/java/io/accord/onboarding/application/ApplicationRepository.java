package io.accord.onboarding.application;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

interface ApplicationRepository extends JpaRepository<PartnerApplication, UUID>,
        JpaSpecificationExecutor<PartnerApplication> {

    List<PartnerApplication> findByTaxIdAndStatusInAndIdNot(String taxId, Collection<ApplicationStatus> statuses,
                                                           UUID id);

    List<PartnerApplication> findByNormalisedNameAndCountryAndStatusInAndIdNot(
            String normalisedName, String country, Collection<ApplicationStatus> statuses, UUID id);

    List<PartnerApplication> findByPartnerId(UUID partnerId);

    /**
     * The application with its row locked until the transaction ends: uploads to it take turns instead of failing
     * on each other's version, and the retention job cannot expire it meanwhile.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select a from PartnerApplication a where a.id = :id")
    Optional<PartnerApplication> findLockedById(@Param("id") UUID id);

    /** Applications whose form contains the text (lower case) anywhere: candidates, the caller checks the contacts. */
    @Query(value = "select * from partner_application where position(:text in lower(form)) > 0 order by created_at",
            nativeQuery = true)
    List<PartnerApplication> findByFormContaining(@Param("text") String text);
}
