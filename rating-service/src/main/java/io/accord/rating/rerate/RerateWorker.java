package io.accord.rating.rerate;

import io.accord.contracts.value.PartnerId;
import io.accord.platform.audit.AuditTrail;
import io.accord.rating.engine.RatedUsage;
import io.accord.rating.engine.RatingEngine;
import io.accord.rating.engine.RatingOutcome;
import io.accord.rating.engine.SuspendedUsage;
import io.accord.rating.engine.TierAccumulators;
import io.accord.rating.model.RatingModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Runs re-rate jobs, batch by batch. Each batch is one transaction that locks the job row ({@code skip locked}: a
 * job runs on one replica at a time, different jobs on several), reads the next current ratings in scope after the
 * job's cursor, rates each again with the read models in force now (same product instance, its original position
 * in the tier period), writes a reversal and a replacement for each one that comes out different, moves the
 * accumulators and rollups, and moves the job's cursor and progress. A crash rolls the batch back whole; the job
 * row says where to go on, and a record already reversed is no longer current, so it is never reversed twice (the
 * unique index {@code usage_rated_one_correction} would refuse it anyway).
 */
class RerateWorker {

    /** Re-rating corrects records of any age: the too-old window guards the duplicate index, not corrections. */
    static final Duration ANY_AGE = Duration.ofDays(365L * 200);
    private static final Logger log = LoggerFactory.getLogger(RerateWorker.class);
    private static final Timestamp OPEN_END = Timestamp.from(Instant.parse("9999-12-31T00:00:00Z"));
    private static final int SAMPLES = 20;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final RatingModel model;
    private final RatedRecords records;
    private final Corrections corrections;
    private final RerateJobs jobs;
    private final AuditTrail audit;
    private final JsonMapper json;
    private final RerateProperties properties;
    private final Clock clock;

    RerateWorker(JdbcClient jdbc, TransactionTemplate transactions, RatingModel model, RatedRecords records,
                 Corrections corrections, RerateJobs jobs, AuditTrail audit, JsonMapper json,
                 RerateProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.model = model;
        this.records = records;
        this.corrections = corrections;
        this.jobs = jobs;
        this.audit = audit;
        this.json = json;
        this.properties = properties;
        this.clock = clock;
    }

    enum Step { MORE, DONE, BUSY }

    @Scheduled(fixedDelayString = "${accord.rating.rerate.poll-interval:1s}", initialDelayString = "2s")
    void work() {
        if (!properties.enabled()) {
            return;
        }
        Instant deadline = clock.instant().plus(properties.runBudget());
        List<UUID> open = jdbc.sql("""
                        select job_id from rerate_job where state in ('QUEUED', 'RUNNING')
                          and (next_attempt_at is null or next_attempt_at <= :now)
                        order by requested_at, job_id limit 20""")
                .param("now", Timestamp.from(clock.instant())).query(UUID.class).list();
        for (UUID id : open) {
            if (!model.awaitCurrent(properties.modelWait())) {
                log.warn("Re-rating waits: the read models are not current");
                return;
            }
            Step step = Step.MORE;
            while (step == Step.MORE && clock.instant().isBefore(deadline)) {
                try {
                    step = runBatch(id);
                } catch (RuntimeException failure) {
                    failed(id, failure);
                    step = Step.BUSY;
                }
            }
            if (!clock.instant().isBefore(deadline)) {
                return;
            }
        }
    }

    /** One batch of the job, in one transaction. */
    Step runBatch(UUID jobId) {
        return transactions.execute(status -> {
            Optional<Map<String, Object>> locked = jdbc.sql("""
                            select * from rerate_job where job_id = :id and state in ('QUEUED', 'RUNNING')
                            for update skip locked""")
                    .param("id", jobId).query().listOfRows().stream().findFirst();
            if (locked.isEmpty()) {
                return Step.BUSY;
            }
            Map<String, Object> job = locked.get();
            Timestamp now = Timestamp.from(clock.instant());
            if ("QUEUED".equals(job.get("state"))) {
                start(jobId, job, now);
                job = jdbc.sql("select * from rerate_job where job_id = :id").param("id", jobId).query()
                        .singleRow();
            }
            List<CurrentRating> batch = scope(job, "select " + RatedRecords.COLUMNS, " and r.seq > :cursor"
                    + " order by r.seq limit :limit")
                    .param("cursor", job.get("cursor_seq")).param("limit", properties.batchSize())
                    .query((rs, n) -> records.read(rs)).list();
            if (batch.isEmpty()) {
                complete(jobId, job, now);
                return Step.DONE;
            }
            rerate(jobId, batch, now);
            return Step.MORE;
        });
    }

