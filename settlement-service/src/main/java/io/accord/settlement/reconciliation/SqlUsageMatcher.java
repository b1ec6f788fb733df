package io.accord.settlement.reconciliation;

import io.accord.platform.persistence.KeysetPages;
import io.accord.settlement.usage.UsageSums;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * {@link UsageMatcher} as a sort-merge in PostgreSQL, on one connection of its own and in one transaction: both
 * streams are copied ({@code COPY}) into a temporary table of the session (dropped at commit; the service's user
 * owns it, so it can be indexed and analysed for good plans), ours loses its reversed records and their reversals,
 * pairs are found with SQL (by usage id; or, by keys, in rounds of mutually closest candidates: same subscriber, start
 * time within ±N s, quantity within tolerance, closest in time then quantity), then classified and summed in one
 * statement that also keeps what did not match in {@code usage_match_unmatched}. Memory stays constant: the database
 * sorts and joins, spilling to disk as it needs.
 */
@Component
class SqlUsageMatcher implements UsageMatcher {

    /** Rounds of mutual-best pairing in KEYS mode; each round pairs at least one record or ends the loop. */
    static final int MAX_ROUNDS = 20;

    /** Unmatched records read per page (and transaction) for the download. */
    static final int UNMATCHED_PAGE = 2_000;

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final PlatformTransactionManager transactions;

