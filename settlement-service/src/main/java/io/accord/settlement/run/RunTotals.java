package io.accord.settlement.run;

import io.accord.contracts.value.Money;
import io.accord.platform.persistence.PagedQuery;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/**
 * A run's totals: the statements its periods drafted (the run's items, as the statements are now), per currency and
 * per partner and currency, split by direction (PAYABLE: a total not negative, we pay the partner; RECEIVABLE: the
 * partner pays us, as the statement's {@code direction}). Statements discarded since count apart ({@code discarded}),
 * never in the directions. Sums are exact: PostgreSQL sums the statements' stored 6-decimal figures (numeric, no
 * rounding), so each equals the sum of the statements' own {@code netAmount}, {@code taxAmount} and
 * {@code totalAmount}. Read-only over the run's items and the statements they name, as the KPIs read statements.
 */
@Component
class RunTotals {

    /** Per group: count and sums of the statements in force by direction, and of the discarded ones. */
    private static final String FIGURES = """
            count(*) filter (where s.state <> 'DISCARDED') as drafted,
            count(*) filter (where s.state <> 'DISCARDED' and s.total_amount >= 0) as payable_count,
            coalesce(sum(s.net_amount) filter (where s.state <> 'DISCARDED' and s.total_amount >= 0), 0) as payable_net,
            coalesce(sum(s.tax_amount) filter (where s.state <> 'DISCARDED' and s.total_amount >= 0), 0) as payable_tax,
            coalesce(sum(s.total_amount) filter (where s.state <> 'DISCARDED' and s.total_amount >= 0), 0)
                as payable_total,
            count(*) filter (where s.state <> 'DISCARDED' and s.total_amount < 0) as receivable_count,
            coalesce(sum(s.net_amount) filter (where s.state <> 'DISCARDED' and s.total_amount < 0), 0)
                as receivable_net,
            coalesce(sum(s.tax_amount) filter (where s.state <> 'DISCARDED' and s.total_amount < 0), 0)
                as receivable_tax,
            coalesce(sum(s.total_amount) filter (where s.state <> 'DISCARDED' and s.total_amount < 0), 0)
                as receivable_total,
            count(*) filter (where s.state = 'DISCARDED') as discarded_count,
            coalesce(sum(s.net_amount) filter (where s.state = 'DISCARDED'), 0) as discarded_net,
            coalesce(sum(s.tax_amount) filter (where s.state = 'DISCARDED'), 0) as discarded_tax,
            coalesce(sum(s.total_amount) filter (where s.state = 'DISCARDED'), 0) as discarded_total
            """;

    private final JdbcClient jdbc;

    RunTotals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Per currency, in currency order. */
    @Transactional(readOnly = true)
    List<CurrencyTotals> byCurrency(UUID runId) {
        return jdbc.sql("select s.currency, " + FIGURES + """
                        from settlement_run_item i join statement s on s.id = i.statement_id
                        where i.run_id = :run group by s.currency order by s.currency""")
                .param("run", runId)
                .query((rs, row) -> CurrencyTotals.of(rs.getString("currency"), figures(rs))).list();
    }

    /** A page of partner and currency totals, by partner id then currency. */
    @Transactional(readOnly = true)
    Page<PartnerTotals> byPartner(UUID runId, Pageable page) {
        return PagedQuery.from(jdbc, "(select i.partner_id, s.currency, " + FIGURES + """
                         from settlement_run_item i join statement s on s.id = i.statement_id
                         where i.run_id = :run group by i.partner_id, s.currency) totals""")
                .param("run", runId).orderBy("partner_id, currency")
                .page(page, (rs, row) -> PartnerTotals.of(rs.getObject("partner_id", UUID.class),
                        rs.getString("currency"), figures(rs)));
    }

    private static Figures figures(ResultSet rs) throws SQLException {
        String currency = rs.getString("currency");
        return new Figures(rs.getInt("drafted"), sums(rs, "payable", currency), sums(rs, "receivable", currency),
                sums(rs, "discarded", currency));
    }

    private static Sums sums(ResultSet rs, String prefix, String currency) throws SQLException {
        return new Sums(rs.getInt(prefix + "_count"), exact(rs, prefix + "_net", currency),
                exact(rs, prefix + "_tax", currency), exact(rs, prefix + "_total", currency));
    }

    /** The sum as {@code Money} (6 decimals; a sum of 6-decimal figures needs no rounding). */
    private static BigDecimal exact(ResultSet rs, String column, String currency) throws SQLException {
        return Money.of(rs.getBigDecimal(column), currency).amount();
    }

    /** The statements of a group, as {@link CurrencyTotals} describes them. */
    private record Figures(int statementCount, Sums payable, Sums receivable, Sums discarded) {
    }

    /** How many statements and the sums of their net, tax and total, exact (6 decimals). */
    @Schema(name = "RunTotalsSums")
    record Sums(int statementCount, BigDecimal netAmount, BigDecimal taxAmount, BigDecimal totalAmount) {
    }

    /**
     * A currency's totals over the run's statements.
     *
     * @param statementCount the statements in force (not discarded): {@code payable.statementCount} +
     *                       {@code receivable.statementCount}
     * @param payable        those with a total not negative (we pay the partner)
     * @param receivable     those with a negative total (the partner pays us)
     * @param discarded      the run's statements discarded since, apart: in no direction and in no count above
     */
    @Schema(name = "RunCurrencyTotals")
    record CurrencyTotals(String currency, int statementCount, Sums payable, Sums receivable, Sums discarded) {

        private static CurrencyTotals of(String currency, Figures figures) {
            return new CurrencyTotals(currency, figures.statementCount(), figures.payable(), figures.receivable(),
                    figures.discarded());
        }
    }

    /** A partner's totals in one currency, as {@link CurrencyTotals}. */
    @Schema(name = "RunPartnerTotals")
    record PartnerTotals(UUID partnerId, String currency, int statementCount, Sums payable, Sums receivable,
                         Sums discarded) {

        private static PartnerTotals of(UUID partnerId, String currency, Figures figures) {
            return new PartnerTotals(partnerId, currency, figures.statementCount(), figures.payable(),
                    figures.receivable(), figures.discarded());
        }
    }
}
