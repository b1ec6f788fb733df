package io.accord.onboarding.document;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;

/**
 * One version of a document, with the attachment (metadata and download url) of its bytes. Who uploaded it is
 * in the audit trail, not here: a partner does not learn staff user names from its documents.
 */
record DocumentVersionView(String href, String version, Instant creationDate, AttachmentView attachment,
                           @JsonProperty("@type") String type) {

    static DocumentVersionView of(Document document, DocumentVersion version) {
        return new DocumentVersionView(DocumentController.versionPath(document.id(), version.versionNumber()),
                String.valueOf(version.versionNumber()), version.uploadedAt(), AttachmentView.of(document, version),
                "DocumentVersion");
    }
}
