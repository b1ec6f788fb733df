package io.accord.settlement.fx;

import io.accord.platform.persistence.PagedQuery;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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

    Optional<FxRates.FxRate> inForceBefore(String base, String quote, Instant end) {
        return jdbc.sql("""
                        select * from fx_rate where base_currency = :base and quote_currency = :quote
                          and valid_from < :end
                        order by valid_from desc limit 1
                        """)
                .param("base", base).param("quote", quote).param("end", timestamp(end))
                .query(FxRateStore::rate).optional();
    }

    Optional<FxRates.FxRate> find(UUID id) {
        return jdbc.sql("select * from fx_rate where id = :id").param("id", id).query(FxRateStore::rate).optional();
    }

    Page<FxRates.FxRate> list(String base, String quote, Pageable page) {
        return PagedQuery.from(jdbc, "fx_rate where (cast(:base as text) is null or base_currency = :base)"
                        + " and (cast(:quote as text) is null or quote_currency = :quote)")
                .param("base", base).param("quote", quote)
                .orderBy("base_currency, quote_currency, valid_from desc, id").page(page, FxRateStore::rate);
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