    private void start(UUID jobId, Map<String, Object> job, Timestamp now) {
        long startedSeq = jdbc.sql("select last_seq from usage_rated_sequence where id = 1").query(Long.class)
                .single();
        job.put("started_seq", startedSeq);
        // the scope's count reads its usage-time range anyway (the BRIN index); its first record comes with it, and the
        // batches start there: from 0, the first batch walked the ledger by sequence through everything rated before
        // the range, the whole history for a correction of recent usage. A record that enters the scope later (rated
        // with the old price meanwhile) has a sequence above started_seq.
        Map<String, Object> inScope = scope(job, "select count(*) as records, min(r.seq) as first", "").query()
                .singleRow();
        long toExamine = ((Number) inScope.get("records")).longValue();
        Number first = (Number) inScope.get("first");
        long cursor = first == null ? startedSeq : first.longValue() - 1;
        jdbc.sql("""
                        update rerate_job set state = 'RUNNING', started_seq = :seq, to_examine = :toExamine,
                               cursor_seq = :cursor, started_at = :now, updated_at = :now where job_id = :id""")
                .param("seq", startedSeq).param("toExamine", toExamine).param("cursor", cursor).param("now", now)
                .param("id", jobId).update();
        log.info("Re-rate job {} started: {} records of offering {} in scope", jobId, toExamine,
                job.get("offering_id"));
    }

    /**
     * The job's records: current ratings of the offering in [from, to), of the partner and usage type when given.
     * A request re-rates what was rated when it started; a price correction also takes records rated with another
     * price meanwhile (a batch rated before the new price reached the read models), but never its own replacements.
     */
    private JdbcClient.StatementSpec scope(Map<String, Object> job, String select, String tail) {
        boolean request = "REQUEST".equals(job.get("cause"));
        String sql = select + " from usage_rated r where r.offering_id = :offering"
                + " and r.usage_time >= :from and r.usage_time < :to and " + RatedRecords.IS_CURRENT
                + (request ? " and r.seq <= :started" : " and (r.kind <> 'RERATED' or r.seq <= :started)")
                + " and (cast(:usageType as text) is null or r.usage_type = :usageType)"
                + " and (cast(:partner as text) is null or :partner = any(r.partner_ids))"
                + " and (cast(:price as text) is null or r.price_version_id <> :price)" + tail;
        Object to = job.get("to_time");
        return jdbc.sql(sql).param("offering", job.get("offering_id")).param("from", job.get("from_time"))
                .param("to", to == null ? OPEN_END : to).param("started", job.get("started_seq"))
                .param("usageType", job.get("usage_type")).param("partner", job.get("partner_id"))
                .param("price", job.get("price_version_id"));
    }

