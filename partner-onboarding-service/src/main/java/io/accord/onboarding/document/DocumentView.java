package io.accord.onboarding.document;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A document as TMF667 shows it. The attachment describes the latest version; {@code expiryDate} is an Accord
 * extension. TMF's {@code status} stays {@code created}: documents have no review lifecycle here.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record DocumentView(String id, String href, String name, String documentType, Instant creationDate,
                    Instant lastUpdate, String version, String status, LocalDate expiryDate,
                    List<AttachmentView> attachment, List<RelatedPartyView> relatedParty,
                    @JsonProperty("@type") String type) {

    static final String STATUS = "created";

    static DocumentView of(Document document) {
        String href = DocumentController.PATH + "/" + document.id();
        DocumentVersion latest = document.latest();
        return new DocumentView(document.id().toString(), href, document.name(), document.documentType().name(),
                document.createdAt(), document.updatedAt(), String.valueOf(latest.versionNumber()), STATUS,
                document.expiryDate(), List.of(AttachmentView.of(document, latest)),
                List.of(RelatedPartyView.owner(document.owner())), "Document");
    }

    static DocumentRef ref(Document document) {
        DocumentVersion latest = document.latest();
        return new DocumentRef(document.id(), DocumentController.PATH + "/" + document.id(), document.name(),
                document.documentType().name(), latest.versionNumber(), latest.mimeType(), latest.sha256());
    }
}
