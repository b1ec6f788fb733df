package io.accord.rating.suspense;

import io.accord.contracts.value.PartnerId;
import io.accord.platform.persistence.PagedQuery;
import io.accord.platform.persistence.StorableText;
import io.accord.platform.audit.AuditTrail;
import io.accord.platform.problem.InvalidInputException;
import io.accord.platform.security.Tenancy;
import io.accord.rating.engine.UsageRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Ops on usage in suspense (issue 10, "Suspense"), staff only: list and aggregate it, write records off with a
 * reason. A write-off moves the record's count from {@code suspended} to {@code written_off} in
 * {@code usage_source_day} (its source and received day), so reconciliation stays balanced; each is audited.
 */
class SuspenseOps {

    static final Set<String> REASONS = Set.of("NO_PRODUCT_INSTANCE", "NO_PRICE", "NO_AGREEMENT", "AMBIGUOUS_PRODUCT",
            "INVALID", "TOO_OLD");
    static final Set<String> STATUSES = Set.of("OPEN", "RECYCLED", "WRITTEN_OFF", "REPLACED");
    static final int MAX_SELECTION = 10_000;
    /** As long as a usage record's identifiers may be (a longer one is INVALID at every input). */
    static final int MAX_IDENTIFIER = 200;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final AuditTrail audit;
    private final Tenancy tenancy;
    private final Clock clock;

    SuspenseOps(JdbcClient jdbc, TransactionTemplate transactions, AuditTrail audit, Tenancy tenancy, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.audit = audit;
        this.tenancy = tenancy;
        this.clock = clock;
    }

