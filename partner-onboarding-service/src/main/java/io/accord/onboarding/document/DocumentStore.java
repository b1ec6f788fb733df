package io.accord.onboarding.document;

import io.accord.platform.upload.FileNames;
import io.accord.platform.upload.InspectedContent;
import io.accord.contracts.value.PartnerId;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.accord.platform.audit.AuditTrail;
import io.accord.platform.problem.ConflictException;
import io.accord.platform.security.Tenancy;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The one write path of documents, for the REST API and the Java API alike: every rule checked before anything
 * is written, then metadata, content and audit row in one transaction. It trusts its caller on who may write.
 */
@Component
class DocumentStore {

    static final String RESOURCE_TYPE = "document";

    private final DocumentRepository documents;
    private final DocumentContentRepository contents;
    private final AuditTrail audit;
    private final Tenancy tenancy;
    private final DocumentProperties properties;
    private final ApplicationUploadLimits applicationLimits;
    private final Clock clock;

    DocumentStore(DocumentRepository documents, DocumentContentRepository contents, AuditTrail audit,
                  Tenancy tenancy, DocumentProperties properties, ApplicationUploadLimits applicationLimits,
                  Clock clock) {
        this.applicationLimits = applicationLimits;
        this.documents = documents;
        this.contents = contents;
        this.audit = audit;
        this.tenancy = tenancy;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional
    Document create(DocumentOwner owner, String documentType, String name, LocalDate expiryDate, byte[] bytes,
                    String fileName) {
        DocumentType type = DocumentType.parse("documentType", documentType);
        String checkedName = Document.checkedName(name);
        InspectedContent content = InspectedContent.inspect(bytes, properties.maxSize());
        applicationLimits.checkRoomFor(owner, true, content.size());
        Document document = Document.upload(owner, type, checkedName, ExpiryDates.check(expiryDate), content,
                FileNames.clean(fileName), tenancy.actor(), now());
        documents.save(document);
        contents.save(new DocumentContent(document.latest(), content));
        audited(document, "uploaded", null, DocumentView.of(document));
        return document;
    }

    @Transactional
    Document addVersion(Document document, byte[] bytes, String fileName, LocalDate newExpiryDate) {
        InspectedContent content = InspectedContent.inspect(bytes, properties.maxSize());
        applicationLimits.checkRoomFor(document.owner(), false, content.size());
        LocalDate checkedExpiry = ExpiryDates.check(newExpiryDate);
        DocumentView before = DocumentView.of(document);
        DocumentVersion version = document.addVersion(content, FileNames.clean(fileName), checkedExpiry,
                tenancy.actor(), now());
        try {
            // flushed here, not at commit, so that losing a race with another new version is a 409 and not a 500
            documents.saveAndFlush(document);
        } catch (OptimisticLockingFailureException | DataIntegrityViolationException raced) {
            throw new ConflictException("Document " + document.id() + " got another new version at the same time;"
                    + " read it and upload again if yours is still needed.");
        }
        contents.save(new DocumentContent(version, content));
        audited(document, "version-added", before, DocumentView.of(document));
        return document;
    }

    @Transactional
    void transfer(UUID applicationId, PartnerId partner) {
        for (Document document : documents.findByOwnerTypeAndOwnerId(OwnerType.APPLICATION, applicationId)) {
            DocumentView before = DocumentView.of(document);
            document.transferTo(partner, now());
            documents.save(document);
            audited(document, "transferred-to-partner", before, DocumentView.of(document));
        }
    }

    /**
     * GDPR erasure (docs/personal-data.md): deletes the owner's documents of the types that may show persons
     * ({@link DocumentType#PERSONAL}) with every version and its content, and the other documents' versions forget
     * who uploaded them. The trail gets each deletion by id, type and number of versions (no name, file name or
     * uploader), each forgetting by id and number of versions.
     *
     * @return the ids of the deleted documents
     */
    @Transactional
    List<UUID> erasePersonal(DocumentOwner owner) {
        List<UUID> erased = new ArrayList<>();
        for (Document document : documents.findByOwnerTypeAndOwnerId(owner.type(), owner.id())) {
            if (!DocumentType.PERSONAL.contains(document.documentType())) {
                int forgotten = document.forgetUploaders();
                if (forgotten > 0) {
                    audit.record(partnerOf(document), RESOURCE_TYPE, document.id().toString(), "uploaders-erased",
                            null, new UploadersErased(forgotten));
                }
                continue;
            }
            List<DocumentVersion> versions = document.versions();
            contents.deleteByVersionIds(versions.stream().map(DocumentVersion::id).toList());
            documents.delete(document);
            audit.record(partnerOf(document), RESOURCE_TYPE, document.id().toString(), "erased",
                    new Erased(document.documentType().name(), versions.size()), null);
            erased.add(document.id());
        }
        return erased;
    }

    /** What the trail keeps of an erased document. */
    record Erased(String documentType, int versions) {
    }

    /** What the trail keeps of a kept document whose versions forgot their uploaders. */
    record UploadersErased(int versions) {
    }

    /** Microseconds, as PostgreSQL stores them: the answer to an upload shows what a later read shows. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * Audits a change of {@code document}: a type that may show persons ({@link DocumentType#PERSONAL}) without its
     * name and file name, which the append-only trail could never erase with the document (docs/personal-data.md);
     * its attachment is then the one object of the view's list, so that {@code attachment.name} can be left out.
     */
    private void audited(Document document, String action, DocumentView before, DocumentView after) {
        String id = document.id().toString();
        if (!DocumentType.PERSONAL.contains(document.documentType())) {
            audit.record(partnerOf(document), RESOURCE_TYPE, id, action, before, after);
            return;
        }
        audit.recordWithoutPersonalData(partnerOf(document), RESOURCE_TYPE, id, action, PersonalDocument.of(before),
                PersonalDocument.of(after), PersonalDocument.PERSONAL_FIELDS);
    }

    /** A document that may show persons as the trail keeps it: {@link DocumentView} with its one attachment. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PersonalDocument(String id, String href, String name, String documentType, Instant creationDate,
                            Instant lastUpdate, String version, LocalDate expiryDate, AttachmentView attachment,
                            List<RelatedPartyView> relatedParty) {

        static final List<String> PERSONAL_FIELDS = List.of("name", "attachment.name");

        static PersonalDocument of(DocumentView view) {
            return view == null ? null : new PersonalDocument(view.id(), view.href(), view.name(),
                    view.documentType(), view.creationDate(), view.lastUpdate(), view.version(), view.expiryDate(),
                    view.attachment().getFirst(), view.relatedParty());
        }
    }

    private static PartnerId partnerOf(Document document) {
        return document.owner().partner().orElse(null);
    }
}
