package io.accord.rating.kpi;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;

/**
 * Revenue and margin per partner and currency over whole UTC days, from {@code usage_rollup_daily} (its bucket index
 * of V80): never from the rated records. A co-created record counts in each participant's row (with that
 * participant's share), so charge and margin are not to be summed across partners.
 */
final class PartnerRevenue {

    private final JdbcClient jdbc;

    PartnerRevenue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Amounts as exact 6-decimal strings.
     *
     * @param partnerShare what the partner earns (revenue shares)
     * @param wholesale    what the partner owes (wholesale cost)
     * @param margin       the CSP's margin on the partner's usage
     */
    record Revenue(String partnerId, String currency, String charge, String partnerShare, String wholesale,
                   String margin, long records) {
    }

    List<Revenue> between(LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        select partner_id, currency, sum(charge) as charge, sum(partner_share) as partner_share,
                               sum(wholesale) as wholesale, sum(margin) as margin, sum(record_count) as records
                        from usage_rollup_daily where bucket >= :from and bucket < :to
                        group by partner_id, currency order by sum(charge) desc, partner_id, currency""")
                .param("from", from).param("to", to)
                .query((rs, row) -> new Revenue(rs.getString("partner_id").isEmpty() ? null
                        : rs.getString("partner_id"), rs.getString("currency").strip(), plain(rs, "charge"),
                        plain(rs, "partner_share"), plain(rs, "wholesale"), plain(rs, "margin"),
                        rs.getLong("records")))
                .list();
    }

    private static String plain(ResultSet rs, String column) throws SQLException {
        return rs.getBigDecimal(column).setScale(6).toPlainString();
    }
}
