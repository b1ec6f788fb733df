package io.accord.settlement.usage;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * The rated usage aggregated per settlement period (the feature's entry point): what statements are built from,
 * never recomputing a share. Amounts are the exact sums of the rated records' 6-decimal amounts, reversals included.
 */
@Service
public class UsageSums {

    private final JdbcClient jdbc;

    UsageSums(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The sums of one partner's period, ordered by offering, usage type, direction and flag. */
    @Transactional(readOnly = true)
    public List<Sum> ofPeriod(UUID periodId) {
        return jdbc.sql("""
                        select period_id, partner_id, offering_id, usage_type, direction, currency, prior_period,
                               quantity, charge, amount, record_count, reversal_count
                        from usage_sum where period_id = :period
                        order by offering_id, usage_type, direction, prior_period, currency""")
                .param("period", periodId)
                .query((rs, row) -> new Sum(rs.getObject("period_id", UUID.class),
                        rs.getObject("partner_id", UUID.class), rs.getString("offering_id"),
                        rs.getString("usage_type"), rs.getString("direction"), rs.getString("currency"),
                        rs.getBoolean("prior_period"), rs.getBigDecimal("quantity"), rs.getBigDecimal("charge"),
                        rs.getBigDecimal("amount"), rs.getLong("record_count"), rs.getLong("reversal_count")))
                .list();
    }

    /** The partner amounts no period could take, per currency and direction. */
    @Transactional(readOnly = true)
    public List<Unplaced> unplaced(UUID partnerId) {
        return jdbc.sql("""
                        select currency, direction, amount, record_count from usage_unplaced
                        where partner_id = :partner order by currency, direction""")
                .param("partner", partnerId)
                .query((rs, row) -> new Unplaced(partnerId, rs.getString("currency"), rs.getString("direction"),
                        rs.getBigDecimal("amount"), rs.getLong("record_count")))
                .list();
    }

    /** Every partner's amounts no period took, per partner, currency and direction. */
    @Transactional(readOnly = true)
    public List<Unplaced> unplaced() {
        return jdbc.sql("""
                        select partner_id, currency, direction, amount, record_count from usage_unplaced
                        order by partner_id, currency, direction""")
                .query((rs, row) -> new Unplaced(rs.getObject("partner_id", UUID.class), rs.getString("currency"),
                        rs.getString("direction"), rs.getBigDecimal("amount"), rs.getLong("record_count")))
                .list();
    }

    /**
     * One sum.
     *
     * @param direction     {@code PAYABLE_TO_PARTNER} (revenue share) or {@code OWED_BY_PARTNER} (wholesale)
     * @param priorPeriod   the usage's own period was closed already: shown as a prior-period adjustment
     * @param quantity      Σ billed quantity
     * @param charge        Σ gross charge of the records
     * @param amount        Σ the partner's amount (6 decimals, unrounded to the statement currency)
     * @param recordCount   net record count (a reversal counts −1)
     * @param reversalCount how many reversals are in it
     */
    public record Sum(UUID periodId, UUID partnerId, String offeringId, String usageType, String direction,
                      String currency, boolean priorPeriod, BigDecimal quantity, BigDecimal charge, BigDecimal amount,
                      long recordCount, long reversalCount) {
    }

    /** Amounts of a partner's usage no period took. */
    public record Unplaced(UUID partnerId, String currency, String direction, BigDecimal amount, long recordCount) {
    }
}
