package io.accord.onboarding.document;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.util.List;
import java.util.UUID;

interface DocumentRepository extends JpaRepository<Document, UUID>, JpaSpecificationExecutor<Document> {

    List<Document> findByOwnerTypeAndOwnerId(OwnerType ownerType, UUID ownerId);

    /** How many documents an owner has and how many bytes all their versions hold. */
    interface Usage {

        long getDocuments();

        long getBytes();
    }

    @Query(value = """
            select count(distinct d.id) as documents, coalesce(sum(v.size_bytes), 0) as bytes
            from document d join document_version v on v.document_id = d.id
            where d.owner_type = :ownerType and d.owner_id = :ownerId""", nativeQuery = true)
    Usage usageOf(@Param("ownerType") String ownerType, @Param("ownerId") UUID ownerId);

    /**
     * Serialises uploads to one owner until the transaction ends (a transaction-scoped advisory lock on the owner
     * id), so that checking a limit and storing the document are one step.
     */
    @Query(value = "select 1 from (select pg_advisory_xact_lock(hashtextextended(:ownerId, 0))) as locked",
            nativeQuery = true)
    int lockOwner(@Param("ownerId") String ownerId);

    long countByOwnerTypeAndOwnerId(OwnerType ownerType, UUID ownerId);
}
