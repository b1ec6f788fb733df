package io.accord.onboarding.agreement;

import io.accord.onboarding.partner.BusinessModel;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.util.Optional;
import java.util.UUID;

interface AgreementTemplateRepository extends JpaRepository<AgreementTemplate, UUID> {

    /** The current template of a model: its highest approved version. */
    Optional<AgreementTemplate> findFirstByBusinessModelAndApprovedAtIsNotNullOrderByVersionDesc(
            BusinessModel businessModel);

    Page<AgreementTemplate> findByBusinessModel(BusinessModel businessModel, Pageable page);

    @Query("select coalesce(max(t.version), 0) from AgreementTemplate t where t.businessModel = :model")
    int latestVersion(BusinessModel model);

    @Query("select coalesce(max(t.version), 0) from AgreementTemplate t where t.businessModel = :model"
            + " and t.approvedAt is not null")
    int currentVersion(BusinessModel model);
}
