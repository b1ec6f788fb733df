package io.accord.settlement.fx;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The {@code fx_rate} table. */
@Repository
class FxRateStore {

    private final JdbcClient jdbc;

    FxRateStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(FxRates.FxRate rate) {
        jdbc.sql("""
                        insert into fx_rate (id, base_currency, quote_currency, rate, valid_from, loaded_by, loaded_at)
                        values (:id, :base, :quote, :rate, :from, :by, :at)
                        """)
                .param("id", rate.id()).param("base", rate.baseCurrency()).param("quote", rate.quoteCurrency())
                .param("rate", rate.rate()).param("from", timestamp(rate.validFrom()))
                .param("by", rate.loadedBy()).param("at", timestamp(rate.loadedAt())).update();
    }

    boolean exists(String base, String quote, Instant validFrom) {
        return jdbc.sql("select count(*) from fx_rate where base_currency = :base and quote_currency = :quote "
                        + "and valid_from = :from")
                .param("base", base).param("quote", quote).param("from", timestamp(validFrom))
                .query(Long.class).single() > 0;
    }

    Optional<FxRates.FxRate> inForce(String base, String quote, Instant at) {
        return jdbc.sql("""
                        select * from fx_rate where base_currency = :base and quote_currency = :quote
                          and valid_from <= :at
                        order by valid_from desc limit 1
                        """)
                .param("base", base).param("quote", quote).param("at", timestamp(at))
                .query(FxRateStore::rate).optional();
    }

    Optional<FxRates.FxRate> find(UUID id) {
        return jdbc.sql("select * from fx_rate where id = :id").param("id", id).query(FxRateStore::rate).optional();
    }

    Page<FxRates.FxRate> list(String base, String quote, Pageable page) {
        String where = " where (cast(:base as text) is null or base_currency = :base)"
                + " and (cast(:quote as text) is null or quote_currency = :quote)";
        long total = jdbc.sql("select count(*) from fx_rate" + where).param("base", base).param("quote", quote)
                .query(Long.class).single();
        List<FxRates.FxRate> rates = jdbc.sql("select * from fx_rate" + where
                        + " order by base_currency, quote_currency, valid_from desc limit :limit offset :offset")
                .param("base", base).param("quote", quote).param("limit", page.getPageSize())
                .param("offset", page.getOffset()).query(FxRateStore::rate).list();
        return new PageImpl<>(rates, page, total);
    }

    private static FxRates.FxRate rate(ResultSet rs, int row) throws SQLException {
        return new FxRates.FxRate(rs.getObject("id", UUID.class), rs.getString("base_currency"),
                rs.getString("quote_currency"), rs.getBigDecimal("rate").stripTrailingZeros(),
                rs.getObject("valid_from", OffsetDateTime.class).toInstant(), rs.getString("loaded_by"),
                rs.getObject("loaded_at", OffsetDateTime.class).toInstant());
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