    SqlUsageMatcher(DataSource dataSource, JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @Override
    public Map<Outcome, Totals> match(UUID matchId, Iterator<Record> theirs, Iterator<Record> ours, Rules rules,
                                      Statement statement) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                JdbcClient session = JdbcClient.create(new SingleConnectionDataSource(connection, true));
                session.sql("""
                        create temporary table match_record (
                            side char(1) not null, record_no bigint not null, usage_id varchar(200),
                            subscriber_id varchar(200), usage_time timestamptz, usage_type varchar(64),
                            quantity numeric(30, 9), amount numeric(24, 6), rated_id varchar(200),
                            reversal_of varchar(200), paired_with bigint) on commit drop""").update();
                copy(connection, "T", theirs);
                copy(connection, "O", ours);
                session.sql("create index on match_record (side, usage_id)").update();
                session.sql("create index on match_record (side, subscriber_id, usage_time)").update();
                session.sql("create index on match_record (side, reversal_of)").update();
                session.sql("analyze match_record").update();
                if (statement != null) {
                    keepBilled(connection, session, statement);
                }
                dropReversed(session);
                if (rules.mode() == Mode.USAGE_ID) {
                    pairByUsageId(session);
                } else {
                    pairByKeys(session, rules);
                }
                Map<Outcome, Totals> totals = classify(session, matchId, rules);
                connection.commit();
                return totals;
            } catch (RuntimeException | SQLException failed) {
                connection.rollback();
                throw failed;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException failed) {
            throw new IllegalStateException("Matching usage failed: " + failed.getMessage(), failed);
        }
    }

    private static void copy(Connection connection, String side, Iterator<Record> records) throws SQLException {
        try (CopyWriter copy = new CopyWriter(connection, """
                copy match_record (side, record_no, usage_id, subscriber_id, usage_time, usage_type, quantity, amount,
                                   rated_id, reversal_of)
                from stdin (format csv)""")) {
            long number = 0;
            while (records.hasNext()) {
                Record record = records.next();
                copy.text(side).number(++number).text(record.usageId()).text(record.subscriberId())
                        .instant(record.usageTime()).text(record.usageType()).number(record.quantity())
                        .number(record.amount()).text(record.ratedId()).text(record.reversalOf()).endRow();
            }
            copy.finish();
        }
    }

    /**
     * Keeps of ours what the statement billed (before reversals cancel out: a reversal placed on a later statement
     * does not cancel a record billed on this one): of its period window, the records not placed elsewhere; of the
     * late windows, the records placed in it.
     */
    private static void keepBilled(Connection connection, JdbcClient session, Statement statement)
            throws SQLException {
        session.sql("""
                create temporary table match_placed (rated_id varchar(200) not null, billed_here boolean not null)
                on commit drop""").update();
        try (CopyWriter copy = new CopyWriter(connection,
                "copy match_placed (rated_id, billed_here) from stdin (format csv)")) {
            while (statement.placed().hasNext()) {
                UsageSums.Placed placed = statement.placed().next();
                copy.text(placed.ratedId().toString()).text(placed.billedHere() ? "t" : "f").endRow();
            }
            copy.finish();
        }
        session.sql("create index on match_placed (rated_id)").update();
        session.sql("analyze match_placed").update();
        session.sql("""
                        delete from match_record r
                        where r.side = 'O'
                          and case when r.usage_time >= :from and r.usage_time < :to
                                   then exists (select 1 from match_placed p
                                                where p.rated_id = r.rated_id and not p.billed_here)
                                   else not exists (select 1 from match_placed p
                                                    where p.rated_id = r.rated_id and p.billed_here) end""")
                .param("from", OffsetDateTime.ofInstant(statement.from(), ZoneOffset.UTC))
                .param("to", OffsetDateTime.ofInstant(statement.to(), ZoneOffset.UTC)).update();
    }

    /**
     * A reversal and the rating it reverses cancel out: the current rating is the one not reversed. Rating's export
     * names the reversed rating in {@code reversalOf} on both the {@code REVERSAL} and the {@code RERATED}
     * replacement that follows it (in sequence order, so the reversal is the first of them): the replacement is the
     * current rating and stays, unless it was reversed in turn.
     */
    private static void dropReversed(JdbcClient session) {
        session.sql("""
                delete from match_record r
                where r.side = 'O'
                  and (exists (select 1 from match_record v where v.side = 'O' and v.reversal_of = r.rated_id)
                       or r.reversal_of is not null
                          and r.record_no = (select min(f.record_no) from match_record f
                                             where f.side = 'O' and f.reversal_of = r.reversal_of))""")
                .update();
    }

    private static void pairByUsageId(JdbcClient session) {
        session.sql("""
                update match_record t set paired_with = o.record_no
                from (select distinct on (usage_id) usage_id, record_no from match_record
                      where side = 'O' order by usage_id, record_no) o
                where t.side = 'T' and t.usage_id = o.usage_id""").update();
    }

    private static void pairByKeys(JdbcClient session, Rules rules) {
        for (int round = 0; round < MAX_ROUNDS; round++) {
            int paired = session.sql("""
                            with candidates as (
                                select t.record_no as t_no, o.record_no as o_no,
                                       abs(extract(epoch from (t.usage_time - o.usage_time))) as dt,
                                       abs(t.quantity - o.quantity) as dq
                                from match_record t
                                join match_record o on o.side = 'O'
                                     and o.subscriber_id = t.subscriber_id
                                     and o.usage_time between t.usage_time - make_interval(secs => :window)
                                                          and t.usage_time + make_interval(secs => :window)
                                where t.side = 'T' and t.paired_with is null
                                  and o.paired_with is null and abs(t.quantity - o.quantity) <= :quantity),
                            ranked as (
                                select t_no, o_no,
                                       row_number() over (partition by t_no order by dt, dq, o_no) as by_theirs,
                                       row_number() over (partition by o_no order by dt, dq, t_no) as by_ours
                                from candidates),
                            best as (select t_no, o_no from ranked where by_theirs = 1 and by_ours = 1),
                            theirs as (
                                update match_record r set paired_with = b.o_no from best b
                                where r.side = 'T' and r.record_no = b.t_no)
                            update match_record r set paired_with = b.t_no from best b
                            where r.side = 'O' and r.record_no = b.o_no""")
                    .param("window", rules.timeToleranceSeconds())
                    .param("quantity", rules.quantityTolerance()).update();
            if (paired == 0) {
                return;
            }
        }
    }

    /** Classifies every pair and single record, keeps what did not match, and sums per outcome. */
    private static Map<Outcome, Totals> classify(JdbcClient session, UUID matchId, Rules rules) {
        Map<Outcome, Totals> totals = new EnumMap<>(Outcome.class);
        for (Outcome outcome : Outcome.values()) {
            totals.put(outcome, new Totals(0, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO));
        }
        session.sql("""
                        with pairs as materialized (
                            select case when o.record_no is null then 'ONLY_THEIRS'
                                        when t.record_no is null then 'ONLY_OURS'
                                        when abs(t.quantity - o.quantity) > :quantity then 'DIFFERENT_QUANTITY'
                                        when t.amount is not null and abs(t.amount - o.amount) > :amount
                                            then 'DIFFERENT_AMOUNT'
                                        else 'MATCHED' end as outcome,
                                   coalesce(t.record_no, o.record_no) as record_no, o.usage_id as our_usage_id,
                                   t.usage_id as their_usage_id,
                                   coalesce(o.subscriber_id, t.subscriber_id) as subscriber_id,
                                   coalesce(o.usage_time, t.usage_time) as usage_time,
                                   coalesce(o.usage_type, t.usage_type) as usage_type,
                                   o.quantity as our_quantity, t.quantity as their_quantity,
                                   o.amount as our_amount, t.amount as their_amount
                            from (select * from match_record where side = 'T') t
                            full join (select * from match_record where side = 'O') o
                                 on t.paired_with = o.record_no),
                        kept as (
                            insert into usage_match_unmatched (match_id, record_no, outcome, usage_id, their_usage_id,
                                    subscriber_id, usage_time, usage_type, our_quantity, their_quantity, our_amount,
                                    their_amount)
                            select :m, record_no, outcome, our_usage_id, their_usage_id, subscriber_id, usage_time,
                                   usage_type, our_quantity, their_quantity, our_amount, their_amount
                            from pairs where outcome <> 'MATCHED')
                        select outcome, count(*) as records, coalesce(sum(our_quantity), 0) as our_quantity,
                               coalesce(sum(their_quantity), 0) as their_quantity,
                               coalesce(sum(our_amount), 0) as our_amount,
                               coalesce(sum(their_amount), 0) as their_amount
                        from pairs group by outcome""")
                .param("m", matchId).param("quantity", rules.quantityTolerance())
                .param("amount", rules.amountTolerance())
                .query(rs -> {
                    totals.put(Outcome.valueOf(rs.getString("outcome")), new Totals(rs.getLong("records"),
                            rs.getBigDecimal("our_quantity"), rs.getBigDecimal("their_quantity"),
                            rs.getBigDecimal("our_amount"), rs.getBigDecimal("their_amount")));
                });
        return totals;
    }

    /**
     * Reads the records in pages by key (outcome, record number), each page in its own short transaction, and hands
     * them on between the transactions ({@link KeysetPages}): a download at the client's pace holds no connection.
     */
    @Override
    public void unmatched(UUID matchId, Consumer<Unmatched> sink) {
        try {
            KeysetPages.of(transactions, UNMATCHED_PAGE).read(new UnmatchedKey("", -1), (after, limit) -> jdbc.sql("""
                            select * from usage_match_unmatched
                            where match_id = :m and (outcome, record_no) > (:outcome, :recordNo)
                            order by outcome, record_no
                            limit :limit""")
                    .param("m", matchId).param("outcome", after.outcome()).param("recordNo", after.recordNo())
                    .param("limit", limit).query((rs, row) -> {
                        OffsetDateTime time = rs.getObject("usage_time", OffsetDateTime.class);
                        return new KeyedUnmatched(new UnmatchedKey(rs.getString("outcome"), rs.getLong("record_no")),
                                new Unmatched(rs.getString("outcome"), rs.getString("usage_id"),
                                        rs.getString("their_usage_id"), rs.getString("subscriber_id"),
                                        time == null ? null : time.toInstant(), rs.getString("usage_type"),
                                        rs.getBigDecimal("our_quantity"), rs.getBigDecimal("their_quantity"),
                                        rs.getBigDecimal("our_amount"), rs.getBigDecimal("their_amount")));
                    }).list(), KeyedUnmatched::key)
                    .forEach(page -> page.forEach(record -> sink.accept(record.unmatched())));
        } catch (IOException notFromThisSink) {
            throw new UncheckedIOException(notFromThisSink);
        }
    }

    private record UnmatchedKey(String outcome, long recordNo) {
    }

    private record KeyedUnmatched(UnmatchedKey key, Unmatched unmatched) {
    }

    @Override
    public void forget(UUID matchId) {
        jdbc.sql("delete from usage_match_unmatched where match_id = :m").param("m", matchId).update();
    }
}
