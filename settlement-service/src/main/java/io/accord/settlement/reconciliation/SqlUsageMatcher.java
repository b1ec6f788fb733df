package io.accord.settlement.reconciliation;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * {@link UsageMatcher} as a sort-merge in PostgreSQL: both streams are copied ({@code COPY}) into the work table
 * {@code usage_match_record}, ours loses its reversed records and their reversals, pairs are found with SQL (by
 * usage id; or, by keys, in rounds of mutually closest candidates: same subscriber, start time within ±N s, quantity
 * within tolerance, closest in time then quantity), then classified and summed in one statement that also keeps what
 * did not match. Memory stays constant: the database sorts and joins, spilling to disk as it needs.
 */
@Component
class SqlUsageMatcher implements UsageMatcher {

    /** Rounds of mutual-best pairing in KEYS mode; each round pairs at least one record or ends the loop. */
    static final int MAX_ROUNDS = 20;

    private final DataSource dataSource;
    private final JdbcClient jdbc;

    SqlUsageMatcher(DataSource dataSource, JdbcClient jdbc) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
    }

    @Override
    public Map<Outcome, Totals> match(UUID matchId, Iterator<Record> theirs, Iterator<Record> ours, Rules rules) {
        try {
            copy(matchId, "T", theirs);
            copy(matchId, "O", ours);
            jdbc.sql("analyze usage_match_record").update();
            dropReversed(matchId);
            if (rules.mode() == Mode.USAGE_ID) {
                pairByUsageId(matchId);
            } else {
                pairByKeys(matchId, rules);
            }
            return classify(matchId, rules);
        } finally {
            jdbc.sql("delete from usage_match_record where match_id = :m").param("m", matchId).update();
        }
    }

    private void copy(UUID matchId, String side, Iterator<Record> records) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            try (CopyWriter copy = new CopyWriter(connection, """
                    copy usage_match_record (match_id, side, record_no, usage_id, subscriber_id, usage_time,
                                             usage_type, quantity, amount, rated_id, reversal_of)
                    from stdin (format csv)""")) {
                long number = 0;
                while (records.hasNext()) {
                    Record record = records.next();
                    copy.uuid(matchId).text(side).number(++number).text(record.usageId())
                            .text(record.subscriberId()).instant(record.usageTime()).text(record.usageType())
                            .number(record.quantity()).number(record.amount()).text(record.ratedId())
                            .text(record.reversalOf()).endRow();
                }
                copy.finish();
            }
        } catch (SQLException failed) {
            throw new IllegalStateException("Copying the " + ("T".equals(side) ? "partner's" : "rated")
                    + " records failed: " + failed.getMessage(), failed);
        }
    }

    /** A reversal and the rating it reverses cancel out: the current rating is the one not reversed. */
    private void dropReversed(UUID matchId) {
        jdbc.sql("""
                        delete from usage_match_record r
                        where r.match_id = :m and r.side = 'O'
                          and (r.reversal_of is not null
                               or exists (select 1 from usage_match_record v
                                          where v.match_id = :m and v.side = 'O' and v.reversal_of = r.rated_id))""")
                .param("m", matchId).update();
    }

    private void pairByUsageId(UUID matchId) {
        jdbc.sql("""
                        update usage_match_record t set paired_with = o.record_no
                        from (select distinct on (usage_id) usage_id, record_no from usage_match_record
                              where match_id = :m and side = 'O' order by usage_id, record_no) o
                        where t.match_id = :m and t.side = 'T' and t.usage_id = o.usage_id""")
                .param("m", matchId).update();
    }

    private void pairByKeys(UUID matchId, Rules rules) {
        for (int round = 0; round < MAX_ROUNDS; round++) {
            int paired = jdbc.sql("""
                            with candidates as (
                                select t.record_no as t_no, o.record_no as o_no,
                                       abs(extract(epoch from (t.usage_time - o.usage_time))) as dt,
                                       abs(t.quantity - o.quantity) as dq
                                from usage_match_record t
                                join usage_match_record o on o.match_id = t.match_id and o.side = 'O'
                                     and o.subscriber_id = t.subscriber_id
                                     and o.usage_time between t.usage_time - make_interval(secs => :window)
                                                          and t.usage_time + make_interval(secs => :window)
                                where t.match_id = :m and t.side = 'T' and t.paired_with is null
                                  and o.paired_with is null and abs(t.quantity - o.quantity) <= :quantity),
                            ranked as (
                                select t_no, o_no,
                                       row_number() over (partition by t_no order by dt, dq, o_no) as by_theirs,
                                       row_number() over (partition by o_no order by dt, dq, t_no) as by_ours
                                from candidates),
                            best as (select t_no, o_no from ranked where by_theirs = 1 and by_ours = 1),
                            theirs as (
                                update usage_match_record r set paired_with = b.o_no from best b
                                where r.match_id = :m and r.side = 'T' and r.record_no = b.t_no)
                            update usage_match_record r set paired_with = b.t_no from best b
                            where r.match_id = :m and r.side = 'O' and r.record_no = b.o_no""")
                    .param("m", matchId).param("window", rules.timeToleranceSeconds())
                    .param("quantity", rules.quantityTolerance()).update();
            if (paired == 0) {
                return;
            }
        }
    }

    /** Classifies every pair and single record, keeps what did not match, and sums per outcome. */
    private Map<Outcome, Totals> classify(UUID matchId, Rules rules) {
        Map<Outcome, Totals> totals = new EnumMap<>(Outcome.class);
        for (Outcome outcome : Outcome.values()) {
            totals.put(outcome, new Totals(0, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO));
        }
        jdbc.sql("""
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
                            from (select * from usage_match_record where match_id = :m and side = 'T') t
                            full join (select * from usage_match_record where match_id = :m and side = 'O') o
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

    @Override
    public void unmatched(UUID matchId, Consumer<Unmatched> sink) {
        jdbc.sql("select * from usage_match_unmatched where match_id = :m order by outcome, record_no")
                .withFetchSize(5_000).param("m", matchId).query(rs -> {
                    OffsetDateTime time = rs.getObject("usage_time", OffsetDateTime.class);
                    sink.accept(new Unmatched(rs.getString("outcome"), rs.getString("usage_id"),
                            rs.getString("their_usage_id"), rs.getString("subscriber_id"),
                            time == null ? null : time.toInstant(), rs.getString("usage_type"),
                            rs.getBigDecimal("our_quantity"), rs.getBigDecimal("their_quantity"),
                            rs.getBigDecimal("our_amount"), rs.getBigDecimal("their_amount")));
                });
    }

    @Override
    public void forget(UUID matchId) {
        jdbc.sql("delete from usage_match_unmatched where match_id = :m").param("m", matchId).update();
    }
}
