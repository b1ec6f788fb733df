package io.accord.orchestration.activation;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.UUID;

interface PartnerEndpointRepository extends JpaRepository<PartnerEndpoint, UUID> {
}
