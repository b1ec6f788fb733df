package io.accord.rating.usage;

import io.accord.contracts.value.PartnerId;
import io.accord.platform.audit.AuditTrail;
import io.accord.rating.engine.UsageRecord;
import io.accord.rating.ingest.UsageLedger;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Usage sent again over REST or in a file with a usage id received before (docs/rating-usage-api.md, "Sending a
 * record again"). A copy that differs from an earlier copy still held in suspense, never rated, replaces it: the
 * suspense record is resolved (status REPLACED, resolution {@link #REPLACED}, audited {@code REPLACE}), its count moves
 * from {@code suspended} to {@code replaced} on its day (not to {@code written_off}: nothing was given up, the usage is
 * rated through its corrected copy), its duplicate marker is released, and the new copy goes
 * through the ledger like any record. Any other copy stays a duplicate, and its answer says what became of the
 * earlier one and what to do.
 */
final class ResentUsage {

    /** The resolution of a suspense record replaced by its sender's corrected copy. */
    static final String REPLACED = "replaced by the sender's corrected copy";

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    ResentUsage(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** A record that replaced a suspended copy: the earlier copy's submission ({@code null}: not a submission). */
    record Replacement(UUID submission) {
    }

    /**
     * Replaces, in the current transaction, the suspended copies that records of {@code batch} correct: locks the
     * OPEN suspense records of the batch's usage ids that were never rated and resolves those whose kept record
     * differs from the new copy (an identical copy is a duplicate: it would only be suspended again). Returns the
     * replacing records by position in the batch.
     */
    Map<Integer, Replacement> replaceSuspended(List<UsageLedger.Incoming> batch, String actor, Instant now) {
        Map<String, Integer> positions = new LinkedHashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            UsageLedger.Incoming incoming = batch.get(i);
            UsageRecord usage = incoming.usage();
            if (incoming.problem() == null && usage.source() != null && usage.usageId() != null) {
                positions.putIfAbsent(key(usage.source(), usage.usageId()), i);
            }
        }
        if (positions.isEmpty()) {
            return Map.of();
        }
        List<String> sources = new ArrayList<>(positions.size());
        List<String> usageIds = new ArrayList<>(positions.size());
        positions.values().forEach(i -> {
            sources.add(batch.get(i).usage().source());
            usageIds.add(batch.get(i).usage().usageId());
        });
        // locked as a recycle or write-off locks them: whichever comes second finds the record resolved
        List<Map<String, Object>> open = jdbc.sql("""
                        select u.suspense_id, u.source, u.usage_id, u.received_day, u.payload,
                               (select s.id from usage_submission s where s.source = u.source
                                  and s.usage_id = u.usage_id order by s.submitted_at desc limit 1) as submission
                        from usage_suspense u
                        join unnest(cast(:sources as text[]), cast(:usageIds as text[])) as k(source, usage_id)
                          on u.source = k.source and u.usage_id = k.usage_id
                        where u.status = 'OPEN'
                          and not exists (select 1 from usage_rated r where r.source = u.source
                                          and r.usage_id = u.usage_id)
                        order by u.suspense_id
                        for update of u""")
                .param("sources", sources.toArray(String[]::new)).param("usageIds", usageIds.toArray(String[]::new))
                .query().listOfRows();
        Map<Integer, Replacement> replaced = new HashMap<>();
        for (Map<String, Object> row : open) {
            String source = (String) row.get("source");
            String usageId = (String) row.get("usage_id");
            int position = positions.get(key(source, usageId));
            if (Arrays.equals((byte[]) row.get("payload"), batch.get(position).payload())) {
                continue;
            }
            UUID suspenseId = (UUID) row.get("suspense_id");
            jdbc.sql("""
                            update usage_suspense set status = 'REPLACED', resolved_at = :now, resolved_by = :by,
                                   resolution = :resolution where suspense_id = :id""")
                    .param("now", Timestamp.from(now)).param("by", actor).param("resolution", REPLACED)
                    .param("id", suspenseId).update();
            // the replaced copy was received and is no longer suspended: counted as replaced on its day, so that
            // received = rated + suspended + duplicates + writtenOff + replaced still holds there and the new copy is
            // counted once, on the day it is received
            jdbc.sql("""
                            update usage_source_day set suspended = suspended - 1, replaced = replaced + 1,
                                   updated_at = :now where source = :source and day = :day""")
                    .param("now", Timestamp.from(now)).param("source", source)
                    .param("day", ((java.sql.Date) row.get("received_day")).toLocalDate()).update();
            jdbc.sql("delete from usage_key where key = :key")
                    .param("key", UsageLedger.markerKey(source, usageId)).update();
            // the record's partner (its source when a partner's id), whoever replaced it: the partner's trail shows it
            audit.record(UsageRecord.partnerSource(source) ? PartnerId.of(source) : null, "UsageSuspense",
                    suspenseId.toString(), "REPLACE", Map.of("status", "OPEN"), Map.of("status", "REPLACED",
                            "source", source, "usageId", usageId, "resolution", REPLACED, "by", actor));
            replaced.put(position, new Replacement((UUID) row.get("submission")));
        }
        return replaced;
    }

    /** What became of the earlier copy of a duplicate, as its answer says it. */
    record Earlier(UUID submission, UsageSubmissions.Original original, String detail) {
    }

    /**
     * The earlier copies of the duplicates at {@code positions} of {@code batch}: the first of them in the batch when
     * there is one (by position), else the stored one's submission and fate (one query for all of them).
     */
    Map<Integer, Earlier> earlier(List<UsageLedger.Incoming> batch, List<Integer> positions) {
        Map<Integer, Earlier> answers = new HashMap<>();
        Map<String, Integer> first = new HashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            UsageRecord usage = batch.get(i).usage();
            if (usage.source() != null && usage.usageId() != null) {
                first.putIfAbsent(key(usage.source(), usage.usageId()), i);
            }
        }
        Map<String, List<Integer>> stored = new LinkedHashMap<>();
        for (int position : positions) {
            UsageRecord usage = batch.get(position).usage();
            int earlier = first.get(key(usage.source(), usage.usageId()));
            if (earlier < position) {
                answers.put(position, new Earlier(null, new UsageSubmissions.Original("inThisRequest", earlier),
                        named(usage) + " is sent twice in the same batch (usage ids are unique per source)"));
            } else {
                stored.computeIfAbsent(key(usage.source(), usage.usageId()), k -> new ArrayList<>()).add(position);
            }
        }
        if (stored.isEmpty()) {
            return answers;
        }
        List<String> sources = new ArrayList<>(stored.size());
        List<String> usageIds = new ArrayList<>(stored.size());
        stored.values().forEach(at -> {
            sources.add(batch.get(at.getFirst()).usage().source());
            usageIds.add(batch.get(at.getFirst()).usage().usageId());
        });
        jdbc.sql("""
                        select k.source, k.usage_id,
                               (select s.id from usage_submission s where s.source = k.source
                                  and s.usage_id = k.usage_id order by s.submitted_at desc limit 1) as submission,
                               exists (select 1 from usage_rated r where r.source = k.source
                                       and r.usage_id = k.usage_id) as rated,
                               u.status, u.reason, u.detail, u.resolution
                        from unnest(cast(:sources as text[]), cast(:usageIds as text[])) as k(source, usage_id)
                        left join lateral (select status, reason, detail, resolution from usage_suspense u
                                           where u.source = k.source and u.usage_id = k.usage_id
                                           order by u.suspended_at desc limit 1) u on true""")
                .param("sources", sources.toArray(String[]::new)).param("usageIds", usageIds.toArray(String[]::new))
                .query().listOfRows().forEach(row -> {
                    Earlier earlier = earlier(row);
                    stored.get(key((String) row.get("source"), (String) row.get("usage_id")))
                            .forEach(position -> answers.put(position, earlier));
                });
        return answers;
    }

    private static Earlier earlier(Map<String, Object> row) {
        UUID submission = (UUID) row.get("submission");
        String received = "usage " + row.get("usage_id") + " of source " + row.get("source") + " was received before";
        if (Boolean.TRUE.equals(row.get("rated"))) {
            return new Earlier(submission, new UsageSubmissions.Original("rated", null), received
                    + " and rated: a rated record is neither rated again nor replaced by a resend; a wrong rating is"
                    + " corrected by re-rating (ask the operator)");
        }
        if (row.get("status") == null) {
            return new Earlier(submission, new UsageSubmissions.Original("received", null), received);
        }
        if ("OPEN".equals(row.get("status"))) {
            return new Earlier(submission, new UsageSubmissions.Original("suspended", null), received
                    + " and is suspended (" + row.get("reason") + ": " + row.get("detail") + "); this copy is the"
                    + " same record: send a corrected copy with the same usageId to replace it, or ask the operator"
                    + " to recycle it once the cause is fixed");
        }
        return new Earlier(submission, new UsageSubmissions.Original("writtenOff", null), received
                + " and written off by the operator (" + row.get("resolution") + "): it is not rated; ask the"
                + " operator if the usage must be billed");
    }

    private static String named(UsageRecord usage) {
        return "usage " + usage.usageId() + " of source " + usage.source();
    }

    private static String key(String source, String usageId) {
        return source + '\u0000' + usageId;
    }
}
