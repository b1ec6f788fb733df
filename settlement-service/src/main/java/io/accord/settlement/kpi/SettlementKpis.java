package io.accord.settlement.kpi;

import io.accord.contracts.Roles;
import io.accord.platform.web.TimeWindow;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Settlement's KPIs for the staff dashboards (docs/settlement.md, "KPIs"): statements by state, what is due on issued
 * statements (payable and receivable per currency) and how well partners' invoices match our statements. Read-only
 * over the statement and reconciliation tables; staff only.
 */
@RestController
@Tag(name = "Settlement KPIs")
class SettlementKpis {

    static final String PATH = "/api/settlement/admin/kpis";
    static final String STAFF = Roles.ANY_STAFF;
    static final List<String> STATES = List.of("DRAFT", "APPROVED", "ISSUED", "PAID", "DISCARDED");
    static final List<String> MATCHING = List.of("MATCHED", "WITHIN_TOLERANCE");

    private final JdbcClient jdbc;
    private final Clock clock;

    SettlementKpis(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * @param statementsByState every state, 0 when none
     * @param amountsDue        per currency, what remains to be paid on ISSUED statements (their balances, which
     *                          issued notes change)
     * @param reconciliation    over the reconciliations run in the window
     */
    record Kpis(Map<String, Long> statementsByState, List<Due> amountsDue, Window window, Matching reconciliation) {
    }

    record Window(Instant from, Instant to) {
    }

    /**
     * Exact 6-decimal strings over ISSUED statements' balances (total + issued credit notes − issued debit notes −
     * payments, signed: positive we owe the partner). {@code payable}: we owe partners (Σ balance of those with a
     * positive balance); {@code receivable}: partners owe us (Σ |balance| of those with a negative balance).
     */
    record Due(String currency, String payable, long payableStatements, String receivable,
               long receivableStatements) {
    }

    /**
     * {@code lineMatchRate} = lines MATCHED or WITHIN_TOLERANCE / all compared lines; {@code invoiceMatchRate} =
     * reconciliations without a discrepancy / all; 4 decimals, null when none.
     */
    record Matching(long reconciliations, long withoutDiscrepancies, BigDecimal invoiceMatchRate, long lines,
                    long matchedLines, Map<String, Long> linesByOutcome, BigDecimal lineMatchRate) {
    }

    @GetMapping(PATH)
    @PreAuthorize(STAFF)
    @Transactional(readOnly = true)
    @Operation(operationId = "settlementKpis", summary = "Settlement KPIs: statements by state, amounts due on issued "
            + "statements per currency (payable, receivable), reconciliation match rate over a window [from, to) "
            + "(by default the last 30 days)")
    Kpis kpis(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        TimeWindow window = TimeWindow.of(from, to, clock.instant());
        Map<String, Long> byState = new LinkedHashMap<>();
        STATES.forEach(state -> byState.put(state, 0L));
        jdbc.sql("select state, count(*) as n from statement group by state")
                .query((rs, row) -> byState.put(rs.getString("state"), rs.getLong("n"))).list();
        List<Due> due = jdbc.sql("""
                        select currency,
                               coalesce(sum(balance_amount) filter (where balance_amount > 0), 0) as payable,
                               count(*) filter (where balance_amount > 0) as payables,
                               coalesce(sum(-balance_amount) filter (where balance_amount < 0), 0) as receivable,
                               count(*) filter (where balance_amount < 0) as receivables
                        from statement where state = 'ISSUED' group by currency order by currency""")
                .query((rs, row) -> new Due(rs.getString("currency").strip(),
                        rs.getBigDecimal("payable").setScale(6).toPlainString(), rs.getLong("payables"),
                        rs.getBigDecimal("receivable").setScale(6).toPlainString(), rs.getLong("receivables")))
                .list();
        return new Kpis(byState, due, new Window(window.from(), window.to()), matching(window));
    }

    private Matching matching(TimeWindow window) {
        long[] invoices = jdbc.sql("select count(*) as n, count(*) filter (where not discrepancies) as clean"
                        + " from reconciliation where reconciled_at >= :from and reconciled_at < :to")
                .param("from", window.fromParameter()).param("to", window.toParameter())
                .query((rs, row) -> new long[]{rs.getLong("n"), rs.getLong("clean")}).single();
        Map<String, Long> byOutcome = new LinkedHashMap<>();
        List.of("MATCHED", "WITHIN_TOLERANCE", "MISMATCH", "MISSING_ON_INVOICE", "MISSING_ON_STATEMENT")
                .forEach(outcome -> byOutcome.put(outcome, 0L));
        jdbc.sql("select l.outcome, count(*) as n from reconciliation r join reconciliation_line l"
                        + " on l.reconciliation_id = r.id where r.reconciled_at >= :from and r.reconciled_at < :to"
                        + " group by l.outcome")
                .param("from", window.fromParameter()).param("to", window.toParameter())
                .query((rs, row) -> byOutcome.put(rs.getString("outcome"), rs.getLong("n"))).list();
        long lines = byOutcome.values().stream().mapToLong(Long::longValue).sum();
        long matched = MATCHING.stream().mapToLong(outcome -> byOutcome.getOrDefault(outcome, 0L)).sum();
        return new Matching(invoices[0], invoices[1], rate(invoices[1], invoices[0]), lines, matched, byOutcome,
                rate(matched, lines));
    }

    private static BigDecimal rate(long part, long whole) {
        return whole == 0 ? null
                : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_EVEN);
    }
}
