package io.accord.onboarding.document;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.util.Collection;
import java.util.UUID;

interface DocumentContentRepository extends JpaRepository<DocumentContent, UUID> {

    /** Deletes the contents of these versions without loading their bytes. */
    @Modifying
    @Query("delete from DocumentContent c where c.versionId in :versionIds")
    int deleteByVersionIds(@Param("versionIds") Collection<UUID> versionIds);
}
