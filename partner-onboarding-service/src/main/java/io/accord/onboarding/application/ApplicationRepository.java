package io.accord.onboarding.application;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

interface ApplicationRepository extends JpaRepository<PartnerApplication, UUID>,
        JpaSpecificationExecutor<PartnerApplication> {

    List<PartnerApplication> findByTaxIdAndStatusInAndIdNot(String taxId, Collection<ApplicationStatus> statuses,
                                                           UUID id);

    List<PartnerApplication> findByNormalisedNameAndCountryAndStatusInAndIdNot(
            String normalisedName, String country, Collection<ApplicationStatus> statuses, UUID id);
}