    /**
     * Which suspense records: every given criterion must hold. {@code subscriber} is the subscriber identifier as the
     * record named it (exactly), {@code offering} the offering it concerns ({@code usage_suspense.offering_id}).
     */
    record Filter(String status, String reason, String source, String subscriber, String offering, Instant from,
                  Instant to) {
        Filter {
            if (status != null && !STATUSES.contains(status)) {
                throw new InvalidInputException("status", "status must be one of " + STATUSES.stream().sorted().toList());
            }
            if (reason != null && !REASONS.contains(reason)) {
                throw new InvalidInputException("reason", "reason must be one of " + REASONS.stream().sorted().toList());
            }
            identifier("source", source);
            identifier("subscriber", subscriber);
            identifier("offering", offering);
            if (from != null && to != null && to.isBefore(from)) {
                throw new InvalidInputException("to", "to is before from");
            }
        }

        /** The same criteria over OPEN records (what a recycle or write-off selects). */
        Filter open() {
            return new Filter("OPEN", reason, source, subscriber, offering, from, to);
        }

        /** A value no record can have (longer than an identifier may be, a NUL character) is a 400 naming it. */
        private static void identifier(String parameter, String value) {
            if (value != null && (value.length() > MAX_IDENTIFIER || !StorableText.storable(value))) {
                throw new InvalidInputException(parameter, parameter + " must be an identifier of at most "
                        + MAX_IDENTIFIER + " characters without NUL characters or unpaired surrogates");
            }
        }

        String where() {
            // the subscriber and offering conditions only when given, so that their partial indexes serve them
            return " where (cast(:status as text) is null or status = :status)"
                    + " and (cast(:reason as text) is null or reason = :reason)"
                    + " and (cast(:source as text) is null or source = :source)"
                    + (subscriber == null ? "" : " and subscriber_id = :subscriber")
                    + (offering == null ? "" : " and offering_id = :offering")
                    + " and (cast(:from as timestamptz) is null or suspended_at >= :from)"
                    + " and (cast(:to as timestamptz) is null or suspended_at < :to)";
        }

        JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec) {
            return spec.param("status", status).param("reason", reason).param("source", source)
                    .param("subscriber", subscriber).param("offering", offering)
                    .param("from", from == null ? null : Timestamp.from(from))
                    .param("to", to == null ? null : Timestamp.from(to));
        }
    }

    record Item(UUID suspenseId, String source, String usageId, String subscriberId, String offeringId,
                String usageType, Instant usageTime, String reason, String detail, String status, Instant receivedAt,
                Instant suspendedAt, Instant resolvedAt, String resolvedBy, String resolution) {
    }

    org.springframework.data.domain.Page<Item> list(Filter filter, org.springframework.data.domain.Pageable page) {
        return PagedQuery.from(jdbc, "usage_suspense" + filter.where()).bind(filter::bind)
                .select("""
                        suspense_id, source, usage_id, subscriber_id, offering_id, usage_type, usage_time, reason,
                        detail,
                        status, received_at, suspended_at, resolved_at, resolved_by, resolution""")
                .orderBy("suspended_at, suspense_id")
                .page(page, (rs, n) -> new Item(rs.getObject("suspense_id", UUID.class), rs.getString("source"),
                        rs.getString("usage_id"), rs.getString("subscriber_id"), rs.getString("offering_id"),
                        rs.getString("usage_type"),
                        instant(rs.getTimestamp("usage_time")), rs.getString("reason"), rs.getString("detail"),
                        rs.getString("status"), instant(rs.getTimestamp("received_at")),
                        instant(rs.getTimestamp("suspended_at")), instant(rs.getTimestamp("resolved_at")),
                        rs.getString("resolved_by"), rs.getString("resolution")));
    }

    record Count(String key, long count) {
    }

    record Summary(long total, List<Count> byReason, List<Count> bySource, List<Count> byAge) {
    }

    /** Counts by reason, by source (a partner's submissions carry its partner id as source) and by age. */
    Summary summary(Filter filter) {
        List<Count> byReason = group(filter, "reason");
        List<Count> bySource = group(filter, "source");
        Instant now = clock.instant();
        Map<String, Object> ages = filter.bind(jdbc.sql("""
                        select count(*) filter (where suspended_at > cast(:now as timestamptz) - interval '1 hour') as h1,
                               count(*) filter (where suspended_at <= cast(:now as timestamptz) - interval '1 hour'
                                   and suspended_at > cast(:now as timestamptz) - interval '1 day') as d1,
                               count(*) filter (where suspended_at <= cast(:now as timestamptz) - interval '1 day'
                                   and suspended_at > cast(:now as timestamptz) - interval '7 days') as d7,
                               count(*) filter (where suspended_at <= cast(:now as timestamptz) - interval '7 days') as old
                        from usage_suspense""" + filter.where()))
                .param("now", Timestamp.from(now)).query().singleRow();
        List<Count> byAge = List.of(new Count("<1h", ((Number) ages.get("h1")).longValue()),
                new Count("1h-1d", ((Number) ages.get("d1")).longValue()),
                new Count("1d-7d", ((Number) ages.get("d7")).longValue()),
                new Count(">7d", ((Number) ages.get("old")).longValue()));
        return new Summary(byReason.stream().mapToLong(Count::count).sum(), byReason, bySource, byAge);
    }

    private List<Count> group(Filter filter, String column) {
        return filter.bind(jdbc.sql("select " + column + " as k, count(*) as n from usage_suspense" + filter.where()
                        + " group by " + column + " order by n desc, k"))
                .query((rs, n) -> new Count(rs.getString("k"), rs.getLong("n"))).list();
    }

    record WriteOffResult(int writtenOff, List<UUID> notOpen) {
    }

    /**
     * Writes off the OPEN records among {@code ids} (or, when {@code ids} is null, the OPEN records of the filter),
     * locking them so that a record is resolved once whatever runs concurrently.
     */
    WriteOffResult writeOff(List<UUID> ids, Filter filter, String resolution) {
        if (resolution == null || resolution.isBlank()) {
            throw new InvalidInputException("reason", "a write-off needs a reason");
        }
        if (resolution.length() > 500) {
            throw new InvalidInputException("reason", "the reason is longer than 500 characters");
        }
        if (ids != null && ids.size() > MAX_SELECTION) {
            throw new InvalidInputException("ids", "at most " + MAX_SELECTION + " ids at a time");
        }
        return transactions.execute(status -> {
            List<Map<String, Object>> rows;
            if (ids != null) {
                rows = jdbc.sql("""
                                select suspense_id, source, usage_id, received_day, status from usage_suspense
                                where suspense_id = any(:ids) order by suspense_id for update""")
                        .param("ids", ids.toArray(UUID[]::new)).query().listOfRows();
            } else {
                Filter open = filter.open();
                rows = open.bind(jdbc.sql("select suspense_id, source, usage_id, received_day, status from usage_suspense"
                                + open.where() + " order by suspense_id limit " + MAX_SELECTION + " for update"))
                        .query().listOfRows();
            }
            Instant now = clock.instant();
            List<UUID> notOpen = new ArrayList<>();
            Map<List<Object>, Integer> perDay = new LinkedHashMap<>();
            int done = 0;
            for (Map<String, Object> row : rows) {
                UUID id = (UUID) row.get("suspense_id");
                if (!"OPEN".equals(row.get("status"))) {
                    notOpen.add(id);
                    continue;
                }
                jdbc.sql("""
                                update usage_suspense set status = 'WRITTEN_OFF', resolved_at = :now, resolved_by = :by,
                                       resolution = :resolution where suspense_id = :id""")
                        .param("now", Timestamp.from(now)).param("by", tenancy.actor())
                        .param("resolution", resolution).param("id", id).update();
                perDay.merge(List.of(row.get("source"), row.get("received_day")), 1, Integer::sum);
                audit.record(partnerOf((String) row.get("source")), "UsageSuspense", id.toString(), "WRITE_OFF",
                        Map.of("status", "OPEN"), auditedState(row, "WRITTEN_OFF", "resolution", resolution));
                done++;
            }
            if (ids != null) {
                Set<UUID> found = new java.util.HashSet<>();
                rows.forEach(row -> found.add((UUID) row.get("suspense_id")));
                ids.stream().filter(id -> !found.contains(id)).forEach(notOpen::add);
            }
            perDay.entrySet().stream()
                    .sorted(java.util.Comparator.comparing(entry -> entry.getKey().toString()))
                    .forEach(entry -> jdbc.sql("""
                                    update usage_source_day set suspended = suspended - :n,
                                           written_off = written_off + :n, updated_at = :now
                                    where source = :source and day = :day""")
                            .param("n", entry.getValue()).param("now", Timestamp.from(now))
                            .param("source", entry.getKey().get(0)).param("day", entry.getKey().get(1)).update());
            return new WriteOffResult(done, notOpen);
        });
    }

    /**
     * The partner a suspense record's audit entries belong to: the partner whose id is its source (a partner's own
     * usage); none for a feed's (mediation) record, which no partner submitted.
     */
    static PartnerId partnerOf(String source) {
        return UsageRecord.partnerSource(source) ? PartnerId.of(source) : null;
    }

    /** A resolved record's state for its audit entry: its status, the usage it holds (source, usage id) and more. */
    static Map<String, Object> auditedState(Map<String, Object> row, String status, String key, Object value) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("status", status);
        state.put("source", row.get("source"));
        state.put("usageId", row.get("usage_id"));
        state.put(key, value);
        return state;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
