package io.accord.onboarding.document;

import io.accord.contracts.value.PartnerId;
import io.accord.onboarding.partner.PartnerDirectory;
import io.accord.onboarding.partner.PartnerStatus;
import io.accord.platform.problem.ConflictException;
import io.accord.platform.problem.InvalidInputException;
import io.accord.platform.problem.NotFoundException;
import io.accord.platform.security.Tenancy;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;

/**
 * The document API's use cases with the caller's tenancy: a partner reaches only its own partner's documents
 * (anything else is a 404), staff reach all, including documents still owned by an application.
 */
@Service
class DocumentService {

    private final DocumentRepository documents;
    private final DocumentContentRepository contents;
    private final DocumentStore store;
    private final PartnerDirectory partners;
    private final Tenancy tenancy;

    DocumentService(DocumentRepository documents, DocumentContentRepository contents, DocumentStore store,
                    PartnerDirectory partners, Tenancy tenancy) {
        this.documents = documents;
        this.contents = contents;
        this.store = store;
        this.partners = partners;
        this.tenancy = tenancy;
    }

    @Transactional
    DocumentView upload(DocumentForms.Upload form) {
        DocumentOwner owner = uploadOwner(form.partnerId());
        requireWritableByCaller(owner);
        return DocumentView.of(store.create(owner, form.documentType(), form.name(),
                ExpiryDates.parse(form.expiryDate()), bytes(form.file()), form.file().getOriginalFilename()));
    }

    @Transactional
    DocumentVersionView addVersion(UUID id, DocumentForms.NewVersion form) {
        Document visible = visible(id);
        requireWritableByCaller(visible.owner());
        Document document = store.addVersion(visible, bytes(form.file()), form.file().getOriginalFilename(),
                ExpiryDates.parse(form.expiryDate()));
        return DocumentVersionView.of(document, document.latest());
    }

    @Transactional(readOnly = true)
    DocumentView get(UUID id) {
        return DocumentView.of(visible(id));
    }

    @Transactional(readOnly = true)
    Page<DocumentView> list(DocumentQuery query, Specification<Document> criteria, Pageable page) {
        return DocumentQuery.forCaller(query, tenancy)
                .map(specification -> documents.findAll(specification.and(criteria), page).map(DocumentView::of))
                .orElseGet(() -> Page.empty(page));
    }

    @Transactional(readOnly = true)
    List<DocumentVersionView> versions(UUID id) {
        Document document = visible(id);
        return document.versions().stream().map(version -> DocumentVersionView.of(document, version)).toList();
    }

    @Transactional(readOnly = true)
    DocumentVersionView version(UUID id, int number) {
        Document document = visible(id);
        return DocumentVersionView.of(document, versionOf(document, number));
    }

    /** The latest version's bytes when {@code number} is null. */
    @Transactional(readOnly = true)
    Download download(UUID id, Integer number) {
        Document document = visible(id);
        DocumentVersion version = number == null ? document.latest() : versionOf(document, number);
        DocumentContent content = contents.findById(version.id())
                .orElseThrow(() -> new IllegalStateException("no content stored for version " + version.id()));
        return new Download(Download.fileName(document, version), version.mimeType(), version.sha256(),
                content.content());
    }

    /**
     * A terminated partner's users cannot add documents (a token issued before the termination is still valid for a
     * while), like its contacts; staff still file documents of a terminated partner (its history is kept).
     */
    private void requireWritableByCaller(DocumentOwner owner) {
        if (tenancy.isStaff()) {
            return;
        }
        owner.partner().flatMap(partners::find).filter(entry -> entry.status() == PartnerStatus.TERMINATED)
                .ifPresent(entry -> {
                    throw new ConflictException("Partner " + entry.id() + " is TERMINATED: its users can no longer"
                            + " add documents");
                });
    }

    private Document visible(UUID id) {
        return documents.findById(id).filter(this::canSee).orElseThrow(() -> new NotFoundException("Document", id));
    }

    private boolean canSee(Document document) {
        return tenancy.isStaff() || document.owner().partner().map(tenancy::canAccess).orElse(false);
    }

    private static DocumentVersion versionOf(Document document, int number) {
        return document.version(number)
                .orElseThrow(() -> new NotFoundException("Version " + number + " of document", document.id()));
    }

    /** Staff name the partner; a partner uploads for itself (naming another partner is refused). */
    private DocumentOwner uploadOwner(String requestedPartner) {
        PartnerId requested = requestedPartner == null || requestedPartner.isBlank() ? null
                : parsePartnerId(requestedPartner);
        if (tenancy.isStaff()) {
            if (requested == null) {
                throw new InvalidInputException("partnerId", "Staff must name the partner the document belongs to.");
            }
            if (!partners.exists(requested)) {
                throw new InvalidInputException("partnerId", "There is no partner " + requested + ".");
            }
            return DocumentOwner.partner(requested);
        }
        PartnerId own = tenancy.partnerId()
                .orElseThrow(() -> new InvalidInputException("partnerId", "Your token names no partner."));
        if (requested != null && !requested.equals(own)) {
            throw new InvalidInputException("partnerId", "A partner uploads documents for itself only.");
        }
        return DocumentOwner.partner(own);
    }

    private static PartnerId parsePartnerId(String value) {
        try {
            return PartnerId.of(value.strip());
        } catch (IllegalArgumentException malformed) {
            throw new InvalidInputException("partnerId", "'" + value + "' is not a partner id (a UUID).");
        }
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the uploaded file", e);
        }
    }
}
