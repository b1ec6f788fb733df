package io.accord.onboarding.document;

import io.accord.platform.upload.InspectedContent;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import org.springframework.data.domain.Persistable;

import java.util.UUID;

/** The bytes of one document version, in a table of their own that only a download reads. Written once. */
@Entity
@Table(name = "document_content")
class DocumentContent implements Persistable<UUID> {

    @Id
    private UUID versionId;
    private byte[] content;

    // the id is assigned, so Spring Data cannot tell new from stored; without this save() would merge (select first)
    @Transient
    private boolean stored;

    protected DocumentContent() {
    }

    DocumentContent(DocumentVersion version, InspectedContent content) {
        this.versionId = version.id();
        this.content = content.bytes();
    }

    byte[] content() {
        return content;
    }

    @Override
    public UUID getId() {
        return versionId;
    }

    @Override
    public boolean isNew() {
        return !stored;
    }

    @PostLoad
    @PostPersist
    void markStored() {
        stored = true;
    }
}
