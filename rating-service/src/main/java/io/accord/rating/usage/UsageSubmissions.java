package io.accord.rating.usage;

import io.accord.platform.persistence.DatabaseRefusals;
import io.accord.platform.persistence.PagedQuery;
import io.accord.platform.problem.FailureKind;
import io.accord.contracts.usage.UsageReported;
import io.accord.contracts.value.PartnerId;
import io.accord.platform.problem.InvalidInputException;
import io.accord.platform.security.Tenancy;
import io.accord.contracts.usage.UsageRated;
import io.accord.rating.engine.RatingEngine;
import io.accord.rating.engine.UsageWindow;
import io.accord.rating.engine.UsageRecord;
import io.accord.rating.ingest.UsageLedger;
import io.accord.rating.model.RatingModel;
import io.accord.rating.visibility.PartnerView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Usage submitted over REST (TMF635 single and batch): each record is read and checked, then they go through
 * {@link UsageLedger} in one transaction, exactly like a Kafka batch: same duplicate index, same accumulators, rollups
 * and per-source/day counters; one that cannot be read is answered INVALID and, as an unreadable Kafka record, kept in
 * suspense as INVALID and counted (without claiming its usage id). A partner submits usage only as a
 * source it owns: its own partner id; staff may name any source.
 */
class UsageSubmissions {

    static final int MAX_BATCH = 10_000;
    private static final int ATTEMPTS = 3;
    /** At most this many rolled-back writes to find the records the database refuses in a failed batch. */
    private static final int MAX_PROBES = 256;
    private static final Logger log = LoggerFactory.getLogger(UsageSubmissions.class);
    private static final TypeReference<List<UsageRated.PartyAmount>> PARTIES = new TypeReference<>() { };

    private final UsageLedger ledger;
    private final RatingModel model;
    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batchJdbc;
    private final JsonMapper json;
    private final Tenancy tenancy;
    private final Clock clock;
    private final UsageWindow window;
    private final ResentUsage resent;

    UsageSubmissions(UsageLedger ledger, RatingModel model, TransactionTemplate transactions, JdbcClient jdbc,
                     NamedParameterJdbcTemplate batchJdbc, JsonMapper json, Tenancy tenancy, Clock clock,
                     UsageWindow window, ResentUsage resent) {
        this.resent = resent;
        this.batchJdbc = batchJdbc;
        this.ledger = ledger;
        this.model = model;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.json = json;
        this.tenancy = tenancy;
        this.clock = clock;
        this.window = window;
    }

    enum Outcome { RATED, SUSPENDED, DUPLICATE, INVALID }

    /**
     * One record's result: its submission id when rated or suspended, the reason, or the invalid field; the source
     * and usage id as read (an invalid record's usage id when it could be read, its source only when it was refused
     * for it).
     */
    record Result(int index, Outcome outcome, UUID id, String source, String usageId, String reason, String detail,
                  String field, Original original) {

        Result(int index, Outcome outcome, UUID id, String source, String usageId, String reason, String detail,
               String field) {
            this(index, outcome, id, source, usageId, reason, detail, field, null);
        }
    }

    /**
     * What a record's earlier copy came to: for a DUPLICATE, the earlier copy's outcome ({@code rated},
     * {@code suspended}, {@code writtenOff}, {@code received} when nothing more is known) and, when it is in the same
     * request, its index; for a record that replaced a suspended copy, {@code replaced}.
     */
    record Original(String outcome, Integer index) {
    }

    /** Submits the records (in their order); never fails because of one record. */
    List<Result> submit(List<JsonNode> bodies) {
        String own = ownSource();
        return submitRead(bodies.stream().map(body -> TmfUsageInput.read(body, own)).toList());
    }

    /** The caller's own source (its partner id), {@code null} for staff; a caller of neither kind is refused. */
    String ownSource() {
        Optional<PartnerId> partner = tenancy.isStaff() ? Optional.empty() : tenancy.partnerId();
        if (!tenancy.isStaff() && partner.isEmpty()) {
            throw new InvalidInputException("source", "the caller belongs to no partner and is no staff member");
        }
        return partner.map(PartnerId::toString).orElse(null);
    }

    /**
     * Who submits: the source its records must name ({@code null}: any, staff), the owner its submissions are kept
     * under (a partner id, {@code ""} for staff) and the actor recorded with them; {@code channel} is the input its
     * records come through (REST, or a file job's).
     */
    record Submitter(String ownSource, String owner, String actor, UsageLedger.Channel channel) {

