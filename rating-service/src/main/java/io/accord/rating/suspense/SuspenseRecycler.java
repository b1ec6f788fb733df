package io.accord.rating.suspense;

import io.accord.platform.audit.AuditTrail;
import io.accord.platform.persistence.DatabaseRefusals;
import io.accord.platform.problem.FailureKind;
import io.accord.platform.security.Tenancy;
import io.accord.rating.engine.RatedUsage;
import io.accord.rating.engine.RatingEngine;
import io.accord.rating.engine.UsageWindow;
import io.accord.rating.engine.RatingOutcome;
import io.accord.rating.engine.SuspendedUsage;
import io.accord.rating.engine.TierAccumulators;
import io.accord.rating.ingest.UsageLedger;
import io.accord.rating.model.RatingModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Recycles OPEN suspense records after ops fixed the cause (a product, price or agreement now in the read models):
 * each is rated again through {@link UsageLedger} exactly once. The suspense rows are locked and must still be OPEN
 * (a concurrent recycle or write-off finds them resolved and skips them); the record's duplicate marker is released
 * and claimed again by the ledger in the same transaction; the ledger counts it as received and rated on its
 * original received day, and this corrects that day by one received and one suspended less: net, the count moves
 * from {@code suspended} to {@code rated}. A record that would still be suspended is left OPEN and reported with
 * the reason it would get now.
 */
class SuspenseRecycler {

    /** At most this many parts of a selection rolled back because the database refused one of their records. */
    private static final int MAX_PARTS = 256;
    private static final Logger log = LoggerFactory.getLogger(SuspenseRecycler.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final UsageLedger ledger;
    private final RatingModel model;
    private final AuditTrail audit;
    private final Tenancy tenancy;
    private final Clock clock;
    private final UsageWindow window;

    SuspenseRecycler(JdbcClient jdbc, TransactionTemplate transactions, UsageLedger ledger, RatingModel model,
                     AuditTrail audit, Tenancy tenancy, Clock clock, UsageWindow window) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.ledger = ledger;
        this.model = model;
        this.audit = audit;
        this.tenancy = tenancy;
        this.clock = clock;
        this.window = window;
    }

    record StillSuspended(UUID suspenseId, String reason, String detail) {
    }

    record Result(int recycled, List<StillSuspended> stillSuspended, List<UUID> notOpen) {
    }

    Result recycle(List<UUID> ids, SuspenseOps.Filter filter) {
        return transactions.execute(status -> {
            List<Map<String, Object>> rows;
            if (ids != null) {
                rows = jdbc.sql("""
                                select suspense_id, source, usage_id, received_day, received_at, status, payload
                                from usage_suspense where suspense_id = any(:ids) order by suspense_id for update""")
                        .param("ids", ids.toArray(UUID[]::new)).query().listOfRows();
            } else {
                SuspenseOps.Filter open = filter.open();
                rows = open.bind(jdbc.sql("""
                                select suspense_id, source, usage_id, received_day, received_at, status, payload
                                from usage_suspense""" + open.where() + " order by suspense_id limit "
                                + SuspenseOps.MAX_SELECTION + " for update"))
                        .query().listOfRows();
            }
            RatingEngine engine = window.engine(model.snapshot(), clock);
            List<UUID> notOpen = new ArrayList<>();
            List<StillSuspended> still = new ArrayList<>();
            List<UsageLedger.Incoming> batch = new ArrayList<>();
            List<Map<String, Object>> recycled = new ArrayList<>();
            java.util.Set<UUID> found = new java.util.HashSet<>();
            for (Map<String, Object> row : rows) {
                UUID id = (UUID) row.get("suspense_id");
                found.add(id);
                if (!"OPEN".equals(row.get("status"))) {
                    notOpen.add(id);
                    continue;
                }
                UsageLedger.Incoming incoming = UsageLedger.Incoming.reread((byte[]) row.get("payload"),
                        ((Timestamp) row.get("received_at")).toInstant());
                if (incoming.problem() != null || incoming.usage().source() == null
                        || incoming.usage().usageId() == null) {
                    still.add(new StillSuspended(id, "INVALID", incoming.problem() == null
                            ? "the record has no source or usage id" : incoming.problem()));
                    continue;
                }
                // the reason is a question of the read models, not of the accumulators
                RatingOutcome probe = engine.rate(incoming.usage(), new TierAccumulators());
                if (probe instanceof SuspendedUsage suspended) {
                    still.add(new StillSuspended(id, suspended.reason().name(), suspended.detail()));
                    continue;
                }
                batch.add(incoming);
                recycled.add(row);
            }
            if (ids != null) {
                ids.stream().filter(id -> !found.contains(id)).forEach(notOpen::add);
            }
            if (batch.isEmpty()) {
                return new Result(0, still, notOpen);
            }
            List<UsageLedger.Fate> fates = recordInParts(status, batch, recycled, engine, still);
            Instant now = clock.instant();
            int done = 0;
            for (int i = 0; i < fates.size(); i++) {
                UsageLedger.Fate fate = fates.get(i);
                Map<String, Object> row = recycled.get(i);
                if (!(fate.rated() instanceof RatedUsage)) {
                    // cannot happen with the probe above and the same snapshot; refuse rather than half-recycle
                    throw new IllegalStateException("suspense record " + row.get("suspense_id")
                            + " was not rated when recycled");
                }
                UUID ratedId = jdbc.sql("""
                                select rated_id from usage_rated where source = :source and usage_id = :usageId
                                order by seq desc limit 1""")
                        .param("source", row.get("source")).param("usageId", row.get("usage_id"))
                        .query(UUID.class).single();
                jdbc.sql("""
                                update usage_suspense set status = 'RECYCLED', resolved_at = :now, resolved_by = :by,
                                       resolution = 'recycled', rated_id = :ratedId where suspense_id = :id""")
                        .param("now", Timestamp.from(now)).param("by", tenancy.actor()).param("ratedId", ratedId)
                        .param("id", row.get("suspense_id")).update();
                jdbc.sql("""
                                update usage_source_day set received = received - 1, suspended = suspended - 1,
                                       updated_at = :now where source = :source and day = :day""")
                        .param("now", Timestamp.from(now)).param("source", row.get("source"))
                        .param("day", (LocalDate) ((java.sql.Date) row.get("received_day")).toLocalDate()).update();
                audit.record(SuspenseOps.partnerOf((String) row.get("source")), "UsageSuspense",
                        row.get("suspense_id").toString(), "RECYCLE", Map.of("status", "OPEN"),
                        SuspenseOps.auditedState(row, "RECYCLED", "ratedId", ratedId.toString()));
                done++;
            }
            return new Result(done, still, notOpen);
        });
    }