    private void rerate(UUID jobId, List<CurrentRating> batch, Timestamp now) {
        RatingEngine engine = new RatingEngine(model.snapshot(), clock, ANY_AGE);
        List<Corrections.Replacement> replacements = new ArrayList<>();
        List<RerateJobView.NotRerated> notRerated = new ArrayList<>();
        int unchanged = 0;
        for (CurrentRating current : batch) {
            TierAccumulators accumulators = new TierAccumulators();
            // the record keeps its place in the tier period: rated from where its accumulator stood before it
            accumulators.put(current.accumulator(), current.rated().tiers().accumulatorBefore());
            RatingOutcome outcome = engine.rate(current.rated().usage(), accumulators);
            if (outcome instanceof SuspendedUsage suspended) {
                notRerated.add(notRerated(current, suspended.reason().name(), suspended.detail()));
            } else if (outcome instanceof RatedUsage rated) {
                if (!rated.tiers().accumulator().equals(current.accumulator())) {
                    notRerated.add(notRerated(current, "ACCUMULATOR_CHANGED", "the product instance's subscriber"
                            + " id is now " + rated.tiers().accumulator().subscriberId() + ", the record was rated"
                            + " under " + current.accumulator().subscriberId()));
                } else if (RatedRecords.sameRating(current.rated(), rated)) {
                    unchanged++;
                } else {
                    replacements.add(new Corrections.Replacement(current, current.rated().reversal(),
                            RatedRecords.asReplacement(rated)));
                }
            }
        }
        corrections.apply(replacements);
        jdbc.sql("""
                        update rerate_job set cursor_seq = :cursor, examined = examined + :examined,
                               reversed = reversed + :corrected, rerated = rerated + :corrected,
                               unchanged = unchanged + :unchanged, not_rerated = not_rerated + :notRerated,
                               not_rerated_samples = (select coalesce(jsonb_agg(e), '[]'::jsonb) from (
                                   select e from jsonb_array_elements(not_rerated_samples || cast(:samples as jsonb))
                                   as s(e) limit :keep) as kept),
                               attempts = 0, last_error = null, next_attempt_at = null, updated_at = :now
                        where job_id = :id""")
                .param("cursor", batch.getLast().seq()).param("examined", batch.size())
                .param("corrected", replacements.size()).param("unchanged", unchanged)
                .param("notRerated", notRerated.size()).param("samples", json.writeValueAsString(notRerated))
                .param("keep", SAMPLES).param("now", now).param("id", jobId).update();
    }

    private static RerateJobView.NotRerated notRerated(CurrentRating current, String reason, String detail) {
        return new RerateJobView.NotRerated(current.ratedId().toString(), current.rated().usage().source(),
                current.rated().usage().usageId(), reason, detail);
    }

    private void complete(UUID jobId, Map<String, Object> job, Timestamp now) {
        jdbc.sql("""
                        update rerate_job set state = 'COMPLETED', finished_at = :now, attempts = 0, last_error = null,
                               next_attempt_at = null, updated_at = :now where job_id = :id""")
                .param("now", now).param("id", jobId).update();
        RerateJobView done = jobs.find(jobId).orElseThrow();
        Object partner = job.get("partner_id");
        audit.record(partner == null ? null : PartnerId.of(partner.toString()), "RerateJob", jobId.toString(),
                "COMPLETE", Map.of("state", "RUNNING"), done);
        log.info("Re-rate job {} completed: {}", jobId, done.progress());
    }

    private void failed(UUID jobId, RuntimeException failure) {
        log.warn("Re-rate job {}: a batch failed and was rolled back", jobId, failure);
        String message = String.valueOf(NestedExceptionUtils.getMostSpecificCause(failure).getMessage());
        try {
            recordFailure(jobId, message);
        } catch (RuntimeException unrecorded) {
            log.error("Re-rate job {}: the failure could not be recorded; the batch is retried", jobId, unrecorded);
        }
    }

    /** Counts the failed batch; the job waits before its next attempt (doubling), or is FAILED at the limit. */
    private void recordFailure(UUID jobId, String message) {
        transactions.executeWithoutResult(status -> {
            Optional<Integer> attempts = jdbc.sql("select attempts from rerate_job where job_id = :id"
                            + " and state in ('QUEUED', 'RUNNING') for update")
                    .param("id", jobId).query(Integer.class).optional();
            if (attempts.isEmpty()) {
                return;
            }
            int failed = attempts.get() + 1;
            Instant now = clock.instant();
            boolean giveUp = failed >= properties.maxAttempts();
            jdbc.sql("""
                            update rerate_job set attempts = :failed, last_error = :error,
                                   state = case when :giveUp then 'FAILED' else state end,
                                   finished_at = case when :giveUp then cast(:now as timestamptz) end,
                                   next_attempt_at = case when :giveUp then null else cast(:next as timestamptz) end,
                                   updated_at = :now
                            where job_id = :id""")
                    .param("failed", failed)
                    .param("error", message.length() > 1000 ? message.substring(0, 1000) : message)
                    .param("giveUp", giveUp).param("now", Timestamp.from(now))
                    .param("next", Timestamp.from(now.plus(properties.backoffAfter(failed))))
                    .param("id", jobId).update();
        });
    }
}