        /** A submitter over the TMF635 API. */
        Submitter(String ownSource, String owner, String actor) {
            this(ownSource, owner, actor, UsageLedger.Channel.REST);
        }
    }

    /** The caller of the current request as a submitter. */
    Submitter caller() {
        String own = ownSource();
        return new Submitter(own, own == null ? "" : own, tenancy.actor());
    }

    /** Submits records already read (in their order) through the ledger in one transaction, as the caller. */
    List<Result> submitRead(List<TmfUsageInput.Read> reads) {
        return submitRead(reads, caller(), null);
    }

    /**
     * Submits records already read (in their order) through the ledger in one transaction, as {@code submitter};
     * {@code alsoInTransaction} (when given) receives the results inside that same transaction, which it then
     * always is, even when no record could be read, so that its own writes commit or roll back with the records.
     */
    List<Result> submitRead(List<TmfUsageInput.Read> reads, Submitter submitter,
                            Consumer<List<Result>> alsoInTransaction) {
        String own = submitter.ownSource();
        Result[] results = new Result[reads.size()];
        List<Integer> indexes = new ArrayList<>();
        List<UsageLedger.Incoming> batch = new ArrayList<>();
        Instant now = clock.instant();
        for (int i = 0; i < reads.size(); i++) {
            TmfUsageInput.Read read = reads.get(i);
            if (read.record() == null) {
                UsageLedger.Incoming unreadable = unreadable(read, own, now);
                // counted as unreadable Kafka records are: in suspense as INVALID, which the file's error rows name
                results[i] = new Result(i, Outcome.INVALID, null, null, read.usageId(),
                        unreadable != null ? "INVALID" : null, read.problem(), read.field());
                if (unreadable != null) {
                    indexes.add(i);
                    batch.add(unreadable);
                }
                continue;
            }
            UsageRecord record = read.record();
            if (own != null && !own.equals(record.source())) {
                results[i] = new Result(i, Outcome.INVALID, null, record.source(), record.usageId(), null,
                        "a partner submits usage only as its own source, its partner id " + own,
                        "usageCharacteristic.source");
                continue;
            }
            if (own == null && UsageRecord.partnerSource(record.source())) {
                // a partner's id space: staff taking a usage id there made the partner's own record a duplicate
                results[i] = new Result(i, Outcome.INVALID, null, record.source(), record.usageId(), null,
                        "source " + record.source() + " is shaped as a partner id (a UUID): only that partner"
                                + " submits usage as it; staff name their feed (e.g. mediation-eu)",
                        "usageCharacteristic.source");
                continue;
            }
            UsageReported payload = new UsageReported(record.usageId(), record.source(), record.usageType(),
                    record.subscriberId(), record.usageTime(), record.quantity().toPlainString(), record.unit().name(),
                    record.characteristics(), record.productInstanceId(), record.offeringId());
            indexes.add(i);
            batch.add(new UsageLedger.Incoming(record, null, json.writeValueAsBytes(payload), now, null, null)
                    .through(submitter.channel()));
        }
        if (batch.isEmpty() && alsoInTransaction == null) {
            return List.of(results);
        }
        try {
            return writeAll(results, indexes, batch, submitter, now, alsoInTransaction);
        } catch (RuntimeException failure) {
            if (batch.isEmpty() || !refused(failure)) {
                throw failure;
            }
            // a record the database refuses although it passed every check (a column's limit, say) would fail its
            // batch, and the batch again on the client's retry: find such records, keep them aside as INVALID
            // suspense (counted, visible, recyclable once the cause is fixed), and write the others
            Map<Integer, RuntimeException> aside = refusedAlone(batch, submitter, now, failure);
            if (aside.isEmpty()) {
                throw failure;
            }
            List<UsageLedger.Incoming> kept = new ArrayList<>(batch);
            aside.forEach((position, refusal) -> kept.set(position, setAside(batch.get(position), refusal)));
            return writeAll(results, indexes, kept, submitter, now, alsoInTransaction);
        }
    }

