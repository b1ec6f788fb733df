package io.accord.rating.ingest;

import io.accord.contracts.usage.UsageRated;
import io.accord.rating.engine.AccumulatorKey;
import io.accord.rating.engine.PartyAmount;
import io.accord.rating.engine.RatedUsage;
import io.accord.rating.engine.RatingBasis;
import io.accord.rating.engine.SuspendedUsage;
import io.accord.rating.engine.TierAccumulators;
import io.accord.rating.engine.TierUsage;
import io.accord.rating.engine.UsagePriceVersion.TierPeriod;
import io.accord.rating.engine.UsageRecord;
import io.accord.rating.ingest.UsageLedger.Fate;
import io.accord.rating.ingest.UsageLedger.Incoming;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.jdbc.datasource.DataSourceUtils;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The SQL of {@link UsageLedger}, on the transaction's connection: set-based statements over arrays
 * ({@code unnest}) and COPY, a handful of round trips per batch whatever its size. Rows that other transactions
 * may also lock (usage keys, accumulators, rollups, counters, the rated sequence) are always taken in one global
 * order, each kind sorted, so concurrent batches wait for each other but never deadlock.
 */
class LedgerWriter {

    /** The columns of a rated row as {@link #writeRated} copies them (in binary: each of its table's own type). */
    private static final int RATED_COLUMNS = 44;

    private final DataSource dataSource;

