package io.accord.settlement.accrual;

import io.accord.contracts.Roles;
import io.accord.platform.problem.InvalidInputException;
import io.accord.platform.time.SupportedTimes;
import io.accord.platform.web.OffsetLimit;
import io.accord.platform.web.PagedResponse;
import io.accord.settlement.statement.Statements;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Month-end accruals for finance (docs/settlement.md, "Accruals"): staff only, since they are amounts not yet on an
 * issued statement and partners see nothing before issue. As JSON, or as CSV ({@code Accept: text/csv}).
 */
@RestController
@Tag(name = "Settlement accruals")
class AccrualController {

    static final String PATH = "/api/settlement/accruals";
    static final String READERS = "hasAnyRole('" + Roles.FINANCE + "', '" + Roles.PLATFORM_ADMIN + "', '"
            + Roles.AUDITOR + "')";
    private static final String TEXT_CSV = "text/csv";
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    private final AccrualReport report;

    AccrualController(AccrualReport report) {
        this.report = report;
    }

    @GetMapping(PATH)
    @PreAuthorize(READERS)
    @Operation(operationId = "retrieveSettlementAccruals",
            summary = "What is accrued as of an instant, per partner × currency × direction (PAYABLE revenue share, "
                    + "RECEIVABLE wholesale): the usage sums of the periods that started before asOf whose statement "
                    + "was not issued at asOf, exact, with the periods they come from and totals per currency; "
                    + "rows paged by offset and limit (X-Total-Count). Finance, platform-admin, auditor")
    ResponseEntity<AccrualViews.Report> accruals(
            @Parameter(description = "the instant (ISO 8601 with offset, e.g. 2026-11-30T23:59:59Z)", required = true)
            @RequestParam(required = false) String asOf,
            @Parameter(description = "only this partner's") @RequestParam(required = false) String partnerId,
            @Parameter(description = "only this usage currency (ISO 4217, e.g. EUR)")
            @RequestParam(required = false) String currency,
            @RequestParam(required = false) Integer offset,
            @RequestParam(required = false) Integer limit) {
        AccrualReport.Paged paged = report.report(asOf(asOf), partner(partnerId), currency(currency),
                OffsetLimit.of(offset, limit, Sort.unsorted()));
        return ResponseEntity.ok().header(PagedResponse.TOTAL_COUNT, String.valueOf(paged.total()))
                .header(PagedResponse.RESULT_COUNT, String.valueOf(paged.rows())).body(paged.report());
    }

    @GetMapping(value = PATH, produces = TEXT_CSV)
    @PreAuthorize(READERS)
    @Operation(operationId = "exportSettlementAccruals",
            summary = "The same rows as CSV (Accept: text/csv; file accruals-<asOf>.csv): asOf, partnerId, currency, "
                    + "direction, amount (exact, 6 decimals), recordCount, openPeriodCount, "
                    + "closedNotIssuedPeriodCount, periodIds (space-separated). Paged like the statements' CSV: "
                    + "limit 1..10000, 10000 by default; X-Total-Count says how many match")
    @ApiResponse(responseCode = "200", description = "The CSV",
            content = @Content(mediaType = TEXT_CSV, schema = @Schema(type = "string")))
    ResponseEntity<byte[]> csv(@RequestParam(required = false) String asOf,
                               @RequestParam(required = false) String partnerId,
                               @RequestParam(required = false) String currency,
                               @RequestParam(required = false) Integer offset,
                               @RequestParam(required = false) Integer limit) {
        Instant at = asOf(asOf);
        AccrualReport.Csv csv = report.csv(at, partner(partnerId), currency(currency),
                Statements.csvPage(offset, limit));
        String fileName = "accruals-" + at.toString().replace(":", "") + ".csv";
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build()
                        .toString())
                .header(PagedResponse.TOTAL_COUNT, String.valueOf(csv.total()))
                .header(PagedResponse.RESULT_COUNT, String.valueOf(csv.rows()))
                .body(csv.content().getBytes(StandardCharsets.UTF_8));
    }

    private static Instant asOf(String value) {
        return SupportedTimes.required("asOf", SupportedTimes.instant("asOf", value));
    }

    private static UUID partner(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException malformed) {
            throw new InvalidInputException("partnerId", "partnerId must be a UUID, was '" + value + "'");
        }
    }

    private static String currency(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!CURRENCY.matcher(value.strip()).matches()) {
            throw new InvalidInputException("currency", "currency must be an ISO 4217 code (e.g. EUR)");
        }
        return value.strip();
    }
}
