package io.accord.settlement.document;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Stored documents: written once at issue, read by downloads. */
@Repository
class DocumentStore {

    private final JdbcClient jdbc;

    DocumentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(DocumentContent content, byte[] pdf, String pdfSha256, byte[] json, String jsonSha256,
                Instant now) {
        jdbc.sql("""
                        insert into settlement_document (document_id, partner_id, document_type, document_number,
                                                         pdf, pdf_sha256, json, json_sha256, created_at)
                        values (:id, :partner, :type, :number, :pdf, :pdfSha, :json, :jsonSha, :now)""")
                .param("id", content.documentId()).param("partner", content.partnerId())
                .param("type", content.documentType()).param("number", content.documentNumber())
                .param("pdf", pdf).param("pdfSha", pdfSha256).param("json", json).param("jsonSha", jsonSha256)
                .param("now", Timestamp.from(now)).update();
    }

    /** The document in one format ({@code pdf} or {@code json}), without the other's bytes. */
    Optional<SettlementDocuments.Download> find(UUID documentId, SettlementDocuments.Format format) {
        String column = format == SettlementDocuments.Format.PDF ? "pdf" : "json";
        return jdbc.sql("select partner_id, document_type, document_number, " + column + " as content, " + column
                        + "_sha256 as sha from settlement_document where document_id = :id")
                .param("id", documentId)
                .query((rs, row) -> new SettlementDocuments.Download(documentId,
                        rs.getObject("partner_id", UUID.class), rs.getString("document_type"),
                        rs.getString("document_number"), format, rs.getBytes("content"), rs.getString("sha")))
                .optional();
    }
}
