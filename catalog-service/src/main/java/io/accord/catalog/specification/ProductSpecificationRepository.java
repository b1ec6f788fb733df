package io.accord.catalog.specification;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

interface ProductSpecificationRepository extends JpaRepository<ProductSpecification, UUID>,
        JpaSpecificationExecutor<ProductSpecification> {

    List<ProductSpecification> findByOwnerKeyAndExternalIdIn(String ownerKey, Collection<String> externalIds);
}
