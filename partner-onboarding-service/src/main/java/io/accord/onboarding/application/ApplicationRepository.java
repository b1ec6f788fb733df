package io.accord.onboarding.application;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

interface ApplicationRepository extends JpaRepository<PartnerApplication, UUID>,
        JpaSpecificationExecutor<PartnerApplication> {

    List<PartnerApplication> findByTaxIdAndStatusInAndIdNot(String taxId, Collection<ApplicationStatus> statuses,
                                                           UUID id);

    List<PartnerApplication> findByNormalisedNameAndCountryAndStatusInAndIdNot(
            String normalisedName, String country, Collection<ApplicationStatus> statuses, UUID id);

    List<PartnerApplication> findByPartnerId(UUID partnerId);

    /** Applications whose form contains the text (lower case) anywhere: candidates, the caller checks the contacts. */
    @Query(value = "select * from partner_application where position(:text in lower(form)) > 0 order by created_at",
            nativeQuery = true)
    List<PartnerApplication> findByFormContaining(@Param("text") String text);
}
