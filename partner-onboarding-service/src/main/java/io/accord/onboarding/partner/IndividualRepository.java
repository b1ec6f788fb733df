package io.accord.onboarding.partner;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

import java.util.UUID;

interface IndividualRepository extends JpaRepository<Individual, UUID>, JpaSpecificationExecutor<Individual> {

    @Modifying
    @Query("delete from Individual i where i.partnerId = :partnerId")
    void deleteByPartner(UUID partnerId);
}
