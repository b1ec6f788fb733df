package io.accord.settlement.period;

import io.accord.platform.persistence.PagedQuery;
import io.accord.platform.problem.ConflictException;
import org.springframework.data.domain.Page;
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

/** The {@code settlement_period} table; saves are optimistic (version), a partner's openings serialised. */
@Repository
class PeriodStore {

    private final JdbcClient jdbc;

    PeriodStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Serialises the openings of one partner's periods until the transaction ends (replicas, concurrent calls). */
    void lockPartner(UUID partnerId) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('settlement-period'), hashtext(:p))")
                .param("p", partnerId.toString()).query().listOfRows();
    }

    /**
     * Takes the period locks of many partners in one statement, in the order given (callers sort them the same way);
     * the same advisory locks as {@link #lockPartner}.
     */
    void lockPartners(List<UUID> partnerIds) {
        jdbc.sql("""
                        select pg_advisory_xact_lock(hashtext('settlement-period'), hashtext(p.id))
                        from unnest(string_to_array(:ids, ',')) with ordinality as p(id, position)
                        order by p.position""")
                .param("ids", String.join(",", partnerIds.stream().map(UUID::toString).toList()))
                .query().listOfRows();
    }

    /** The periods of many partners, each partner's oldest first. */
    List<SettlementPeriod> ofPartners(List<UUID> partnerIds) {
        return jdbc.sql("select * from settlement_period where partner_id in (:p) order by partner_id, start_at")
                .param("p", partnerIds).query(PeriodStore::period).list();
    }

    void insert(SettlementPeriod period) {
        jdbc.sql("""
                        insert into settlement_period (id, partner_id, agreement_id, cycle, start_at, end_at, state,
                                                       version, created_at)
                        values (:id, :p, :agreement, :cycle, :start, :end, :state, 0, :created)
                        """)
                .param("id", period.id()).param("p", period.partnerId()).param("agreement", period.agreementId())
                .param("cycle", period.cycle()).param("start", ts(period.startAt())).param("end", ts(period.endAt()))
                .param("state", period.state().name()).param("created", ts(period.createdAt())).update();
    }

    void update(SettlementPeriod period) {
        int updated = jdbc.sql("""
                        update settlement_period set end_at = :end, state = :state, closed_early_at = :early,
                            closed_early_by = :earlyBy, closing_at = :closing, closed_at = :closed,
                            version = version + 1
                        where id = :id and version = :version
                        """)
                .param("id", period.id()).param("version", period.version()).param("end", ts(period.endAt()))
                .param("state", period.state().name()).param("early", ts(period.closedEarlyAt()))
                .param("earlyBy", period.closedEarlyBy()).param("closing", ts(period.closingAt()))
                .param("closed", ts(period.closedAt())).update();
        if (updated == 0) {
            throw new ConflictException("Period " + period.id() + " was changed concurrently; read it again");
        }
    }

    Optional<SettlementPeriod> find(UUID id) {
        return jdbc.sql("select * from settlement_period where id = :id").param("id", id)
                .query(PeriodStore::period).optional();
    }

    List<SettlementPeriod> ofPartner(UUID partnerId) {
        return jdbc.sql("select * from settlement_period where partner_id = :p order by start_at")
                .param("p", partnerId).query(PeriodStore::period).list();
    }

    /** The periods (of one partner, or all) that start in [from, to), by partner and start. */
    List<SettlementPeriod> startingBetween(Instant from, Instant to, UUID partnerId) {
        return jdbc.sql("""
                        select * from settlement_period
                        where start_at >= :from and start_at < :to and (cast(:p as uuid) is null or partner_id = :p)
                        order by partner_id, start_at""")
                .param("from", java.sql.Timestamp.from(from)).param("to", java.sql.Timestamp.from(to))
                .param("p", partnerId).query(PeriodStore::period).list();
    }

    /** Periods a run settles: ended by {@code now} and not CLOSED (OPEN, or CLOSING after an interrupted run). */
    List<SettlementPeriod> dueForRun(Instant now) {
        return jdbc.sql("""
                        select * from settlement_period where state in ('OPEN', 'CLOSING') and end_at <= :now
                        order by partner_id, start_at""")
                .param("now", java.sql.Timestamp.from(now)).query(PeriodStore::period).list();
    }

    Optional<SettlementPeriod> latest(UUID partnerId) {
        return jdbc.sql("select * from settlement_period where partner_id = :p order by start_at desc limit 1")
                .param("p", partnerId).query(PeriodStore::period).optional();
    }

    Page<SettlementPeriod> list(UUID partnerId, PeriodState state, Instant at, Pageable page) {
        return PagedQuery.from(jdbc, "settlement_period where (cast(:p as uuid) is null or partner_id = :p)"
                        + " and (cast(:state as text) is null or state = :state)"
                        + " and (cast(:at as timestamptz) is null or start_at <= :at and end_at > :at)")
                .param("p", partnerId).param("state", state == null ? null : state.name()).param("at", ts(at))
                .orderBy("start_at desc, partner_id, id").page(page, PeriodStore::period);
    }

    private static SettlementPeriod period(ResultSet rs, int row) throws SQLException {
        return new SettlementPeriod(rs.getObject("id", UUID.class), rs.getObject("partner_id", UUID.class),
                rs.getString("agreement_id"), rs.getString("cycle"), instant(rs, "start_at"), instant(rs, "end_at"),
                PeriodState.valueOf(rs.getString("state")), instant(rs, "closed_early_at"),
                rs.getString("closed_early_by"), instant(rs, "closing_at"), instant(rs, "closed_at"),
                rs.getLong("version"), instant(rs, "created_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime ts(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
