package io.accord.onboarding.document;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * TMF {@code AttachmentRefOrValue} of one version, by reference: {@code url} downloads exactly these bytes (it
 * names the version, so it keeps matching {@code sha256} after newer versions arrive). {@code sha256} (hex) is
 * an Accord extension.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record AttachmentView(String name, String mimeType, Size size, String url, String sha256,
                      @JsonProperty("@type") String type) {

    static AttachmentView of(Document document, DocumentVersion version) {
        return new AttachmentView(version.fileName(), version.mimeType(), new Size(version.sizeBytes(), "bytes"),
                DocumentController.contentPath(document.id(), version.versionNumber()), version.sha256(),
                "Attachment");
    }

    /** TMF {@code Quantity}. */
    record Size(long amount, String units) {
    }
}
