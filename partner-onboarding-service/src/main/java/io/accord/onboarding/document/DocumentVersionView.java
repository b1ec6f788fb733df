package io.accord.onboarding.document;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;

/** One version of a document, with the attachment (metadata and download url) of its bytes. */
record DocumentVersionView(String href, String version, Instant creationDate, String uploadedBy,
                           AttachmentView attachment, @JsonProperty("@type") String type) {

    static DocumentVersionView of(Document document, DocumentVersion version) {
        return new DocumentVersionView(DocumentController.versionPath(document.id(), version.versionNumber()),
                String.valueOf(version.versionNumber()), version.uploadedAt(), version.uploadedBy(),
                AttachmentView.of(document, version), "DocumentVersion");
    }
}
