package io.accord.settlement.accrual;

import io.accord.contracts.value.Money;
import io.accord.platform.csv.CsvCells;
import io.accord.platform.web.OffsetLimit;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Month-end accruals from stored figures only: the usage sums ({@code usage_sum}) of every period that started before
 * {@code asOf} and whose statement (not discarded) was not issued at {@code asOf}, summed per partner × currency ×
 * direction with {@link Money} (exact, no rounding). Reads the usage, period and statement tables in one query, as a
 * report over them (like the KPIs), instead of one call per period through their entry points.
 */
@Component
class AccrualReport {

    static final String CSV_HEADER = "asOf,partnerId,currency,direction,amount,recordCount,openPeriodCount,"
            + "closedNotIssuedPeriodCount,periodIds";

    private static final String SQL = """
            select u.partner_id, u.currency, u.direction, p.id as period_id, p.start_at, p.end_at, p.closing_at,
                   s.id as statement_id, s.issued_at,
                   sum(u.amount) as amount, sum(u.record_count) as record_count,
                   sum(case when u.prior_period then u.amount else 0 end) as prior_amount
            from usage_sum u
            join settlement_period p on p.id = u.period_id
            left join statement s on s.partner_id = p.partner_id and s.period_id = p.id and s.state <> 'DISCARDED'
            where p.start_at < :asOf
              and (s.issued_at is null or s.issued_at > :asOf)
              and (cast(:partner as uuid) is null or u.partner_id = cast(:partner as uuid))
              and (cast(:currency as varchar) is null or u.currency = cast(:currency as varchar))
            -- direction desc: PAYABLE_TO_PARTNER before OWED_BY_PARTNER
            group by u.partner_id, u.currency, u.direction, p.id, p.start_at, p.end_at, p.closing_at, s.id,
                     s.issued_at
            order by u.partner_id, u.currency, u.direction desc, p.start_at""";

    private final JdbcClient jdbc;

    AccrualReport(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The report: totals over every matching row, the rows of {@code page} (and how many match, for the headers). */
    @Transactional(readOnly = true)
    Paged report(Instant asOf, UUID partnerId, String currency, Pageable page) {
        List<AccrualViews.Accrual> all = accruals(asOf, partnerId, currency);
        Page<AccrualViews.Accrual> rows = OffsetLimit.slice(all, page);
        return new Paged(new AccrualViews.Report(asOf, partnerId, currency, totals(all), rows.getContent()),
                rows.getTotalElements(), rows.getNumberOfElements());
    }

    /** The rows of {@code page} as CSV lines after the header (amounts exact, texts formula-guarded). */
    @Transactional(readOnly = true)
    Csv csv(Instant asOf, UUID partnerId, String currency, Pageable page) {
        List<AccrualViews.Accrual> all = accruals(asOf, partnerId, currency);
        List<AccrualViews.Accrual> rows = OffsetLimit.slice(all, page).getContent();
        StringBuilder csv = new StringBuilder(CSV_HEADER).append("\r\n");
        for (AccrualViews.Accrual row : rows) {
            long open = row.periods().stream().filter(period -> "OPEN".equals(period.status())).count();
            csv.append(String.join(",", asOf.toString(), row.partnerId().toString(), CsvCells.text(row.currency()),
                    row.direction(), row.amount().toPlainString(), String.valueOf(row.recordCount()),
                    String.valueOf(open), String.valueOf(row.periods().size() - open),
                    row.periods().stream().map(period -> period.periodId().toString())
                            .collect(Collectors.joining(" ")))).append("\r\n");
        }
        return new Csv(csv.toString(), all.size(), rows.size());
    }

    private List<AccrualViews.Accrual> accruals(Instant asOf, UUID partnerId, String currency) {
        List<PeriodRow> periods = jdbc.sql(SQL).param("asOf", OffsetDateTime.ofInstant(asOf, ZoneOffset.UTC)).param("partner", partnerId)
                .param("currency", currency).query((rs, n) -> row(rs, asOf)).list();
        Map<String, List<PeriodRow>> byKey = new LinkedHashMap<>();
        periods.forEach(row -> byKey.computeIfAbsent(row.partnerId + "/" + row.currency + "/" + row.direction,
                key -> new ArrayList<>()).add(row));
        List<AccrualViews.Accrual> accruals = new ArrayList<>();
        byKey.values().forEach(rows -> {
            PeriodRow first = rows.getFirst();
            Money amount = Money.zero(first.currency);
            long records = 0;
            for (PeriodRow row : rows) {
                amount = amount.plus(Money.of(row.period.amount(), first.currency));
                records += row.period.recordCount();
            }
            accruals.add(new AccrualViews.Accrual(first.partnerId, first.currency, first.direction, amount.amount(),
                    records, rows.stream().map(PeriodRow::period).toList()));
        });
        return accruals;
    }

    private static List<AccrualViews.CurrencyTotal> totals(List<AccrualViews.Accrual> accruals) {
        Map<String, Money[]> amounts = new TreeMap<>();
        Map<String, long[]> records = new TreeMap<>();
        for (AccrualViews.Accrual accrual : accruals) {
            int side = "PAYABLE".equals(accrual.direction()) ? 0 : 1; // usage_sum knows only the two directions
            Money[] sums = amounts.computeIfAbsent(accrual.currency(),
                    code -> new Money[] {Money.zero(code), Money.zero(code)});
            sums[side] = sums[side].plus(Money.of(accrual.amount(), accrual.currency()));
            records.computeIfAbsent(accrual.currency(), code -> new long[2])[side] += accrual.recordCount();
        }
        return amounts.entrySet().stream().map(entry -> new AccrualViews.CurrencyTotal(entry.getKey(),
                new AccrualViews.Side(entry.getValue()[0].amount(), records.get(entry.getKey())[0]),
                new AccrualViews.Side(entry.getValue()[1].amount(), records.get(entry.getKey())[1]))).toList();
    }

    private static PeriodRow row(ResultSet rs, Instant asOf) throws SQLException {
        Instant closingAt = instant(rs, "closing_at");
        String status = closingAt == null || closingAt.isAfter(asOf) ? "OPEN" : "CLOSED_NOT_ISSUED";
        AccrualViews.Period period = new AccrualViews.Period(rs.getObject("period_id", UUID.class),
                instant(rs, "start_at"), instant(rs, "end_at"), status, rs.getObject("statement_id", UUID.class),
                instant(rs, "issued_at"), scaled(rs.getBigDecimal("amount")), scaled(rs.getBigDecimal("prior_amount")),
                rs.getLong("record_count"));
        String stored = rs.getString("direction");
        String direction = switch (stored) {
            case "PAYABLE_TO_PARTNER" -> "PAYABLE";
            case "OWED_BY_PARTNER" -> "RECEIVABLE";
            default -> stored;
        };
        return new PeriodRow(rs.getObject("partner_id", UUID.class), rs.getString("currency"), direction, period);
    }

    private static BigDecimal scaled(BigDecimal amount) {
        return amount.setScale(Money.SCALE, Money.ROUNDING);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private record PeriodRow(UUID partnerId, String currency, String direction, AccrualViews.Period period) {
    }

    /** The report and how many rows match in all. */
    record Paged(AccrualViews.Report report, long total, int rows) {
    }

    /** A page of the CSV, how many rows match in all and how many it holds. */
    record Csv(String content, long total, int rows) {
    }
}
