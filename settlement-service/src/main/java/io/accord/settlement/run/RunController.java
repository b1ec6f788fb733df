package io.accord.settlement.run;

import io.accord.contracts.Roles;
import io.accord.platform.problem.InvalidInputException;
import io.accord.platform.apidocs.RequestExample;
import io.accord.platform.problem.NotFoundException;
import io.accord.platform.security.Tenancy;
import io.accord.platform.web.OffsetLimit;
import io.accord.platform.web.PagedResponse;
import io.accord.settlement.period.SettlementPeriods;
import io.accord.settlement.statement.Statements;
import io.accord.platform.csv.CsvCells;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.data.domain.Sort;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Finance starts settlement runs and follows their progress. */
@RestController
@Tag(name = "Settlement runs")
class RunController {

    static final String PATH = "/api/settlement/runs";
    static final String STARTERS = "hasAnyRole('" + Roles.FINANCE + "')";
    static final String READERS = "hasAnyRole('" + Roles.FINANCE + "', '" + Roles.PLATFORM_ADMIN + "', '"
            + Roles.AUDITOR + "', '" + Roles.OPS + "')";

    private final SettlementRuns runs;
    private final SettlementPeriods periods;
    private final Statements statements;
    private final Tenancy tenancy;
    private final RunTotals totals;

    RunController(SettlementRuns runs, SettlementPeriods periods, Statements statements, Tenancy tenancy,
                  RunTotals totals) {
        this.totals = totals;
        this.runs = runs;
        this.periods = periods;
        this.statements = statements;
        this.tenancy = tenancy;
    }

    /**
     * @param partnerIds the partners to settle; absent or empty: every partner with an ended period. A list, not a
     *                   set, so that a refusal names the index the caller sent ({@code partnerIds[2]})
     */
    record StartRun(@Size(max = 10000) List<UUID> partnerIds) {
    }

    @PostMapping(PATH)
    @PreAuthorize(STARTERS)
    @Operation(operationId = "startSettlementRun",
            summary = "Start a run closing the ended periods of all or the selected partners, and drafting again the "
                    + "periods whose statements were discarded; answers 202 and the run. Finance only. A partner "
                    + "settlement does not know: 400 naming partnerIds[i], nothing started")
    @RequestExample("settlement/run-start.json")
    @ApiResponse(responseCode = "202", description = "The run, started in the background; its progress at Location")
    ResponseEntity<SettlementRuns.Run> start(@Valid @RequestBody(required = false) StartRun request) {
        List<UUID> partners = request == null || request.partnerIds() == null ? List.of() : request.partnerIds();
        if (!partners.isEmpty() && partners.stream().anyMatch(java.util.Objects::isNull)) {
            // [null] started a run over no period at all
            throw new InvalidInputException("partnerIds", "partnerIds holds a null; give partner ids, or none for"
                    + " every partner");
        }
        SettlementRuns.Run run = runs.start(partners, tenancy.actor(), tenancy.subject().orElse(null));
        return ResponseEntity.accepted().location(URI.create(PATH + "/" + run.id())).body(run);
    }

    @GetMapping(PATH)
    @PreAuthorize(READERS)
    @Operation(operationId = "listSettlementRuns", summary = "Runs, newest first, with their progress; of one state "
            + "when state is given (RUNNING, COMPLETED or FAILED; another value is a 400 naming it); paged by offset "
            + "and limit")
    ResponseEntity<List<SettlementRuns.Run>> list(@RequestParam(required = false) String state,
                                                  @RequestParam(required = false) Integer offset,
                                                  @RequestParam(required = false) Integer limit) {
        String wanted = state == null || state.isBlank() ? null : state.strip();
        if (wanted != null && !SettlementRuns.STATES.contains(wanted)) {
            throw new InvalidInputException("state", "unknown run state '"
                    + (wanted.length() > 40 ? wanted.substring(0, 40) + "…" : wanted)
                    + "': one of COMPLETED, FAILED, RUNNING");
        }
        return PagedResponse.of(runs.list(wanted, OffsetLimit.of(offset, limit, Sort.unsorted())), run -> run);
    }

    /** A period a run settles, with its dates and the statement it drafted (as the statement is now). */
    record RunItemView(UUID periodId, UUID partnerId, Instant periodStart, Instant periodEnd, String status,
                       String error, StatementRef statement) {
    }

    /** The drafted statement: its state, number (once issued) and total. */
    record StatementRef(UUID id, String href, String state, String documentNumber, BigDecimal totalAmount,
                        String currency) {
    }

