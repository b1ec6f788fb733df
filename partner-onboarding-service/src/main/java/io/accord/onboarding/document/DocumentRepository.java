package io.accord.onboarding.document;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

import java.util.List;
import java.util.UUID;

interface DocumentRepository extends JpaRepository<Document, UUID>, JpaSpecificationExecutor<Document> {

    List<Document> findByOwnerTypeAndOwnerId(OwnerType ownerType, UUID ownerId);

    long countByOwnerTypeAndOwnerId(OwnerType ownerType, UUID ownerId);
}
