package io.accord.onboarding.document;

import io.accord.contracts.value.PartnerId;
import io.accord.platform.problem.InvalidInputException;
import io.accord.platform.upload.FileNames;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Documents for the other features of this service, above all the application flow: applicants upload before
 * their partner exists (owner {@link OwnerType#APPLICATION}), and activation hands the documents over to the
 * partner. The caller decides who may do this; these methods check the document rules only.
 */
@Component
public class Documents {

    private final DocumentStore store;
    private final DocumentRepository documents;

    Documents(DocumentStore store, DocumentRepository documents) {
        this.store = store;
        this.documents = documents;
    }

    /**
     * Stores a new document (version 1) with the same rules as the REST upload, audited in the caller's
     * transaction if there is one.
     *
     * @param documentType one of CONTRACT, CERTIFICATE, TAX_FORM, IDENTITY, BANK_PROOF, OTHER
     * @param expiryDate   optional
     * @throws InvalidInputException          on field {@code documentType}, {@code name}, {@code expiryDate} or
     *                                        {@code file} (empty, or not a PDF, PNG or JPEG by content): 400
     * @throws MaxUploadSizeExceededException content over {@code accord.onboarding.documents.max-size}: 413
     */
    @Transactional
    public DocumentRef store(DocumentOwner owner, String documentType, String name, byte[] content,
                             LocalDate expiryDate) {
        // the name of an applicant's document is its file's name: its last path segment, like any file name
        String fileName = FileNames.clean(name);
        return DocumentView.ref(store.create(owner, documentType, fileName == null ? name : fileName, expiryDate,
                content, name));
    }

    /** The owner's documents, oldest first, each as its latest version. */
    @Transactional(readOnly = true)
    public List<DocumentRef> of(DocumentOwner owner) {
        return documents.findByOwnerTypeAndOwnerId(owner.type(), owner.id()).stream()
                .sorted(Comparator.comparing(Document::createdAt).thenComparing(Document::id))
                .map(DocumentView::ref).toList();
    }

    /** The distinct document types the owner has, e.g. {@code ["CONTRACT", "TAX_FORM"]}. */
    @Transactional(readOnly = true)
    public Set<String> documentTypesOf(DocumentOwner owner) {
        return documents.findByOwnerTypeAndOwnerId(owner.type(), owner.id()).stream()
                .map(document -> document.documentType().name())
                .collect(Collectors.toUnmodifiableSet());
    }

    /**
     * GDPR erasure: deletes the owner's documents that may show persons (types IDENTITY and OTHER), every version
     * and its content, audited by id and type only; the others (contracts, certificates, tax forms, bank proofs) are
     * business records and stay, their versions forgetting who uploaded them. Joins the caller's transaction.
     *
     * @return the ids of the deleted documents
     */
    @Transactional
    public List<UUID> erasePersonal(DocumentOwner owner) {
        return store.erasePersonal(owner);
    }

    /**
     * Makes every document of the application the partner's (audited per document). Joins the caller's
     * transaction, so it commits or rolls back with the activation. Nothing to transfer is not an error.
     */
    @Transactional
    public void transferToPartner(UUID applicationId, PartnerId partner) {
        store.transfer(applicationId, partner);
    }
}