    @GetMapping(PATH + "/{id}/items")
    @PreAuthorize(READERS)
    @Operation(operationId = "listSettlementRunItems", summary = "The periods of a run in partner order: status, "
            + "error, and the statement each drafted; paged by offset and limit")
    ResponseEntity<List<RunItemView>> items(@PathVariable UUID id, @RequestParam(required = false) Integer offset,
                                            @RequestParam(required = false) Integer limit) {
        runs.find(id).orElseThrow(() -> new NotFoundException("Settlement run", id));
        return PagedResponse.of(runs.items(id, OffsetLimit.of(offset, limit, Sort.unsorted())), item -> {
            var period = periods.find(item.periodId());
            StatementRef statement = item.statementId() == null ? null : statements.find(item.statementId())
                    .map(found -> new StatementRef(found.id(), "/api/settlement/statements/" + found.id(),
                            found.state(), found.documentNumber(), found.totalAmount(), found.currency()))
                    .orElse(null);
            return new RunItemView(item.periodId(), item.partnerId(),
                    period.map(SettlementPeriods.Period::startAt).orElse(null),
                    period.map(SettlementPeriods.Period::endAt).orElse(null), item.status(), item.error(), statement);
        });
    }

    static final String TEXT_CSV = "text/csv";

    @GetMapping(value = PATH + "/{id}/items", produces = TEXT_CSV)
    @PreAuthorize(READERS)
    @Operation(operationId = "exportSettlementRunItems",
            summary = "The periods of a run as CSV (Accept: text/csv; file run-<id>.csv), in partner order: the "
                    + "statement each drafted, with the statements list's CSV columns (as the statement is now), "
                    + "then itemStatus and itemError; a period that drafted none has only partnerId, periodId and its "
                    + "bounds. Paged by offset and limit, limit 1..10000 and 10000 by default (X-Total-Count)")
    @ApiResponse(responseCode = "200", description = "The CSV",
            content = @Content(mediaType = TEXT_CSV, schema = @Schema(type = "string")))
    ResponseEntity<byte[]> itemsCsv(@PathVariable UUID id, @RequestParam(required = false) Integer offset,
                                    @RequestParam(required = false) Integer limit) {
        runs.find(id).orElseThrow(() -> new NotFoundException("Settlement run", id));
        var page = runs.items(id, Statements.csvPage(offset, limit));
        Map<UUID, String> lines = statements.csvLines(page.getContent().stream()
                .map(SettlementRuns.RunItem::statementId).filter(Objects::nonNull).toList());
        Map<UUID, SettlementPeriods.Period> bounds = new HashMap<>();
        StringBuilder csv = new StringBuilder(Statements.CSV_HEADER).append(",itemStatus,itemError\r\n");
        for (SettlementRuns.RunItem item : page.getContent()) {
            String line = item.statementId() == null ? null : lines.get(item.statementId());
            if (line == null) {
                var period = bounds.computeIfAbsent(item.periodId(), periodId -> periods.find(periodId).orElse(null));
                line = Statements.csvLineWithoutStatement(item.partnerId(), item.periodId(),
                        period == null ? null : period.startAt(), period == null ? null : period.endAt());
            }
            csv.append(line).append(',').append(CsvCells.text(item.status())).append(',')
                    .append(CsvCells.text(item.error())).append("\r\n");
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("run-" + id + ".csv")
                        .build().toString())
                .header(PagedResponse.TOTAL_COUNT, String.valueOf(page.getTotalElements()))
                .header(PagedResponse.RESULT_COUNT, String.valueOf(page.getNumberOfElements()))
                .body(csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A run's totals per currency.
     *
     * @param state      the run's: while RUNNING the totals still grow
     * @param currencies per currency (in currency order) the statements its periods drafted, as they are now
     */
    @Schema(name = "RunTotals")
    record TotalsView(UUID runId, String state, List<RunTotals.CurrencyTotals> currencies) {
    }

    @GetMapping(PATH + "/{id}/totals")
    @PreAuthorize(READERS)
    @Operation(operationId = "retrieveSettlementRunTotals",
            summary = "A run's totals per currency over the statements its periods drafted, as they are now: how "
                    + "many, and their net, tax and total split by direction (payable: we pay the partner; "
                    + "receivable: the partner pays us), exact sums of the statements' own figures; statements "
                    + "discarded since apart (discarded), in no direction")
    TotalsView totals(@PathVariable UUID id) {
        SettlementRuns.Run run = runs.find(id).orElseThrow(() -> new NotFoundException("Settlement run", id));
        return new TotalsView(id, run.state(), totals.byCurrency(id));
    }

    @GetMapping(PATH + "/{id}/totals/partners")
    @PreAuthorize(READERS)
    @Operation(operationId = "listSettlementRunPartnerTotals",
            summary = "A run's totals per partner and currency (the figures of its totals), by partner id then "
                    + "currency; paged by offset and limit")
    ResponseEntity<List<RunTotals.PartnerTotals>> partnerTotals(@PathVariable UUID id,
                                                               @RequestParam(required = false) Integer offset,
                                                               @RequestParam(required = false) Integer limit) {
        runs.find(id).orElseThrow(() -> new NotFoundException("Settlement run", id));
        return PagedResponse.of(totals.byPartner(id, OffsetLimit.of(offset, limit, Sort.unsorted())),
                partner -> partner);
    }

    @GetMapping(PATH + "/{id}")
    @PreAuthorize(READERS)
    @Operation(operationId = "retrieveSettlementRun", summary = "A run and its progress (periods done of total)")
    SettlementRuns.Run get(@PathVariable UUID id) {
        return runs.find(id).orElseThrow(() -> new NotFoundException("Settlement run", id));
    }
}