    LedgerWriter(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * A rated record with its arrival order within its accumulator's period; a correction (re-rating) also carries
     * its rated id and the rated record it reverses or replaces.
     */
    record RatedRow(Incoming incoming, RatedUsage rated, long arrivalOrder, UUID ratedId, UUID reversalOf) {

        RatedRow(Incoming incoming, RatedUsage rated, long arrivalOrder) {
            this(incoming, rated, arrivalOrder, null, null);
        }
    }

    /**
     * Inserts the duplicate markers of keys not seen before ({@code usage_key}, keyed by {@link Ids#usageKey}, with
     * each record's content digest); answers those that were new (the others are duplicates).
     */
    Set<UUID> claimKeys(List<UUID> keys, long[] contents, List<Incoming> records, Instant now) {
        Set<UUID> claimed = new HashSet<>();
        if (records.isEmpty()) {
            return claimed;
        }
        UUID[] digests = keys.toArray(new UUID[0]);
        // microseconds since 1970 (below the instant's): numbers, where ISO texts made garbage in the service and
        // PostgreSQL parse every timestamp; the marker's time only decides when the hourly purge deletes it
        long[] micros = new long[records.size()];
        for (int i = 0; i < records.size(); i++) {
            UsageRecord usage = records.get(i).usage();
            Instant at = usage.usageTime() != null ? usage.usageTime().toInstant() : now;
            micros[i] = Math.multiplyExact(at.getEpochSecond(), 1_000_000L) + at.getNano() / 1_000;
        }
        String sql = """
                insert into usage_key (key, usage_time, content)
                select k, to_timestamp(t / 1000000) + t % 1000000 * interval '1 microsecond', c
                from unnest(?::uuid[], ?::int8[], ?::int8[]) as n(k, t, c)
                order by k
                on conflict do nothing
                returning key""";
        return withStatement(sql, statement -> {
            Connection connection = statement.getConnection();
            statement.setArray(1, connection.createArrayOf("uuid", digests));
            statement.setObject(2, micros);
            statement.setObject(3, contents);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    claimed.add(rows.getObject(1, UUID.class));
                }
            }
            return claimed;
        });
    }

    /**
     * The content digests the markers of these keys keep (a key whose marker keeps none, written before V98, is
     * absent). Read only for the keys a batch found claimed before: its duplicates.
     */
    Map<UUID, Long> contents(List<UUID> keys) {
        UUID[] digests = keys.toArray(new UUID[0]);
        return withStatement("select key, content from usage_key where key = any(?) and content is not null",
                statement -> {
                    statement.setArray(1, statement.getConnection().createArrayOf("uuid", digests));
                    Map<UUID, Long> contents = new HashMap<>();
                    try (ResultSet rows = statement.executeQuery()) {
                        while (rows.next()) {
                            contents.put(rows.getObject(1, UUID.class), rows.getLong(2));
                        }
                    }
                    return contents;
                });
    }

    /** Loads and locks these accumulators (those that exist) into {@code accumulators}; answers their record counts. */
    Map<AccumulatorKey, Long> lockAccumulators(Set<AccumulatorKey> keys, TierAccumulators accumulators) {
        Map<AccumulatorKey, Long> counts = new HashMap<>();
        if (keys.isEmpty()) {
            return counts;
        }
        Map<String, AccumulatorKey> byText = new HashMap<>();
        List<AccumulatorKey> list = new ArrayList<>(keys);
        String[][] arrays = new String[5][list.size()];
        for (int i = 0; i < list.size(); i++) {
            AccumulatorKey key = list.get(i);
            arrays[0][i] = key.subscriberId();
            arrays[1][i] = key.offeringId();
            arrays[2][i] = key.usageType();
            arrays[3][i] = key.period().name();
            arrays[4][i] = key.periodStart().toString();
            byText.put(text(key), key);
        }
        String sql = """
                select a.subscriber_id, a.offering_id, a.usage_type, a.tier_period, a.period_start, a.quantity,
                       a.record_count
                from tier_accumulator a
                join unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::date[]) as k(s, o, u, p, d)
                  on a.subscriber_id = k.s and a.offering_id = k.o and a.usage_type = k.u and a.tier_period = k.p
                 and a.period_start = k.d
                order by a.subscriber_id, a.offering_id, a.usage_type, a.tier_period, a.period_start
                for update of a""";
        return withStatement(sql, statement -> {
            for (int column = 0; column < arrays.length; column++) {
                statement.setArray(column + 1, statement.getConnection().createArrayOf("text", arrays[column]));
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    AccumulatorKey key = byText.get(text(rows));
                    accumulators.put(key, rows.getBigDecimal(6));
                    counts.put(key, rows.getLong(7));
                }
            }
            return counts;
        });
    }

    /** An accumulator's quantity and record count after a batch added to it. */
    record Total(BigDecimal quantity, long recordCount) {
    }

    /**
     * Adds to each of these accumulators (creating it when new) the quantity {@code batch} holds for it and its record
     * count in the batch, in one statement, taking their row locks in key order; answers each one's totals after. For
     * flat-priced accumulators, which nothing has to read before rating: a concurrent writer's addition is simply
     * waited for and included.
     */
    Map<AccumulatorKey, Total> addToAccumulators(Map<AccumulatorKey, Long> batchCounts, TierAccumulators batch,
                                                 Instant now) {
        List<AccumulatorKey> keys = new ArrayList<>(batchCounts.keySet());
        Map<String, AccumulatorKey> byText = new HashMap<>();
        for (AccumulatorKey key : keys) {
            byText.put(text(key), key);
        }
        Map<AccumulatorKey, Total> totals = new HashMap<>();
        withStatement("""
                insert into tier_accumulator as a (subscriber_id, offering_id, usage_type, tier_period, period_start,
                                                   quantity, record_count, updated_at)
                select s, o, u, p, d, q, c, ?
                from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::date[], ?::numeric[], ?::bigint[])
                     as n(s, o, u, p, d, q, c)
                order by s, o, u, p, d
                on conflict (subscriber_id, offering_id, usage_type, tier_period, period_start) do update
                set quantity = a.quantity + excluded.quantity, record_count = a.record_count + excluded.record_count,
                    updated_at = excluded.updated_at
                returning subscriber_id, offering_id, usage_type, tier_period, period_start, quantity, record_count""",
                statement -> {
                    bindAccumulators(statement, keys, batch, batchCounts, now);
                    try (ResultSet rows = statement.executeQuery()) {
                        while (rows.next()) {
                            totals.put(byText.get(text(rows)), new Total(rows.getBigDecimal(6), rows.getLong(7)));
                        }
                    }
                    return null;
                });
        if (totals.size() != keys.size()) {
            throw new IllegalStateException("tier accumulators: " + keys.size() + " added to, " + totals.size()
                    + " answered");
        }
        return totals;
    }

    private static String text(AccumulatorKey key) {
        return String.join("\u0000", key.subscriberId(), key.offeringId(), key.usageType(), key.period().name(),
                key.periodStart().toString());
    }

    /** The key of a row whose first five columns are an accumulator's key columns. */
    private static String text(ResultSet row) throws SQLException {
        return String.join("\u0000", row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                row.getObject(5, LocalDate.class).toString());
    }

    /**
     * Stores the accumulators that rated records advanced: the loaded ones (locked) are updated, the new ones
     * inserted; a new one that another transaction inserted meanwhile means two writers rated one subscriber at
     * once, and the batch is retried.
     */
    void storeAccumulators(TierAccumulators accumulators, Map<AccumulatorKey, Long> counts,
                           Map<AccumulatorKey, Long> loadedCounts, Instant now) {
        TreeMap<String, AccumulatorKey> changed = new TreeMap<>();
        counts.forEach((key, count) -> {
            if (!count.equals(loadedCounts.get(key))) {
                changed.put(text(key), key);
            }
        });
        List<AccumulatorKey> inserts = new ArrayList<>();
        List<AccumulatorKey> updates = new ArrayList<>();
        for (AccumulatorKey key : changed.values()) {
            (loadedCounts.containsKey(key) ? updates : inserts).add(key);
        }
        String columns = "?::text[], ?::text[], ?::text[], ?::text[], ?::date[], ?::numeric[], ?::bigint[]";
        if (!updates.isEmpty()) {
            int updated = accumulatorStatement("""
                    update tier_accumulator a set quantity = n.q, record_count = n.c, updated_at = ?
                    from unnest(%s) as n(s, o, u, p, d, q, c)
                    where a.subscriber_id = n.s and a.offering_id = n.o and a.usage_type = n.u and a.tier_period = n.p
                      and a.period_start = n.d""".formatted(columns), updates, accumulators, counts, now);
            if (updated != updates.size()) {
                throw new ConcurrencyFailureException("tier accumulators changed by another writer");
            }
        }
        if (!inserts.isEmpty()) {
            int inserted = accumulatorStatement("""
                    insert into tier_accumulator (subscriber_id, offering_id, usage_type, tier_period, period_start,
                                                  quantity, record_count, updated_at)
                    select s, o, u, p, d, q, c, ? from unnest(%s) as n(s, o, u, p, d, q, c)
                    order by s, o, u, p, d
                    on conflict do nothing""".formatted(columns), inserts, accumulators, counts, now);
            if (inserted != inserts.size()) {
                throw new ConcurrencyFailureException("a tier accumulator was created by another writer meanwhile");
            }
        }
    }

    private int accumulatorStatement(String sql, List<AccumulatorKey> keys, TierAccumulators accumulators,
                                     Map<AccumulatorKey, Long> counts, Instant now) {
        return withStatement(sql, statement -> {
            bindAccumulators(statement, keys, accumulators, counts, now);
            return statement.executeUpdate();
        });
    }

    /** Binds the time and the seven arrays (key columns, quantity, count) of an accumulator statement. */
    private static void bindAccumulators(PreparedStatement statement, List<AccumulatorKey> keys,
                                         TierAccumulators accumulators, Map<AccumulatorKey, Long> counts, Instant now)
            throws SQLException {
        int n = keys.size();
        String[][] arrays = new String[7][n];
        for (int i = 0; i < n; i++) {
            AccumulatorKey key = keys.get(i);
            arrays[0][i] = key.subscriberId();
            arrays[1][i] = key.offeringId();
            arrays[2][i] = key.usageType();
            arrays[3][i] = key.period().name();
            arrays[4][i] = key.periodStart().toString();
            arrays[5][i] = accumulators.quantity(key).toPlainString();
            arrays[6][i] = counts.get(key).toString();
        }
        Connection connection = statement.getConnection();
        statement.setTimestamp(1, Timestamp.from(now));
        for (int i = 0; i < arrays.length; i++) {
            statement.setArray(i + 2, connection.createArrayOf("text", arrays[i]));
        }
    }

    void writeSuspense(List<Fate> fates, Instant now) {
        CsvRows rows = new CsvRows();
        for (Fate fate : fates) {
            SuspendedUsage suspended = fate.suspended();
            if (suspended == null) {
                continue;
            }
            Incoming incoming = fate.incoming();
            UsageRecord usage = incoming.usage();
            rows.text(Ids.next(now).toString()).text(incoming.source()).text(usage.usageId())
                    .text(usage.subscriberId()).text(usage.usageType())
                    .instant(usage.usageTime() == null ? null : usage.usageTime().toInstant())
                    .text(suspended.reason().name()).text(suspended.detail())
                    .bytes(incoming.payload() == null ? new byte[0] : incoming.payload())
                    .date(day(incoming.receivedAt())).instant(incoming.receivedAt()).instant(now)
                    .number(incoming.kafkaPartition()).number(incoming.kafkaOffset()).text(suspended.offeringId())
                    .text(incoming.unclaimedUsageId()).endRow();
        }
        copy("""
                copy usage_suspense (suspense_id, source, usage_id, subscriber_id, usage_type, usage_time, reason,
                                     detail, payload, received_day, received_at, suspended_at, kafka_partition,
                                     kafka_offset, offering_id, unclaimed_usage_id) from stdin (format csv)""", rows);
    }

    void writeDuplicates(List<Fate> fates, Instant now) {
        CsvRows rows = new CsvRows();
        for (Fate fate : fates) {
            if (fate.duplicate()) {
                Incoming incoming = fate.incoming();
                rows.text(Ids.next(now).toString()).text(incoming.source()).text(incoming.usage().usageId())
                        .date(day(incoming.receivedAt())).instant(incoming.receivedAt()).instant(now)
                        .number(incoming.kafkaPartition()).number(incoming.kafkaOffset())
                        .text(incoming.channel().name())
                        .text(fate.conflicting() == null ? null : fate.conflicting().toString()).endRow();
            }
        }
        copy("""
                copy usage_duplicate (duplicate_id, source, usage_id, received_day, received_at, detected_at,
                                      kafka_partition, kafka_offset, channel, conflicting)
                from stdin (format csv)""", rows);
    }

    void addRollups(List<RatedRow> rated, Instant now) {
        // keyed by value, not by a joined string: the string (with the hour's ISO text) was built twice per record
        Map<RollupKey, Rollup> hourly = new HashMap<>();
        for (RatedRow row : rated) {
            RatedUsage usage = row.rated();
            Instant hour = usage.usage().usageTime().toInstant().truncatedTo(ChronoUnit.HOURS);
            if (usage.parties().isEmpty()) {
                add(hourly, "", usage, hour, BigDecimal.ZERO, BigDecimal.ZERO);
            }
            List<PartyAmount> parties = usage.parties();
            for (int i = 0; i < parties.size(); i++) {
                String partner = parties.get(i).partnerId();
                if (listedBefore(parties, i)) {
                    continue;
                }
                // a partner that bought its own (or a co-created) offering has its share and the owed charge in one
                // record: one rollup row counts the record, its quantity and charge once, with both amounts
                BigDecimal share = BigDecimal.ZERO;
                BigDecimal wholesale = BigDecimal.ZERO;
                for (int j = i; j < parties.size(); j++) {
                    PartyAmount party = parties.get(j);
                    if (party.partnerId().equals(partner)) {
                        if (party.direction() == PartyAmount.Direction.PAYABLE_TO_PARTNER) {
                            share = share.add(party.amount().amount());
                        } else {
                            wholesale = wholesale.add(party.amount().amount());
                        }
                    }
                }
                add(hourly, partner, usage, hour, share, wholesale);
            }
        }
        // a day's rollup is the sum of its hours' (every usage time of a UTC hour is in that hour's UTC day)
        Map<RollupKey, Rollup> daily = new HashMap<>();
        hourly.forEach((key, hour) -> {
            LocalDate day = day((Instant) key.bucket());
            daily.computeIfAbsent(key.in(day), k -> new Rollup(key, day.toString())).add(hour);
        });
        upsertRollups("usage_rollup_hourly", "timestamptz", hourly.values(), now);
        upsertRollups("usage_rollup_daily", "date", daily.values(), now);
    }

    private static boolean listedBefore(List<PartyAmount> parties, int index) {
        for (int i = 0; i < index; i++) {
            if (parties.get(i).partnerId().equals(parties.get(index).partnerId())) {
                return true;
            }
        }
        return false;
    }

    private static void add(Map<RollupKey, Rollup> hourly, String partner, RatedUsage usage, Instant hour,
                            BigDecimal share, BigDecimal wholesale) {
        RollupKey key = new RollupKey(partner, usage.basis().offeringId(), usage.usage().usageType(),
                usage.billedUnit().name(), usage.charge().currency(), hour);
        hourly.computeIfAbsent(key, k -> new Rollup(k, hour.toString())).add(usage, share, wholesale);
    }

    /** What a rollup row is kept per; the bucket is the hour's {@code Instant} or the day's {@code LocalDate}. */
    private record RollupKey(String partner, String offering, String usageType, String unit, String currency,
                             Object bucket) {

        RollupKey in(LocalDate day) {
            return new RollupKey(partner, offering, usageType, unit, currency, day);
        }
    }

    /** Upserts these rollups; the statement sorts its rows, so that concurrent batches lock them in one order. */
    private void upsertRollups(String table, String bucketType, Collection<Rollup> rollups, Instant now) {
        if (rollups.isEmpty()) {
            return;
        }
        List<Rollup> list = new ArrayList<>(rollups);
        String sql = """
                insert into %1$s as r (partner_id, offering_id, usage_type, billed_unit, currency, bucket, quantity,
                                       charge, partner_share, wholesale, margin, record_count, updated_at)
                select p, o, u, b, c, k::%2$s, q::numeric, ch::numeric, s::numeric, w::numeric, m::numeric, n::bigint, ?
                from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                            ?::text[], ?::text[], ?::text[], ?::text[]) as x(p, o, u, b, c, k, q, ch, s, w, m, n)
                order by p, o, u, b, c, k
                on conflict (partner_id, offering_id, usage_type, billed_unit, currency, bucket) do update set
                    quantity = r.quantity + excluded.quantity, charge = r.charge + excluded.charge,
                    partner_share = r.partner_share + excluded.partner_share,
                    wholesale = r.wholesale + excluded.wholesale, margin = r.margin + excluded.margin,
                    record_count = r.record_count + excluded.record_count, updated_at = excluded.updated_at"""
                .formatted(table, bucketType);
        String[][] arrays = new String[12][list.size()];
        for (int i = 0; i < list.size(); i++) {
            Rollup r = list.get(i);
            String[] values = {r.partner, r.offering, r.usageType, r.unit, r.currency, r.bucket,
                    r.quantity.toPlainString(), r.charge.toPlainString(), r.share.toPlainString(),
                    r.wholesale.toPlainString(), r.margin.toPlainString(), Long.toString(r.count)};
            for (int column = 0; column < values.length; column++) {
                arrays[column][i] = values[column];
            }
        }
        withStatement(sql, statement -> {
            statement.setTimestamp(1, Timestamp.from(now));
            for (int column = 0; column < arrays.length; column++) {
                statement.setArray(column + 2, statement.getConnection().createArrayOf("text", arrays[column]));
            }
            return statement.executeUpdate();
        });
    }

    /** Adds the batch to the per-source and day counters (the day of receipt, UTC). */
    void addCounters(List<Fate> fates, Instant now) {
        Map<CounterKey, long[]> counters = new HashMap<>();
        for (Fate fate : fates) {
            Incoming incoming = fate.incoming();
            long[] counts = counters.computeIfAbsent(new CounterKey(incoming.source(),
                    Math.floorDiv(incoming.receivedAt().getEpochSecond(), 86_400)), k -> new long[5]);
            counts[0]++;
            counts[fate.rated() != null ? 1 : fate.suspended() != null ? 2 : 3]++;
            if (Boolean.TRUE.equals(fate.conflicting())) {
                counts[4]++;
            }
        }
        if (counters.isEmpty()) {
            return;
        }
        int n = counters.size();
        String[][] arrays = new String[7][n];
        int i = 0;
        for (Map.Entry<CounterKey, long[]> entry : counters.entrySet()) {
            arrays[0][i] = entry.getKey().source();
            arrays[1][i] = LocalDate.ofEpochDay(entry.getKey().epochDay()).toString();
            for (int column = 0; column < 5; column++) {
                arrays[column + 2][i] = Long.toString(entry.getValue()[column]);
            }
            i++;
        }
        withStatement("""
                insert into usage_source_day as d (source, day, received, rated, suspended, duplicates,
                                                   duplicates_conflicting, updated_at)
                select s, k::date, r::bigint, a::bigint, p::bigint, u::bigint, c::bigint, ?
                from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                     as x(s, k, r, a, p, u, c)
                order by s, k
                on conflict (source, day) do update set received = d.received + excluded.received,
                    rated = d.rated + excluded.rated, suspended = d.suspended + excluded.suspended,
                    duplicates = d.duplicates + excluded.duplicates,
                    duplicates_conflicting = d.duplicates_conflicting + excluded.duplicates_conflicting,
                    updated_at = excluded.updated_at""",
                statement -> {
                    statement.setTimestamp(1, Timestamp.from(now));
                    for (int column = 0; column < arrays.length; column++) {
                        statement.setArray(column + 2, statement.getConnection().createArrayOf("text",
                                arrays[column]));
                    }
                    return statement.executeUpdate();
                });
    }

    /**
     * Takes the next sequence numbers (locking the one sequence row until commit, so rated rows become visible in
     * sequence order without gaps) and copies the rated rows. Last in the transaction: the lock is held briefly.
     */
    List<UsageRated> writeRated(List<RatedRow> rated, Instant now) {
        if (rated.isEmpty()) {
            return List.of();
        }
        Map<String, String> customers = customerReferences(rated); // before the lock: it is held until commit
        long last = withStatement("update usage_rated_sequence set last_seq = last_seq + ? where id = 1"
                + " returning last_seq", statement -> {
            statement.setLong(1, rated.size());
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        });
        long first = last - rated.size();
        // streamed: PostgreSQL inserts the first rows while the next ones are being written
        return withConnection(connection -> copyIn(connection, """
                copy usage_rated (seq, rated_id, kind, reversal_of, source, usage_id, subscriber_id, usage_time,
                    usage_offset_secs, usage_type, quantity, unit, billed_quantity, billed_unit, currency, charge,
                    margin, payable_total, owed_total, allocation, parties, partner_ids, product_instance_id,
                    offering_id, offering_version, price_version_id, price_version, agreements, customer_reference,
                    tier_mode, tier_portions, provisional, tier_period, period_start, accumulator_before,
                    accumulator_after, arrival_order, characteristics, received_at, rated_at, kafka_partition,
                    kafka_offset, tax_category, accumulator_subscriber_id) from stdin (format binary)""", copy -> {
            BinaryRows rows = new BinaryRows(copy, RATED_COLUMNS);
            List<UsageRated> events = new ArrayList<>(rated.size());
            long seq = first;
            for (RatedRow row : rated) {
                events.add(appendRated(rows, ++seq, row, customers.get(row.rated().basis().productInstanceId()),
                        now));
            }
            rows.finish();
            return events;
        }));
    }

    /**
     * The customer reference (for billing on behalf) of each product instance rated, from the order read model's
     * copy of the product ({@code ProductDetails.customerId}); the engine does not carry it.
     */
    private Map<String, String> customerReferences(List<RatedRow> rated) {
        String[] products = rated.stream().map(row -> row.rated().basis().productInstanceId()).distinct()
                .toArray(String[]::new);
        return withStatement("select product_id, details->>'customerId' from rating_product"
                + " where product_id = any(?)", statement -> {
            statement.setArray(1, statement.getConnection().createArrayOf("text", products));
            Map<String, String> customers = new HashMap<>();
            try (ResultSet found = statement.executeQuery()) {
                while (found.next()) {
                    customers.put(found.getString(1), found.getString(2));
                }
            }
            return customers;
        });
    }

    /** Appends the row; answers the event it is published as, as RatedEvents would read it back. */
    private UsageRated appendRated(BinaryRows rows, long seq, RatedRow row, String customerReference, Instant now) {
        RatedUsage rated = row.rated();
        UsageRecord usage = rated.usage();
        RatingBasis basis = rated.basis();
        TierUsage tiers = rated.tiers();
        String accumulated = tiers.accumulator().subscriberId();
        // the jsonb columns are written as text directly (JFR: Jackson's writeValueAsString of three small lists per
        // row was 14 % of the pipeline thread's CPU); the shapes are those readers parse (UsageRated.PartyAmount,
        // UsageRated.AgreementVersionRef, tier portions of strings, characteristics of strings)
        StringBuilder parties = new StringBuilder(96 * Math.max(1, rated.parties().size())).append('[');
        List<String> partnerIds = new ArrayList<>(rated.parties().size());
        List<UsageRated.PartyAmount> eventParties = new ArrayList<>(rated.parties().size());
        BigDecimal payable = BigDecimal.ZERO;
        BigDecimal owed = BigDecimal.ZERO;
        for (PartyAmount party : rated.parties()) {
            if (parties.length() > 1) {
                parties.append(',');
            }
            // each number's text once, for the row's JSON and the event
            String sharePercent = party.sharePercent() == null ? null : party.sharePercent().toPlainString();
            String amount = party.amount().amount().toPlainString();
            parties.append("{\"partnerId\":");
            JsonText.string(parties, party.partnerId());
            parties.append(",\"direction\":\"").append(party.direction().name()).append("\",\"sharePercent\":");
            JsonText.string(parties, sharePercent);
            parties.append(",\"amount\":\"").append(amount).append("\"}");
            if (!partnerIds.contains(party.partnerId())) {
                partnerIds.add(party.partnerId());
            }
            eventParties.add(new UsageRated.PartyAmount(party.partnerId(),
                    UsageRated.Direction.valueOf(party.direction().name()), sharePercent, amount));
            if (party.direction() == PartyAmount.Direction.PAYABLE_TO_PARTNER) {
                payable = payable.add(party.amount().amount());
            } else {
                owed = owed.add(party.amount().amount());
            }
        }
        parties.append(']');
        StringBuilder agreements = new StringBuilder(96 * Math.max(1, basis.agreements().size())).append('[');
        for (RatingBasis.AgreementRef agreement : basis.agreements()) {
            if (agreements.length() > 1) {
                agreements.append(',');
            }
            agreements.append("{\"partnerId\":");
            JsonText.string(agreements, agreement.partnerId());
            agreements.append(",\"agreementId\":");
            JsonText.string(agreements, agreement.agreementId());
            agreements.append(",\"version\":").append(agreement.version()).append('}');
        }
        agreements.append(']');
        StringBuilder portions = new StringBuilder(64 * Math.max(1, tiers.portions().size())).append('[');
        for (TierUsage.TierPortion portion : tiers.portions()) {
            if (portions.length() > 1) {
                portions.append(',');
            }
            portions.append("{\"tier\":\"").append(portion.tier()).append("\",\"quantity\":\"")
                    .append(portion.quantity().toPlainString()).append("\",\"rate\":\"")
                    .append(portion.rate().toPlainString()).append("\"}");
        }
        portions.append(']');
        Incoming incoming = row.incoming();
        UUID ratedId = row.ratedId() != null ? row.ratedId() : Ids.next(now);
        rows.int8(seq).uuid(ratedId)
                .text(rated.kind().name()).uuid(row.reversalOf())
                .text(usage.source()).text(usage.usageId()).text(usage.subscriberId())
                .timestamptz(usage.usageTime().toInstant()).int4(usage.usageTime().getOffset().getTotalSeconds())
                .text(usage.usageType()).numeric(usage.quantity()).text(usage.unit().name())
                .numeric(rated.billedQuantity()).text(rated.billedUnit().name()).text(rated.charge().currency())
                .numeric(rated.charge().amount()).numeric(rated.margin().amount()).numeric(payable).numeric(owed)
                .text(rated.allocation().name()).text(parties).textArray(partnerIds)
                .text(basis.productInstanceId()).text(basis.offeringId()).int4(basis.offeringVersion())
                .text(basis.priceVersionId()).int4(basis.priceVersion()).text(agreements)
                .text(customerReference)
                .text(tiers.mode().name()).text(portions).bool(tiers.provisional())
                .text(tiers.accumulator().period().name()).date(tiers.accumulator().periodStart())
                .numeric(tiers.accumulatorBefore()).numeric(tiers.accumulatorAfter()).int8(row.arrivalOrder())
                .text(usage.characteristics().isEmpty() ? null : JsonText.object(usage.characteristics()))
                .timestamptz(incoming.receivedAt()).timestamptz(now)
                .int4(incoming.kafkaPartition()).int8(incoming.kafkaOffset()).text(basis.taxCategory())
                // the canonical subscriber id the accumulator is kept under, when the sender named another identifier
                .text(accumulated.equals(usage.subscriberId()) ? null : accumulated)
                .endRow();
        return new UsageRated(ratedId, seq, rated.kind().name(), now, usage.source(), usage.usageId(),
                usage.subscriberId(), usage.usageTime(), usage.usageType(), rated.billedQuantity().toPlainString(),
                rated.billedUnit().name(), rated.charge().currency(), rated.charge().amount().toPlainString(),
                List.copyOf(eventParties), rated.margin().amount().toPlainString(), rated.allocation().name(),
                basis.productInstanceId(), basis.offeringId(), basis.offeringVersion(), basis.priceVersionId(),
                basis.priceVersion(), basis.agreements().stream().map(a -> new UsageRated.AgreementVersionRef(
                        a.partnerId(), a.agreementId(), a.version())).toList(), row.reversalOf(), customerReference,
                basis.taxCategory());
    }

    /** A per-source and day counter: the UTC day of receipt as days since 1970-01-01. */
    private record CounterKey(String source, long epochDay) {
    }

    static LocalDate day(Instant instant) {
        return LocalDate.ofEpochDay(Math.floorDiv(instant.getEpochSecond(), 86_400));
    }

    private void copy(String sql, CsvRows rows) {
        if (rows.rows() == 0) {
            return;
        }
        withConnection(connection -> copyIn(connection, sql, copy -> {
            rows.sendTo(copy);
            return null;
        }));
    }

    @FunctionalInterface
    private interface CopyWork<T> {
        T run(CopyIn copy) throws SQLException;
    }

    /** A COPY FROM STDIN: ended when {@code work} returns, cancelled (the connection stays usable) when it fails. */
    private static <T> T copyIn(Connection connection, String sql, CopyWork<T> work) throws SQLException {
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
        try {
            T result = work.run(copy);
            copy.endCopy();
            return result;
        } catch (SQLException | RuntimeException failure) {
            if (copy.isActive()) {
                try {
                    copy.cancelCopy();
                } catch (SQLException cancelFailed) {
                    failure.addSuppressed(cancelFailed);
                }
            }
            throw failure;
        }
    }

    @FunctionalInterface
    interface SqlWork<T> {
        T run(PreparedStatement statement) throws SQLException;
    }

    @FunctionalInterface
    interface ConnectionWork<T> {
        T run(Connection connection) throws SQLException, java.io.IOException;
    }

    private <T> T withStatement(String sql, SqlWork<T> work) {
        return withConnection(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                return work.run(statement);
            }
        });
    }

    /** On the transaction's connection; SQL errors surface as Spring's exceptions so callers can tell retryable ones. */
    <T> T withConnection(ConnectionWork<T> work) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            return work.run(connection);
        } catch (SQLException failure) {
            throw Sql.translate(failure);
        } catch (java.io.IOException failure) {
            throw new java.io.UncheckedIOException(failure);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** One rollup row being summed up in memory. */
    private static final class Rollup {
        final String partner;
        final String offering;
        final String usageType;
        final String unit;
        final String currency;
        final String bucket;
        BigDecimal quantity = BigDecimal.ZERO;
        BigDecimal charge = BigDecimal.ZERO;
        BigDecimal share = BigDecimal.ZERO;
        BigDecimal wholesale = BigDecimal.ZERO;
        BigDecimal margin = BigDecimal.ZERO;
        long count;

        Rollup(RollupKey key, String bucket) {
            this.partner = key.partner();
            this.offering = key.offering();
            this.usageType = key.usageType();
            this.unit = key.unit();
            this.currency = key.currency();
            this.bucket = bucket;
        }

        void add(Rollup other) {
            quantity = quantity.add(other.quantity);
            charge = charge.add(other.charge);
            margin = margin.add(other.margin);
            share = share.add(other.share);
            wholesale = wholesale.add(other.wholesale);
            count += other.count;
        }

        void add(RatedUsage usage, BigDecimal share, BigDecimal wholesale) {
            quantity = quantity.add(usage.billedQuantity());
            charge = charge.add(usage.charge().amount());
            margin = margin.add(usage.margin().amount());
            this.share = this.share.add(share);
            this.wholesale = this.wholesale.add(wholesale);
            // a reversal takes its record out of the count again: a re-rated record is still one record
            count += usage.kind() == RatedUsage.Kind.REVERSAL ? -1 : 1;
        }
    }
}
