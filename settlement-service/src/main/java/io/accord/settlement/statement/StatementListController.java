package io.accord.settlement.statement;

import io.accord.platform.problem.InvalidInputException;
import io.accord.platform.time.SupportedTimes;
import io.accord.platform.web.OffsetLimit;
import io.accord.platform.web.PagedResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.data.domain.Sort;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The statement list: newest first, paged by offset and limit ({@code X-Total-Count}); a partner sees its own issued
 * ones; discarded ones only when asked for ({@code state=DISCARDED}). As JSON, or as CSV ({@code Accept: text/csv}).
 */
@RestController
@Tag(name = "Settlement statements")
class StatementListController {

    private static final List<String> DIRECTIONS = List.of("PAYABLE", "RECEIVABLE");

    private final Statements statements;

    StatementListController(Statements statements) {
        this.statements = statements;
    }

    @GetMapping(StatementController.PATH)
    @PreAuthorize(StatementController.READERS)
    @Operation(operationId = "listSettlementStatements",
            summary = "List statements with their lines, newest first (a partner sees its own issued ones), filtered "
                    + "by partner, period, state, direction, document number and issue instant, paged by offset and "
                    + "limit; discarded statements only with state=DISCARDED. Staff and partners")
    ResponseEntity<List<Statements.View>> list(
            @Parameter(description = "only this partner's (ignored for a partner token: always its own)")
            @RequestParam(required = false) String partnerId,
            @Parameter(description = "only this period's") @RequestParam(required = false) String periodId,
            @Parameter(description = "DRAFT, APPROVED, ISSUED, PAID or DISCARDED (absent: all but DISCARDED)")
            @RequestParam(required = false) String state,
            @Parameter(description = "PAYABLE (total not negative: we pay the partner) or RECEIVABLE (the partner "
                    + "owes us)")
            @RequestParam(required = false) String direction,
            @Parameter(description = "the issued statement's document number, exactly (e.g. ACD-2026-000042)")
            @RequestParam(required = false) String documentNumber,
            @Parameter(description = "issued at or after this instant (ISO 8601, e.g. 2026-04-01T00:00:00Z)")
            @RequestParam(required = false) String issuedFrom,
            @Parameter(description = "issued before this instant (exclusive)")
            @RequestParam(required = false) String issuedTo,
            @RequestParam(required = false) Integer offset,
            @RequestParam(required = false) Integer limit) {
        Statements.Filter filter = filter(partnerId, periodId, state, direction, documentNumber, issuedFrom, issuedTo);
        return PagedResponse.of(statements.list(filter, OffsetLimit.of(offset, limit, Sort.unsorted())), view -> view);
    }

    @GetMapping(value = StatementController.PATH, produces = StatementLinesController.TEXT_CSV)
    @PreAuthorize(StatementController.READERS)
    @Operation(operationId = "exportSettlementStatements",
            summary = "The statements the list lists (same filters, scope and order), as CSV for an ERP (Accept: "
                    + "text/csv; file statements.csv): one row per statement with id, documentNumber, partnerId, "
                    + "periodId, periodStart, periodEnd, state, direction, currency, netAmount, taxAmount, "
                    + "totalAmount, paidAmount, remainingAmount, dueDate, issuedAt. Paged by offset and limit like "
                    + "the list, but limit 1..10000 and 10000 by default; X-Total-Count says how many match. Texts "
                    + "are guarded against spreadsheet formulas")
    @ApiResponse(responseCode = "200", description = "The CSV",
            content = @Content(mediaType = StatementLinesController.TEXT_CSV, schema = @Schema(type = "string")))
    ResponseEntity<byte[]> csv(@RequestParam(required = false) String partnerId,
                               @RequestParam(required = false) String periodId,
                               @RequestParam(required = false) String state,
                               @RequestParam(required = false) String direction,
                               @RequestParam(required = false) String documentNumber,
                               @RequestParam(required = false) String issuedFrom,
                               @RequestParam(required = false) String issuedTo,
                               @RequestParam(required = false) Integer offset,
                               @RequestParam(required = false) Integer limit) {
        Statements.Filter filter = filter(partnerId, periodId, state, direction, documentNumber, issuedFrom, issuedTo);
        return csvResponse(statements.listCsv(filter, Statements.csvPage(offset, limit)), "statements.csv");
    }

    /** A CSV of statements as a download, with the list's count headers. */
    static ResponseEntity<byte[]> csvResponse(Statements.Csv csv, String fileName) {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build()
                        .toString())
                .header(PagedResponse.TOTAL_COUNT, String.valueOf(csv.total()))
                .header(PagedResponse.RESULT_COUNT, String.valueOf(csv.rows()))
                .body(csv.content().getBytes(StandardCharsets.UTF_8));
    }

    private static Statements.Filter filter(String partnerId, String periodId, String state, String direction,
                                            String documentNumber, String issuedFrom, String issuedTo) {
        Instant from = instant("issuedFrom", issuedFrom);
        Instant to = instant("issuedTo", issuedTo);
        if (from != null && to != null && !from.isBefore(to)) {
            throw new InvalidInputException("issuedTo", "issuedTo must be after issuedFrom");
        }
        return new Statements.Filter(uuid("partnerId", partnerId), uuid("periodId", periodId), state(state), from,
                to, direction(direction), documentNumber(documentNumber));
    }

    static UUID uuid(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException malformed) {
            throw new InvalidInputException(field, field + " must be a UUID, was '" + value + "'");
        }
    }

    static String state(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Statement.State.valueOf(value.strip()).name();
        } catch (IllegalArgumentException unknown) {
            throw new InvalidInputException("state", "state must be one of "
                    + Arrays.toString(Statement.State.values()) + ", was '" + value + "'");
        }
    }

    static String direction(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String direction = value.strip();
        if (!DIRECTIONS.contains(direction)) {
            throw new InvalidInputException("direction", "direction must be one of " + DIRECTIONS + ", was '"
                    + value + "'");
        }
        return direction;
    }

    static String documentNumber(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.strip().length() > 64) {
            throw new InvalidInputException("documentNumber", "documentNumber must be at most 64 characters");
        }
        return value.strip();
    }

    static Instant instant(String field, String value) {
        return SupportedTimes.instantOrDate(field, value);
    }
}
