package io.accord.settlement.statement;

import io.accord.platform.problem.InvalidInputException;
import io.accord.platform.time.SupportedTimes;
import io.accord.platform.web.OffsetLimit;
import io.accord.platform.web.PagedResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The statement list: newest first, paged by offset and limit ({@code X-Total-Count}); a partner sees its own issued
 * ones; discarded ones only when asked for ({@code state=DISCARDED}).
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
        Instant from = instant("issuedFrom", issuedFrom);
        Instant to = instant("issuedTo", issuedTo);
        if (from != null && to != null && !from.isBefore(to)) {
            throw new InvalidInputException("issuedTo", "issuedTo must be after issuedFrom");
        }
        Statements.Filter filter = new Statements.Filter(uuid("partnerId", partnerId), uuid("periodId", periodId),
                state(state), from, to, direction(direction), documentNumber(documentNumber));
        return PagedResponse.of(statements.list(filter, OffsetLimit.of(offset, limit, Sort.unsorted())), view -> view);
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
