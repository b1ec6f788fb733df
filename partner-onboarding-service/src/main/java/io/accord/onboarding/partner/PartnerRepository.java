package io.accord.onboarding.partner;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

import java.util.UUID;

interface PartnerRepository extends JpaRepository<Partner, UUID> {

    Page<Partner> findByStatus(PartnerStatus status, Pageable pageable);
}
