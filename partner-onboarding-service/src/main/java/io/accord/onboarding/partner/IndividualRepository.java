package io.accord.onboarding.partner;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

import java.util.List;
import java.util.UUID;

interface IndividualRepository extends JpaRepository<Individual, UUID>, JpaSpecificationExecutor<Individual> {

    List<Individual> findByPartnerId(UUID partnerId);

    List<Individual> findByEmailIgnoreCase(String email);

    @Modifying
    @Query("delete from Individual i where i.partnerId = :partnerId")
    void deleteByPartner(UUID partnerId);
}
