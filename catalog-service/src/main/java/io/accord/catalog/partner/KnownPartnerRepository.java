package io.accord.catalog.partner;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.UUID;

interface KnownPartnerRepository extends JpaRepository<KnownPartner, UUID> {
}
