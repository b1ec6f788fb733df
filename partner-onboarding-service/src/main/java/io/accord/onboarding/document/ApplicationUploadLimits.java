package io.accord.onboarding.document;

import io.accord.platform.problem.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * An application is filled in by an anonymous applicant, so what it may hold is bounded: so many documents and
 * so many bytes in all ({@link DocumentProperties}). Checked under a lock on the application's documents, so that
 * parallel uploads cannot pass the limit together.
 */
@Component
class ApplicationUploadLimits {

    private final DocumentRepository documents;
    private final DocumentProperties properties;

    ApplicationUploadLimits(DocumentRepository documents, DocumentProperties properties) {
        this.documents = documents;
        this.properties = properties;
    }

    /** In the upload's transaction: refuses (422 or 413) when one more document of this size passes a limit. */
    void checkRoomFor(DocumentOwner owner, boolean newDocument, long bytes) {
        if (owner.type() != OwnerType.APPLICATION) {
            return;
        }
        documents.lockOwner(owner.id().toString());
        DocumentRepository.Usage usage = documents.usageOf(owner.type().name(), owner.id());
        int maxDocuments = properties.maxPerApplication();
        if (newDocument && usage.getDocuments() >= maxDocuments) {
            throw refused(HttpStatus.UNPROCESSABLE_CONTENT, "too-many-documents", "Application " + owner.id()
                    + " already has " + usage.getDocuments() + " documents, the limit per application is "
                    + maxDocuments + ".", maxDocuments);
        }
        long maxBytes = properties.maxTotalSizePerApplication().toBytes();
        if (usage.getBytes() + bytes > maxBytes) {
            throw refused(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Application " + owner.id()
                    + " holds " + usage.getBytes() + " bytes of documents; with these " + bytes
                    + " bytes it would pass the limit of " + maxBytes + " bytes (" + (maxBytes / (1024 * 1024))
                    + " MB) per application.", maxBytes);
        }
    }

    private static ErrorResponseException refused(HttpStatus status, String slug, String detail, long limit) {
        ProblemDetail problem = Problems.of(status, slug, detail);
        problem.setProperty("limit", limit);
        return new ErrorResponseException(status, problem, null);
    }
}
