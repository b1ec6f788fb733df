package io.accord.onboarding.document;

import io.accord.platform.upload.InspectedContent;
import io.accord.contracts.value.PartnerId;
import io.accord.platform.problem.ConflictException;
import io.accord.platform.problem.InvalidInputException;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.BatchSize;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A document and its versions. Versions are never replaced: a new upload becomes the next version and every
 * earlier one stays readable. The bytes live apart ({@link DocumentContent}) so loading documents never loads
 * content.
 */
@Entity
@Table(name = "document")
class Document {

    static final int MAX_NAME_LENGTH = 200;

    @Id
    private UUID id;
    @Enumerated(EnumType.STRING)
    private OwnerType ownerType;
    private UUID ownerId;
    @Enumerated(EnumType.STRING)
    private DocumentType documentType;
    private String name;
    private LocalDate expiryDate;
    private int latestVersion;
    private Instant createdAt;
    private Instant updatedAt;
    @Version
    private Long version;

    // listing shows the latest version of each document: load the versions of a page in one query, not one each
    @OneToMany(mappedBy = "document", cascade = CascadeType.ALL)
    @OrderBy("versionNumber")
    @BatchSize(size = 100)
    private List<DocumentVersion> versions = new ArrayList<>();

    protected Document() {
    }

    /** A new document whose first version is {@code content}. */
    static Document upload(DocumentOwner owner, DocumentType type, String name, LocalDate expiryDate,
                           InspectedContent content, String fileName, String uploadedBy, Instant now) {
        Document document = new Document();
        document.id = UUID.randomUUID();
        document.ownerType = owner.type();
        document.ownerId = owner.id();
        document.documentType = type;
        document.name = checkedName(name);
        document.expiryDate = expiryDate;
        document.createdAt = now;
        document.addVersion(content, fileName, null, uploadedBy, now);
        return document;
    }

    /** Adds {@code content} as the next version; a given expiry date replaces the document's (a renewal). */
    DocumentVersion addVersion(InspectedContent content, String fileName, LocalDate newExpiryDate,
                               String uploadedBy, Instant now) {
        DocumentVersion next = new DocumentVersion(this, latestVersion + 1, content, fileName, uploadedBy, now);
        versions.add(next);
        latestVersion = next.versionNumber();
        if (newExpiryDate != null) {
            expiryDate = newExpiryDate;
        }
        updatedAt = now;
        return next;
    }

    /** Hands a document uploaded with an application over to the partner the application became. */
    void transferTo(PartnerId partner, Instant now) {
        if (ownerType != OwnerType.APPLICATION) {
            throw new ConflictException("Document " + id + " belongs to a partner already");
        }
        ownerType = OwnerType.PARTNER;
        ownerId = partner.value();
        updatedAt = now;
    }

    static String checkedName(String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("name", "The document name must not be blank.");
        }
        String stripped = name.strip();
        if (stripped.codePoints().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException("name", "The document name must not contain control characters.");
        }
        if (stripped.length() > MAX_NAME_LENGTH) {
            throw new InvalidInputException("name", "The document name must be at most " + MAX_NAME_LENGTH
                    + " characters.");
        }
        return stripped;
    }

    DocumentVersion latest() {
        return versions.getLast();
    }

    Optional<DocumentVersion> version(int number) {
        return versions.stream().filter(candidate -> candidate.versionNumber() == number).findFirst();
    }

    /** GDPR erasure: every version forgets the person who uploaded it. @return how many named someone */
    int forgetUploaders() {
        int forgotten = 0;
        for (DocumentVersion version : versions) {
            forgotten += version.forgetUploader() ? 1 : 0;
        }
        return forgotten;
    }

    List<DocumentVersion> versions() {
        return List.copyOf(versions);
    }

    DocumentOwner owner() {
        return new DocumentOwner(ownerType, ownerId);
    }

    UUID id() {
        return id;
    }

    DocumentType documentType() {
        return documentType;
    }

    String name() {
        return name;
    }

    LocalDate expiryDate() {
        return expiryDate;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }
}