    /**
     * Rates the records again in the current transaction (their duplicate markers released and claimed again), in
     * order; when the database refuses a value or row, in parts under savepoints (the rest of the records, halving a
     * part that fails), so that a record the database refuses alone (it was set aside for that, and the cause is not
     * fixed yet) stays OPEN, reported in {@code still} and removed from {@code rows}, instead of failing the whole
     * selection. The ledger publishes nothing for recycled records, so a part rolled back to its savepoint leaves
     * nothing behind. Returns the fates of the records kept, in the order of {@code rows}.
     */
    private List<UsageLedger.Fate> recordInParts(TransactionStatus status, List<UsageLedger.Incoming> batch,
                                                 List<Map<String, Object>> rows, RatingEngine engine,
                                                 List<StillSuspended> still) {
        List<UsageLedger.Fate> fates = new ArrayList<>(batch.size());
        List<Map<String, Object>> kept = new ArrayList<>(rows.size());
        int from = 0;
        int size = batch.size();
        int parts = 0;
        while (from < batch.size()) {
            int to = Math.min(batch.size(), from + size);
            Object savepoint = status.createSavepoint();
            try {
                for (Map<String, Object> row : rows.subList(from, to)) {
                    jdbc.sql("delete from usage_key where key = :key")
                            .param("key", UsageLedger.markerKey((String) row.get("source"),
                                    (String) row.get("usage_id"))).update();
                }
                fates.addAll(ledger.recordAgain(batch.subList(from, to), engine).fates());
                status.releaseSavepoint(savepoint);
                kept.addAll(rows.subList(from, to));
                from = to;
                size = batch.size() - from;
            } catch (RuntimeException failure) {
                if (!DatabaseRefusals.isRefusal(failure) || ++parts > MAX_PARTS) {
                    throw failure;
                }
                status.rollbackToSavepoint(savepoint);
                if (to - from > 1) {
                    size = (to - from + 1) / 2;
                    continue;
                }
                Map<String, Object> row = rows.get(from);
                log.warn("Suspense record {} (usage {} of source {}) is still refused by the database; left OPEN",
                        row.get("suspense_id"), row.get("usage_id"), row.get("source"), failure);
                still.add(new StillSuspended((UUID) row.get("suspense_id"), "INVALID", "the database refused the"
                        + " record (" + FailureKind.of(failure) + "; details in the rating service's log under this"
                        + " suspense id)"));
                from = to;
                size = batch.size() - from;
            }
        }
        rows.clear();
        rows.addAll(kept);
        return fates;
    }
}
