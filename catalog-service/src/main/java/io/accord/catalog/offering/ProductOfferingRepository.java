package io.accord.catalog.offering;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

import java.util.UUID;

interface ProductOfferingRepository extends JpaRepository<ProductOffering, UUID> {

    Page<ProductOffering> findByPartnerId(UUID partnerId, Pageable pageable);
}
