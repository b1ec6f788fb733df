package io.accord.settlement.statement;

import io.accord.platform.problem.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** A statement's lines as CSV, for accountants: staff any statement, a partner its own issued (or paid) ones. */
@RestController
@Tag(name = "Settlement statements")
class StatementLinesController {

    static final String TEXT_CSV = "text/csv";

    private final Statements statements;

    StatementLinesController(Statements statements) {
        this.statements = statements;
    }

    @GetMapping(value = StatementController.PATH + "/{id}/lines", produces = TEXT_CSV)
    @PreAuthorize(StatementController.READERS)
    @Operation(operationId = "exportSettlementStatementLines",
            summary = "A statement's lines as CSV (text/csv; file <document number or id>-lines.csv): line number "
                    + "and id, type, description, offering, usage type, quantity, direction, reference, exact and "
                    + "rounded amount, tax rate and the line's share of the tax, currency, source amount and currency, "
                    + "FX rate, the period's bounds, and last a usage line's billed unit, rated record count and unit price "
                    + "(empty when not known or, for the price, when its records had no one price). Texts are guarded against spreadsheet formulas. A partner: its "
                    + "own issued or paid statements (others 404), as for the statement itself")
    @ApiResponse(responseCode = "200", description = "The CSV",
            content = @Content(mediaType = TEXT_CSV, schema = @Schema(type = "string")))
    ResponseEntity<byte[]> lines(@PathVariable UUID id) {
        Statements.LinesCsv csv = statements.linesCsv(id)
                .orElseThrow(() -> new NotFoundException("Statement", id));
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(csv.fileName())
                        .build().toString())
                .body(csv.content().getBytes(StandardCharsets.UTF_8));
    }
}
