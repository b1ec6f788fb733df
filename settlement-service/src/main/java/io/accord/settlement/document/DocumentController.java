package io.accord.settlement.document;

import io.accord.contracts.Roles;
import io.accord.platform.problem.NotFoundException;
import io.accord.platform.problem.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Downloads of issued documents as PDF or JSON, chosen by {@code Accept} (PDF when the client accepts anything);
 * staff read any, a partner its own (another partner's: 404). {@code X-Document-SHA256} carries the stored hash.
 */
@RestController
@Tag(name = "Settlement documents")
class DocumentController {

    static final String SHA_HEADER = "X-Document-SHA256";
    static final String READERS = "hasAnyRole('" + Roles.FINANCE + "', '" + Roles.PLATFORM_ADMIN + "', '"
            + Roles.AUDITOR + "', '" + Roles.OPS + "', '" + Roles.PARTNER_MANAGER + "', '" + Roles.PARTNER_ADMIN
            + "', '" + Roles.PARTNER_USER + "')";
    private static final MediaType PDF = MediaType.APPLICATION_PDF;
    private static final Set<String> STATEMENTS = Set.of("REVENUE_SHARE_STATEMENT", "WHOLESALE_INVOICE",
            "SETTLEMENT_STATEMENT");
    private static final Set<String> NOTES = Set.of("CREDIT_NOTE", "DEBIT_NOTE");

    private final SettlementDocuments documents;

    DocumentController(SettlementDocuments documents) {
        this.documents = documents;
    }

    @GetMapping("/api/settlement/statements/{id}/document")
    @PreAuthorize(READERS)
    @Operation(operationId = "downloadSettlementStatementDocument",
            summary = "The issued statement or wholesale invoice as PDF (Accept: application/pdf) or JSON "
                    + "(Accept: application/json); 404 before issue")
    ResponseEntity<byte[]> statement(@PathVariable UUID id,
                                     @Parameter(description = "application/pdf (default) or application/json")
                                     @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        return download("Statement document", id, accept, STATEMENTS);
    }

    @GetMapping("/api/settlement/notes/{id}/document")
    @PreAuthorize(READERS)
    @Operation(operationId = "downloadSettlementNoteDocument",
            summary = "The issued credit or debit note as PDF or JSON, chosen by Accept; 404 before issue")
    ResponseEntity<byte[]> note(@PathVariable UUID id,
                                @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        return download("Note document", id, accept, NOTES);
    }

    private ResponseEntity<byte[]> download(String kind, UUID id, String accept, Set<String> types) {
        SettlementDocuments.Format format = format(accept);
        SettlementDocuments.Download download = documents.download(id, format)
                .filter(found -> types.contains(found.documentType()))
                .orElseThrow(() -> new NotFoundException(kind, id));
        String extension = format == SettlementDocuments.Format.PDF ? ".pdf" : ".json";
        return ResponseEntity.ok()
                .contentType(format == SettlementDocuments.Format.PDF ? PDF : MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(download.documentNumber() + extension).build().toString())
                .header(SHA_HEADER, download.sha256())
                .eTag("\"" + download.sha256() + "\"")
                .body(download.content());
    }

    /** The first acceptable of PDF and JSON in the client's order of preference; neither: 406. */
    static SettlementDocuments.Format format(String accept) {
        if (accept == null || accept.isBlank()) {
            return SettlementDocuments.Format.PDF;
        }
        List<MediaType> accepted;
        try {
            accepted = MediaType.parseMediaTypes(accept);
        } catch (InvalidMediaTypeException malformed) {
            throw new ErrorResponseException(HttpStatus.NOT_ACCEPTABLE, Problems.of(HttpStatus.NOT_ACCEPTABLE,
                    "not-acceptable", "Accept '" + accept + "' is not a media type list: ask for application/pdf "
                            + "or application/json"), malformed);
        }
        accepted = new ArrayList<>(accepted);
        accepted.sort(Comparator.comparingDouble(MediaType::getQualityValue).reversed());
        for (MediaType type : accepted) {
            if (type.getQualityValue() == 0) {
                continue;
            }
            if (type.isCompatibleWith(PDF)) {
                return SettlementDocuments.Format.PDF;
            }
            if (type.isCompatibleWith(MediaType.APPLICATION_JSON)) {
                return SettlementDocuments.Format.JSON;
            }
        }
        throw new ErrorResponseException(HttpStatus.NOT_ACCEPTABLE, Problems.of(HttpStatus.NOT_ACCEPTABLE,
                "not-acceptable", "A settlement document is available as application/pdf or application/json, "
                        + "not " + accept), null);
    }
}