    /**
     * A record that could not be read, as the ledger takes it: suspended as INVALID and counted, as an unreadable
     * Kafka record is, under the source it names ({@link UsageLedger#UNKNOWN_SOURCE} when that cannot be read), a
     * partner's always under its own; {@code null} (not counted) when it names a source its sender may not submit as
     * (another partner's, or for staff one shaped as a partner id): counting it there would put another party's
     * counts and suspense in the way (docs/rating-usage-api.md, "What is counted").
     */
    private static UsageLedger.Incoming unreadable(TmfUsageInput.Read read, String own, Instant now) {
        String named = read.source();
        String source;
        if (own != null) {
            if (named != null && !named.equals(own)) {
                return null;
            }
            source = own;
        } else if (named != null && UsageRecord.partnerSource(named)) {
            return null;
        } else {
            source = named != null ? named : UsageLedger.UNKNOWN_SOURCE;
        }
        String detail = (read.usageId() == null ? "" : "usage " + read.usageId() + ": ") + read.problem()
                + (read.field() == null || read.field().isEmpty() ? "" : " (" + read.field() + ")");
        // a file's column names and the field paths shown back are the sender's text: kept storable
        return UsageLedger.Incoming.unreadable(source, read.usageId(),
                io.accord.platform.persistence.StorableText.of(detail),
                read.text() == null ? "" : read.text(), now);
    }

