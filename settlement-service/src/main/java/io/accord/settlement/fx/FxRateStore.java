package io.accord.settlement.fx;

import io.accord.platform.persistence.PagedQuery;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The {@code fx_rate} table: every version of every rate; only CONFIRMED ones are in force. */
@Repository
class FxRateStore {

    private final JdbcClient jdbc;

    FxRateStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(RateVersion version) {
        FxRates.FxRate rate = version.rate;
        jdbc.sql("""
                        insert into fx_rate (id, base_currency, quote_currency, rate, valid_from, loaded_by, loaded_at,
                                             state, corrects, correction_reason)
                        values (:id, :base, :quote, :rate, :from, :by, :at, :state, :corrects, :reason)
                        """)
                .param("id", rate.id()).param("base", rate.baseCurrency()).param("quote", rate.quoteCurrency())
                .param("rate", rate.rate()).param("from", timestamp(rate.validFrom()))
                .param("by", rate.loadedBy()).param("at", timestamp(rate.loadedAt()))
                .param("state", version.state().name()).param("corrects", version.corrects, Types.OTHER)
                .param("reason", version.correctionReason, Types.VARCHAR).update();
    }

    /** Writes a version's lifecycle (its rate never changes). */
    void update(RateVersion version) {
        jdbc.sql("""
                        update fx_rate set state = :state, confirmed_by = :confirmedBy, confirmed_at = :confirmedAt,
                               superseded_by_rate = :byRate, superseded_by = :supersededBy,
                               superseded_at = :supersededAt, supersession_reason = :why,
                               rejected_by = :rejectedBy, rejected_at = :rejectedAt, rejection_reason = :rejection
                        where id = :id""")
                .param("id", version.rate.id()).param("state", version.state().name())
                .param("confirmedBy", version.confirmedBy(), Types.VARCHAR)
                .param("confirmedAt", timestamp(version.confirmedAt()), Types.TIMESTAMP_WITH_TIMEZONE)
                .param("byRate", version.supersededByRate(), Types.OTHER)
                .param("supersededBy", version.supersededBy(), Types.VARCHAR)
                .param("supersededAt", timestamp(version.supersededAt()), Types.TIMESTAMP_WITH_TIMEZONE)
                .param("why", version.supersessionReason(), Types.VARCHAR)
                .param("rejectedBy", version.rejectedBy(), Types.VARCHAR)
                .param("rejectedAt", timestamp(version.rejectedAt()), Types.TIMESTAMP_WITH_TIMEZONE)
                .param("rejection", version.rejectionReason(), Types.VARCHAR).update();
    }

    /**
     * The pair's first load from {@code validFrom}, if any and not rejected (corrections of it share the pair and
     * instant; a rejected one leaves the instant free).
     */
    Optional<UUID> loadedFrom(String base, String quote, Instant validFrom) {
        return jdbc.sql("select id from fx_rate where base_currency = :base and quote_currency = :quote "
                        + "and valid_from = :from and corrects is null and state <> 'REJECTED'")
                .param("base", base).param("quote", quote).param("from", timestamp(validFrom))
                .query(UUID.class).optional();
    }

    /**
     * Takes the pairs' locks until the transaction ends, in the order given (callers sort them): whoever changes which
     * rate of a pair is in force (a confirmation) and whoever issues figures converted with the pair hold it, so one
     * waits for the other to commit and then sees what it did.
     */
    void lockPairs(List<String> pairs) {
        jdbc.sql("""
                        select pg_advisory_xact_lock(hashtext('fx-rate-pair'), hashtext(p.pair))
                        from unnest(string_to_array(:pairs, ',')) with ordinality as p(pair, position)
                        order by p.position""")
                .param("pairs", String.join(",", pairs)).query().listOfRows();
    }

    /** The version, locked until the transaction ends. */
    Optional<RateVersion> lock(UUID id) {
        return jdbc.sql("select * from fx_rate where id = :id for update").param("id", id)
                .query(FxRateStore::version).optional();
    }

    Optional<RateVersion> version(UUID id) {
        return jdbc.sql("select * from fx_rate where id = :id").param("id", id).query(FxRateStore::version)
                .optional();
    }

