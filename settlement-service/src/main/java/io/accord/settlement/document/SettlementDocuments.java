package io.accord.settlement.document;

import io.accord.contracts.value.PartnerId;
import io.accord.platform.security.Tenancy;
import io.accord.settlement.issuer.IssuingEntities;
import io.accord.settlement.partner.PartnerTerms;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/**
 * Settlement documents (the feature's entry point): at issue, the statement or note is rendered as PDF (OpenPDF)
 * and JSON with the issuing entity's and the partner's legal data, stored with the SHA-256 of each form in the
 * issuing transaction, and downloadable afterwards by staff and by the partner it belongs to. A document never
 * changes once stored.
 */
@Service
public class SettlementDocuments {

    private final DocumentStore store;
    private final IssuingEntities issuers;
    private final PartnerTerms partners;
    private final JsonMapper json;
    private final Tenancy tenancy;
    private final Clock clock;

    SettlementDocuments(DocumentStore store, IssuingEntities issuers, PartnerTerms partners, JsonMapper json,
                        Tenancy tenancy, Clock clock) {
        this.store = store;
        this.issuers = issuers;
        this.partners = partners;
        this.json = json;
        this.tenancy = tenancy;
        this.clock = clock;
    }

    /** Renders and stores the document in the issuing transaction; answers the SHA-256 of its PDF and JSON. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Stored store(DocumentContent content) {
        PrintedDocument printed = DocumentComposer.compose(content, issuers.get(content.issuingEntityId()),
                partners.legalData(content.partnerId()).orElse(null));
        byte[] pdf = PdfRenderer.render(printed);
        byte[] document = json.writerWithDefaultPrettyPrinter().writeValueAsString(printed)
                .getBytes(StandardCharsets.UTF_8);
        Stored stored = new Stored(content.documentId(), sha256(pdf), sha256(document));
        store.insert(content, pdf, stored.pdfSha256(), document, stored.jsonSha256(), clock.instant());
        return stored;
    }

    /** The stored document in the format asked, when the caller may see it (staff: any; a partner: its own). */
    @Transactional(readOnly = true)
    public Optional<Download> download(UUID documentId, Format format) {
        return tenancy.visible(store.find(documentId, format), download -> new PartnerId(download.partnerId()));
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-256 is part of every JDK", impossible);
        }
    }

    public enum Format { PDF, JSON }

    /** What was stored: the hex SHA-256 of the PDF (the one {@code StatementIssued} carries) and of the JSON. */
    public record Stored(UUID documentId, String pdfSha256, String jsonSha256) {
    }

    /** A document's bytes in one format with their SHA-256. */
    public record Download(UUID documentId, UUID partnerId, String documentType, String documentNumber,
                           Format format, byte[] content, String sha256) {
    }
}