    /**
     * Writes the batch and the results of the records that were not written (unreadable ones) in one transaction,
     * trying it again after a conflict with a concurrent writer; a value the database refuses is not tried again.
     */
    private List<Result> writeAll(Result[] results, List<Integer> indexes, List<UsageLedger.Incoming> batch,
                                  Submitter submitter, Instant now, Consumer<List<Result>> alsoInTransaction) {
        RuntimeException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                return transactions.execute(status -> {
                    Result[] all = results.clone();
                    List<Result> written = batch.isEmpty() ? List.of() : write(batch, submitter, now);
                    for (int j = 0; j < written.size(); j++) {
                        Result result = written.get(j);
                        if (result == null) {
                            continue; // an unreadable record, answered INVALID already
                        }
                        int index = indexes.get(j);
                        Original original = result.original();
                        if (original != null && original.index() != null) {
                            // the position in the ledger's batch, as the request's index
                            original = new Original(original.outcome(), indexes.get(original.index()));
                        }
                        all[index] = new Result(index, result.outcome(), result.id(), result.source(),
                                result.usageId(), result.reason(), result.detail(), null, original);
                    }
                    List<Result> answer = List.of(all);
                    if (alsoInTransaction != null) {
                        alsoInTransaction.accept(answer);
                    }
                    return answer;
                });
            } catch (org.springframework.dao.DataAccessException | IllegalStateException conflict) {
                last = conflict;
                if (refused(conflict)) {
                    break;
                }
            }
        }
        throw last;
    }

    /**
     * Whether the database refused a value or row of the batch; a unique key taken is not counted: that is a
     * concurrent request's insert, which the retry meets.
     */
    private static boolean refused(RuntimeException failure) {
        return DatabaseRefusals.isRefusal(failure) && !"23505".equals(DatabaseRefusals.sqlState(failure));
    }

    /**
     * The records of the batch (by position) that the database refuses alone, with its refusal, found by writing
     * halves of the failed batch, then halves of a half that fails, each in a transaction rolled back at once
     * (nothing is kept and nothing published); none when the batch fails only as a whole or takes more than
     * {@link #MAX_PROBES} of those.
     */
    private Map<Integer, RuntimeException> refusedAlone(List<UsageLedger.Incoming> batch, Submitter submitter,
                                                        Instant now, RuntimeException failure) {
        Map<Integer, RuntimeException> refused = new TreeMap<>();
        int[] probes = {0};
        return isolate(batch, 0, batch.size(), failure, submitter, now, refused, probes) ? refused : Map.of();
    }

    private boolean isolate(List<UsageLedger.Incoming> batch, int from, int to, RuntimeException failure,
                            Submitter submitter, Instant now, Map<Integer, RuntimeException> refused, int[] probes) {
        if (to - from == 1) {
            refused.put(from, failure);
            return true;
        }
        int middle = (from + to) >>> 1;
        for (int[] half : new int[][]{{from, middle}, {middle, to}}) {
            if (++probes[0] > MAX_PROBES) {
                return false;
            }
            RuntimeException halfFailure = probe(batch.subList(half[0], half[1]), submitter, now);
            if (halfFailure != null
                    && !isolate(batch, half[0], half[1], halfFailure, submitter, now, refused, probes)) {
                return false;
            }
        }
        return true;
    }

    /** The database's refusal of the part, written in a transaction that is rolled back; {@code null}: none. */
    private RuntimeException probe(List<UsageLedger.Incoming> part, Submitter submitter, Instant now) {
        try {
            transactions.executeWithoutResult(status -> {
                status.setRollbackOnly();
                write(part, submitter, now);
            });
            return null;
        } catch (RuntimeException failure) {
            if (refused(failure)) {
                return failure;
            }
            throw failure;
        }
    }

    /**
     * A record the database refused, as suspended: only its source and usage id are kept as read (any other field
     * may be what the database refused), with its payload, so that ops can recycle it once the cause is fixed.
     */
    private static UsageLedger.Incoming setAside(UsageLedger.Incoming incoming, RuntimeException refusal) {
        UsageRecord usage = incoming.usage();
        log.warn("Usage {} of source {} refused by the database although it passed every check; suspended as "
                + "INVALID", usage.usageId(), usage.source(), refusal);
        UsageRecord identity = new UsageRecord(usage.source(), usage.usageId(), null, null, null, null, null, null,
                null, null);
        return new UsageLedger.Incoming(identity, "the database refused the record (" + FailureKind.of(refusal)
                + "; details in the rating service's log under this usage id)", incoming.payload(),
                incoming.receivedAt(), null, null).through(incoming.channel());
    }

    /**
     * Rates and writes the batch in the current transaction: a corrected copy of a record held in suspense replaces
     * it first ({@link ResentUsage}), a duplicate is answered with what became of its earlier copy.
     */
    private List<Result> write(List<UsageLedger.Incoming> batch, Submitter submitter, Instant now) {
        RatingEngine engine = window.engine(model.snapshot(), clock);
        Map<Integer, ResentUsage.Replacement> replaced = resent.replaceSuspended(batch, submitter.actor(), now);
        UsageLedger.Result result = ledger.record(batch, engine);
        List<Integer> duplicates = new ArrayList<>();
        for (int j = 0; j < result.fates().size(); j++) {
            UsageLedger.Fate fate = result.fates().get(j);
            if (fate.duplicate() && fate.incoming().usage().usageId() != null) {
                duplicates.add(j);
            }
        }
        Map<Integer, ResentUsage.Earlier> earlier = duplicates.isEmpty() ? Map.of()
                : resent.earlier(batch, duplicates);
        List<Result> out = new ArrayList<>(batch.size());
        List<MapSqlParameterSource> rows = new ArrayList<>(batch.size());
        List<MapSqlParameterSource> replacing = new ArrayList<>();
        java.sql.Timestamp at = java.sql.Timestamp.from(now);
        for (int j = 0; j < result.fates().size(); j++) {
            UsageLedger.Fate fate = result.fates().get(j);
            UsageRecord usage = fate.incoming().usage();
            if (usage.usageId() == null) {
                // a record that could not be read (every other has its usage id): no submission, its sender was
                // answered INVALID
                out.add(null);
                continue;
            }
            if (fate.duplicate()) {
                ResentUsage.Earlier before = earlier.get(j);
                out.add(new Result(-1, Outcome.DUPLICATE, before.submission(), usage.source(), usage.usageId(), null,
                        before.detail(), null, before.original()));
                continue;
            }
            ResentUsage.Replacement replacement = replaced.get(j);
            // the replaced copy's submission becomes this one's: one submission per usage id, its href kept
            UUID id = replacement != null && replacement.submission() != null ? replacement.submission()
                    : UUID.randomUUID();
            boolean rated = fate.rated() != null;
            String reason = rated ? null : fate.suspended().reason().name();
            String detail = rated ? null : fate.suspended().detail();
            MapSqlParameterSource row = new MapSqlParameterSource().addValue("id", id)
                    .addValue("source", usage.source())
                    .addValue("usageId", usage.usageId()).addValue("owner", submitter.owner())
                    .addValue("by", submitter.actor()).addValue("at", at)
                    .addValue("outcome", rated ? "RATED" : "SUSPENDED").addValue("reason", reason)
                    .addValue("detail", detail)
                    .addValue("usage", new String(fate.incoming().payload(), java.nio.charset.StandardCharsets.UTF_8));
            (replacement != null && replacement.submission() != null ? replacing : rows).add(row);
            out.add(new Result(-1, rated ? Outcome.RATED : Outcome.SUSPENDED, id, usage.source(),
                    usage.usageId(), reason, detail, null,
                    replacement != null ? new Original("replaced", null) : null));
        }
        if (!rows.isEmpty()) {
            // one JDBC batch, not a round trip per record: a file chunk is a thousand of them
            batchJdbc.batchUpdate("""
                            insert into usage_submission (id, source, usage_id, owner, submitted_by,
                                submitted_at, outcome, reason, detail, usage)
                            values (:id, :source, :usageId, :owner, :by, :at, :outcome, :reason, :detail,
                                cast(:usage as jsonb))""", rows.toArray(MapSqlParameterSource[]::new));
        }
        if (!replacing.isEmpty()) {
            batchJdbc.batchUpdate("""
                            update usage_submission set owner = :owner, submitted_by = :by, submitted_at = :at,
                                outcome = :outcome, reason = :reason, detail = :detail, usage = cast(:usage as jsonb)
                            where id = :id""", replacing.toArray(MapSqlParameterSource[]::new));
        }
        return out;
    }

    /** A submitted usage as stored, with what became of it since (rated amounts, suspense status). */
    record Stored(UUID id, String source, String usageId, String owner, Instant submittedAt, String outcome,
                  String reason, String detail, JsonNode usage, List<Rating> ratings, String suspenseStatus) {
    }

    /** A rating of it; {@code charge} {@code null} when the caller does not see it ({@link PartnerView}). */
    record Rating(String ratedId, String kind, String charge, String currency, String productInstanceId,
                  String offeringId, Instant ratedAt) {
    }

    Optional<Stored> find(UUID id) {
        return jdbc.sql(SELECT + " where id = :id and (:owner = '*' or owner = :owner)")
                .param("id", id).param("owner", visibleOwner())
                .query((rs, n) -> stored(rs)).optional().map(this::withFate);
    }

    /**
     * The TMF635 list's database filters: a submission is listed when each non-empty list holds its value (the
     * TMF {@code status}, as {@link UsageController#tmf} derives it; the latest suspense status).
     */
    record Filters(List<UUID> ids, List<String> statuses, List<String> usageTypes, List<TimeSpan> usageDates,
                   TimeSpan usageDateRange, List<String> suspenseReasons, List<String> suspenseStatuses,
                   List<String> sources, List<String> usageIds, List<String> subscriberIds) {
        static final Filters NONE = new Filters(List.of(), List.of(), List.of(), List.of(), null, List.of(),
                List.of(), List.of(), List.of(), List.of());
    }

    /** Usage times {@code [from, to)}: an instant as a microsecond, a date as its UTC day. */
    record TimeSpan(Instant from, Instant to) {
    }

    /** {@code status} as SQL on a submission {@code s}, the same rules as {@link UsageController#tmf}. */
    private static final String RATED = """
            exists (select 1 from usage_rated r where r.source = s.source and r.usage_id = s.usage_id)""";
    private static final String RERATED = """
            exists (select 1 from usage_rated r where r.source = s.source and r.usage_id = s.usage_id
                    and r.kind = 'RERATED')""";
    private static final Map<String, String> STATUSES = Map.of(
            "rerated", RERATED,
            "rated", RATED + " and not " + RERATED,
            "rejected", "not " + RATED);

    org.springframework.data.domain.Page<Stored> list(Filters filters, org.springframework.data.domain.Pageable page) {
        StringBuilder where = new StringBuilder("usage_submission s where (:owner = '*' or s.owner = :owner)");
        Map<String, Object> values = new java.util.HashMap<>();
        values.put("owner", visibleOwner());
        condition(where, values, "ids", filters.ids(), "s.id in (:ids)");
        condition(where, values, "usageTypes", filters.usageTypes(), "s.usage ->> 'usageType' in (:usageTypes)");
        if (!filters.usageDates().isEmpty()) {
            // as instants: the text a record was sent with (its own offset) is not what a client asks with
            List<String> spans = new ArrayList<>();
            for (int i = 0; i < filters.usageDates().size(); i++) {
                TimeSpan span = filters.usageDates().get(i);
                spans.add("(cast(s.usage ->> 'startTime' as timestamptz) >= :dateFrom" + i
                        + " and cast(s.usage ->> 'startTime' as timestamptz) < :dateTo" + i + ")");
                values.put("dateFrom" + i, java.sql.Timestamp.from(span.from()));
                values.put("dateTo" + i, java.sql.Timestamp.from(span.to()));
            }
            where.append(" and (").append(String.join(" or ", spans)).append(")");
        }
        if (filters.usageDateRange() != null) {
            where.append(" and cast(s.usage ->> 'startTime' as timestamptz) >= :rangeFrom"
                    + " and cast(s.usage ->> 'startTime' as timestamptz) < :rangeTo");
            values.put("rangeFrom", java.sql.Timestamp.from(filters.usageDateRange().from()));
            values.put("rangeTo", java.sql.Timestamp.from(filters.usageDateRange().to()));
        }
        condition(where, values, "sources", filters.sources(), "s.source in (:sources)");
        if (!filters.usageIds().isEmpty() && !tenancy.isStaff()) {
            // a partner's submissions are all under its own source: the (source, usage_id) index finds them
            where.append(" and s.source = :owner");
        }
        condition(where, values, "usageIds", filters.usageIds(), "s.usage_id in (:usageIds)");
        condition(where, values, "subscriberIds", filters.subscriberIds(),
                "s.usage ->> 'subscriberId' in (:subscriberIds)");
        condition(where, values, "reasons", filters.suspenseReasons(), "s.reason in (:reasons)");
        condition(where, values, "suspenseStatuses", filters.suspenseStatuses(), """
                (select u.status from usage_suspense u where u.source = s.source and u.usage_id = s.usage_id
                   and u.status <> 'REPLACED'
                 order by u.suspended_at desc limit 1) in (:suspenseStatuses)""");
        if (!filters.statuses().isEmpty()) {
            where.append(" and (").append(String.join(" or ", filters.statuses().stream().distinct()
                    .map(status -> "(" + STATUSES.get(status) + ")").toList())).append(")");
        }
        return PagedQuery.from(jdbc, where.toString()).params(values).select(COLUMNS)
                .orderBy("submitted_at desc, id").page(page, (rs, n) -> stored(rs)).map(this::withFate);
    }

    /** The TMF {@code status} values a submission can have, for the list's filter. */
    static java.util.Set<String> statuses() {
        return new java.util.TreeSet<>(STATUSES.keySet());
    }

    private static void condition(StringBuilder where, Map<String, Object> values, String name, List<?> accepted,
                                  String condition) {
        if (!accepted.isEmpty()) {
            where.append(" and ").append(condition);
            values.put(name, accepted);
        }
    }

    /** Whether the caller's list spans every source (staff); a partner's spans its own. */
    boolean listsEverySource() {
        return tenancy.isStaff();
    }

    /** Staff see every submission ({@code *}); a partner its own; anyone else none. */
    private String visibleOwner() {
        if (tenancy.isStaff()) {
            return "*";
        }
        return tenancy.partnerId().map(PartnerId::toString).orElse("\u0000none");
    }

    private static final String COLUMNS = """
            id, source, usage_id, owner, submitted_at, outcome, reason, detail, usage::text as usage""";
    private static final String SELECT = "select " + COLUMNS + " from usage_submission";

    private Stored stored(ResultSet rs) throws SQLException {
        return new Stored(rs.getObject("id", UUID.class), rs.getString("source"), rs.getString("usage_id"),
                rs.getString("owner"), rs.getTimestamp("submitted_at").toInstant(), rs.getString("outcome"),
                rs.getString("reason"), rs.getString("detail"), json.readTree(rs.getString("usage")), List.of(),
                null);
    }

    private Stored withFate(Stored stored) {
        PartnerView view = PartnerView.of(tenancy);
        List<Rating> ratings = jdbc.sql("""
                        select rated_id, kind, charge, currency, product_instance_id, offering_id, rated_at,
                               allocation, parties
                        from usage_rated where source = :source and usage_id = :usageId order by seq""")
                .param("source", stored.source()).param("usageId", stored.usageId())
                .query((rs, n) -> new Rating(rs.getString("rated_id"), rs.getString("kind"),
                        view.seesCharge(stored.source(), rs.getString("allocation"),
                                json.readValue(rs.getString("parties"), PARTIES))
                                ? rs.getBigDecimal("charge").toPlainString() : null, rs.getString("currency"),
                        rs.getString("product_instance_id"), rs.getString("offering_id"),
                        rs.getTimestamp("rated_at").toInstant())).list();
        String suspense = jdbc.sql("""
                        select status from usage_suspense where source = :source and usage_id = :usageId
                          and status <> 'REPLACED'
                        order by suspended_at desc limit 1""")
                .param("source", stored.source()).param("usageId", stored.usageId())
                .query(String.class).optional().orElse(null);
        return new Stored(stored.id(), stored.source(), stored.usageId(), stored.owner(), stored.submittedAt(),
                stored.outcome(), stored.reason(), stored.detail(), stored.usage(), ratings, suspense);
    }
}