    /** The other versions of the pair from the same instant, still in force or proposed, locked. */
    List<RateVersion> othersInForceOrProposed(RateVersion version) {
        FxRates.FxRate rate = version.rate;
        return jdbc.sql("""
                        select * from fx_rate where base_currency = :base and quote_currency = :quote
                          and valid_from = :from and state in ('PROPOSED', 'CONFIRMED') and id <> :id
                        order by loaded_at for update""")
                .param("base", rate.baseCurrency()).param("quote", rate.quoteCurrency())
                .param("from", timestamp(rate.validFrom())).param("id", rate.id())
                .query(FxRateStore::version).list();
    }

    /** The proposed correction of the version, if one is pending. */
    Optional<UUID> pendingCorrectionOf(UUID id) {
        return jdbc.sql("select id from fx_rate where corrects = :id and state = 'PROPOSED'").param("id", id)
                .query(UUID.class).optional();
    }

    Optional<FxRates.FxRate> inForce(String base, String quote, Instant at) {
        return jdbc.sql("""
                        select * from fx_rate where base_currency = :base and quote_currency = :quote
                          and valid_from <= :at and state = 'CONFIRMED'
                        order by valid_from desc limit 1
                        """)
                .param("base", base).param("quote", quote).param("at", timestamp(at))
                .query(FxRateStore::rate).optional();
    }

    /**
     * The version confirmed by {@code knownAt} and not superseded by then, latest valid from on or before {@code at}.
     * Rates loaded before V85 were confirmed at their load (V86 set their {@code confirmed_at}).
     */
    Optional<FxRates.FxRate> inForceKnownAt(String base, String quote, Instant at, Instant knownAt) {
        return jdbc.sql("""
                        select * from fx_rate where base_currency = :base and quote_currency = :quote
                          and valid_from <= :at and confirmed_at <= :knownAt
                          and (superseded_at is null or superseded_at > :knownAt)
                        order by valid_from desc limit 1
                        """)
                .param("base", base).param("quote", quote).param("at", timestamp(at))
                .param("knownAt", timestamp(knownAt)).query(FxRateStore::rate).optional();
    }

    Optional<FxRates.FxRate> inForceBefore(String base, String quote, Instant end) {
        return jdbc.sql("""
                        select * from fx_rate where base_currency = :base and quote_currency = :quote
                          and valid_from < :end and state = 'CONFIRMED'
                        order by valid_from desc limit 1
                        """)
                .param("base", base).param("quote", quote).param("end", timestamp(end))
                .query(FxRateStore::rate).optional();
    }

    Page<RateVersion> list(String base, String quote, String state, Pageable page) {
        return PagedQuery.from(jdbc, "fx_rate where (cast(:base as text) is null or base_currency = :base)"
                        + " and (cast(:quote as text) is null or quote_currency = :quote)"
                        + " and (cast(:state as text) is null or state = :state)")
                .param("base", base).param("quote", quote).param("state", state)
                .orderBy("base_currency, quote_currency, valid_from desc, loaded_at desc, id")
                .page(page, FxRateStore::version);
    }

    private static FxRates.FxRate rate(ResultSet rs, int row) throws SQLException {
        return new FxRates.FxRate(rs.getObject("id", UUID.class), rs.getString("base_currency"),
                rs.getString("quote_currency"), rs.getBigDecimal("rate").stripTrailingZeros(),
                rs.getObject("valid_from", OffsetDateTime.class).toInstant(), rs.getString("loaded_by"),
                rs.getObject("loaded_at", OffsetDateTime.class).toInstant());
    }

    private static RateVersion version(ResultSet rs, int row) throws SQLException {
        return RateVersion.restore(rate(rs, row), rs.getObject("corrects", UUID.class),
                rs.getString("correction_reason"), RateVersion.State.valueOf(rs.getString("state")),
                rs.getString("confirmed_by"), instant(rs, "confirmed_at"),
                rs.getObject("superseded_by_rate", UUID.class), rs.getString("superseded_by"),
                instant(rs, "superseded_at"), rs.getString("supersession_reason"))
                .withRejection(rs.getString("rejected_by"), instant(rs, "rejected_at"),
                        rs.getString("rejection_reason"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
