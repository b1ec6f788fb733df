package io.accord.onboarding.document;

import io.accord.platform.security.Tenancy;
import io.accord.platform.upload.InspectedContent;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One uploaded file of a document: what was detected and recorded about its bytes at upload. Immutable. */
@Entity
@Table(name = "document_version")
class DocumentVersion {

    @Id
    private UUID id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "document_id")
    private Document document;
    private int versionNumber;
    private String fileName;
    private String mimeType;
    private long sizeBytes;
    private String sha256;
    private Instant uploadedAt;
    private String uploadedBy;

    protected DocumentVersion() {
    }

    DocumentVersion(Document document, int versionNumber, InspectedContent content, String fileName,
                    String uploadedBy, Instant uploadedAt) {
        this.id = UUID.randomUUID();
        this.document = document;
        this.versionNumber = versionNumber;
        this.fileName = fileName;
        this.mimeType = content.type().mimeType();
        this.sizeBytes = content.size();
        this.sha256 = content.sha256();
        this.uploadedBy = uploadedBy;
        this.uploadedAt = uploadedAt;
    }

    UUID id() {
        return id;
    }

    /**
     * GDPR erasure: forgets who uploaded it when that names a person (a user name: a partner user's is its e-mail),
     * not when it was an anonymous applicant or the system.
     *
     * @return whether it named someone
     */
    boolean forgetUploader() {
        if (uploadedBy == null || Tenancy.ANONYMOUS_ACTOR.equals(uploadedBy)
                || Tenancy.SYSTEM_ACTOR.equals(uploadedBy)) {
            return false;
        }
        uploadedBy = null;
        return true;
    }

    int versionNumber() {
        return versionNumber;
    }

    String fileName() {
        return fileName;
    }

    String mimeType() {
        return mimeType;
    }

    long sizeBytes() {
        return sizeBytes;
    }

    String sha256() {
        return sha256;
    }

    Instant uploadedAt() {
        return uploadedAt;
    }
}
