package io.accord.rating.rerate;

import io.accord.platform.persistence.PagedQuery;
import io.accord.contracts.value.PartnerId;
import io.accord.platform.audit.AuditTrail;
import io.accord.platform.problem.ConflictException;
import io.accord.platform.problem.NotFoundException;
import io.accord.platform.security.Tenancy;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Re-rate jobs as rows: requested (idempotent per request id, audited), scheduled by a price correction, read,
 * resumed after they failed, and cancelled. The worker ({@link RerateWorker}) runs them.
 */
class RerateJobs {

    static final String BASE = "/api/rating/rerate-jobs";
    private static final TypeReference<List<RerateJobView.NotRerated>> SAMPLES = new TypeReference<>() { };

    private static final Timestamp OPEN_END = Timestamp.from(Instant.parse("9999-12-31T00:00:00Z"));

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final AuditTrail audit;
    private final Tenancy tenancy;
    private final JsonMapper json;
    private final Clock clock;

    RerateJobs(JdbcClient jdbc, TransactionTemplate transactions, AuditTrail audit, Tenancy tenancy, JsonMapper json,
               Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.audit = audit;
        this.tenancy = tenancy;
        this.json = json;
        this.clock = clock;
    }

    /** What a job re-rates: the current ratings of the offering in [from, to), of a partner and usage type if given. */
    record Scope(String partnerId, String offeringId, String usageType, Instant from, Instant to,
                 String priceVersionId) {
    }

    /** The job of this request id: created now, or the one an earlier identical request created. */
    record Requested(RerateJobView job, boolean created) {
    }

    Requested request(String requestId, Scope scope, String reason) {
        try {
            return transactions.execute(status -> {
                Optional<RerateJobView> existing = byRequestId(requestId);
                if (existing.isPresent()) {
                    return new Requested(sameRequest(existing.get(), scope, reason), false);
                }
                UUID id = insert(requestId, "REQUEST", scope, reason, tenancy.actor());
                RerateJobView job = find(id).orElseThrow();
                audit.record(scope.partnerId() == null ? null : PartnerId.of(scope.partnerId()), "RerateJob",
                        id.toString(), "REQUEST", null, job);
                return new Requested(job, true);
            });
        } catch (DuplicateKeyException concurrent) {
            // the same request id committed by a concurrent call meanwhile
            return new Requested(sameRequest(byRequestId(requestId).orElseThrow(), scope, reason), false);
        }
    }

    /** The job of an earlier request with this id, when every parameter is the same; else 409 naming the others. */
    private static RerateJobView sameRequest(RerateJobView job, Scope scope, String reason) {
        List<String> differing = new ArrayList<>();
        differs(differing, "partnerId", job.partnerId(), scope.partnerId());
        differs(differing, "offeringId", job.offeringId(), scope.offeringId());
        differs(differing, "usageType", job.usageType(), scope.usageType());
        differs(differing, "from", job.from(), scope.from());
        differs(differing, "to", job.to(), scope.to());
        differs(differing, "reason", job.reason(), reason);
        if (!differing.isEmpty()) {
            throw new ConflictException("request id " + job.requestId() + " was used for another re-rate request"
                    + " (job " + job.id() + "); its " + String.join(", ", differing) + " differ"
                    + (differing.size() == 1 ? "s" : "") + ": use a new request id for a new job");
        }
        return job;
    }

    private static void differs(List<String> differing, String field, Object before, Object now) {
        if (!Objects.equals(before, now)) {
            differing.add(field);
        }
    }

    /**
     * Schedules a job in the caller's transaction (a price correction's), unless one with this request id exists.
     * Answers its id, or empty when it existed. Audited once per partner whose rated usage the job covers (its partner
     * when scoped), so that each partner's audit trail shows the re-rate of its usage.
     */
    Optional<UUID> schedule(String requestId, Scope scope, String reason) {
        if (byRequestId(requestId).isPresent()) {
            return Optional.empty();
        }
        UUID id = insert(requestId, "PRICE_CORRECTION", scope, reason, Tenancy.SYSTEM_ACTOR);
        RerateJobView job = find(id).orElseThrow();
        List<PartnerId> partners = affectedPartners(scope);
        if (partners.isEmpty()) {
            audit.record(null, "RerateJob", id.toString(), "SCHEDULE", null, job);
        }
        partners.forEach(partner -> audit.record(partner, "RerateJob", id.toString(), "SCHEDULE", null, job));
        return Optional.of(id);
    }

    /**
     * The partners of the rated usage in a job's scope (any of them taking part in a record: owner or reseller), in
     * id order; only the scope's partner when it names one. Read once, when a price correction schedules its job.
     */
    private List<PartnerId> affectedPartners(Scope scope) {
        if (scope.partnerId() != null) {
            return List.of(PartnerId.of(scope.partnerId()));
        }
        return jdbc.sql("""
                        select distinct p.partner_id from usage_rated r cross join unnest(r.partner_ids) as p(partner_id)
                        where r.offering_id = :offering and r.usage_time >= :from and r.usage_time < :to
                          and (cast(:usageType as text) is null or r.usage_type = :usageType)
                          and r.kind <> 'REVERSAL'
                        order by p.partner_id""")
                .param("offering", scope.offeringId()).param("from", Timestamp.from(scope.from()))
                .param("to", scope.to() == null ? OPEN_END : Timestamp.from(scope.to()))
                .param("usageType", scope.usageType())
                .query(String.class).list().stream().map(PartnerId::of).toList();
    }

    private UUID insert(String requestId, String cause, Scope scope, String reason, String by) {
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                        insert into rerate_job (job_id, request_id, cause, partner_id, offering_id, usage_type,
                                                from_time, to_time, price_version_id, reason, state, requested_by,
                                                requested_at, updated_at)
                        values (:id, :requestId, :cause, :partner, :offering, :usageType, :from, :to, :price,
                                :reason, 'QUEUED', :by, :now, :now)""")
                .param("id", id).param("requestId", requestId).param("cause", cause)
                .param("partner", scope.partnerId()).param("offering", scope.offeringId())
                .param("usageType", scope.usageType()).param("from", Timestamp.from(scope.from()))
                .param("to", scope.to() == null ? null : Timestamp.from(scope.to()))
                .param("price", scope.priceVersionId()).param("reason", reason).param("by", by).param("now", now)
                .update();
        return id;
    }

    Optional<RerateJobView> find(UUID id) {
        return jdbc.sql("select * from rerate_job where job_id = :id").param("id", id)
                .query((rs, n) -> view(rs)).optional();
    }

    private Optional<RerateJobView> byRequestId(String requestId) {
        return jdbc.sql("select * from rerate_job where request_id = :requestId").param("requestId", requestId)
                .query((rs, n) -> view(rs)).optional();
    }

    org.springframework.data.domain.Page<RerateJobView> list(String state, String offeringId,
                                                             org.springframework.data.domain.Pageable page) {
        return PagedQuery.from(jdbc, "rerate_job where (cast(:state as text) is null or state = :state)"
                        + " and (cast(:offering as text) is null or offering_id = :offering)")
                .param("state", state).param("offering", offeringId)
                .orderBy("requested_at desc, job_id").page(page, (rs, n) -> view(rs));
    }

    /** A FAILED job runs again from where its last committed batch ended; audited. */
    RerateJobView resume(UUID id) {
        return transactions.execute(status -> {
            RerateJobView before = lockForChange(id);
            if (!before.state().equals("FAILED")) {
                throw new ConflictException("job " + id + " is " + before.state() + "; only a FAILED job is resumed");
            }
            jdbc.sql("""
                            update rerate_job set state = 'RUNNING', attempts = 0, finished_at = null,
                                   next_attempt_at = null,
                                   updated_at = :now where job_id = :id""")
                    .param("id", id).param("now", Timestamp.from(clock.instant())).update();
            RerateJobView after = find(id).orElseThrow();
            audit.record(before.partnerId() == null ? null : PartnerId.of(before.partnerId()), "RerateJob",
                    id.toString(), "RESUME", Map.of("state", before.state()), Map.of("state", after.state()));
            return after;
        });
    }

    /**
     * Stops a QUEUED, RUNNING or FAILED job for good; audited. The row lock waits for a batch in flight (the worker
     * holds it for the batch's transaction), so the job stops at a batch boundary: the batches committed stay
     * committed (their reversals and replacements are corrections like any other), the rest of the scope is never
     * read. The worker takes only QUEUED and RUNNING jobs, so a CANCELLED one is never run or resumed again.
     *
     * @throws NotFoundException no such job
     * @throws ConflictException a job COMPLETED or CANCELLED already
     */
    RerateJobView cancel(UUID id) {
        return transactions.execute(status -> {
            RerateJobView before = lockForChange(id);
            if (before.state().equals("COMPLETED") || before.state().equals("CANCELLED")) {
                throw new ConflictException("job " + id + " is " + before.state() + "; it cannot be cancelled");
            }
            jdbc.sql("""
                            update rerate_job set state = 'CANCELLED', finished_at = :now, next_attempt_at = null,
                                   updated_at = :now where job_id = :id""")
                    .param("id", id).param("now", Timestamp.from(clock.instant())).update();
            RerateJobView after = find(id).orElseThrow();
            audit.record(before.partnerId() == null ? null : PartnerId.of(before.partnerId()), "RerateJob",
                    id.toString(), "CANCEL", Map.of("state", before.state(), "progress", before.progress()),
                    Map.of("state", after.state(), "progress", after.progress()));
            return after;
        });
    }

    /** The job, its row locked until the transaction ends: after the batch a worker may be running. */
    private RerateJobView lockForChange(UUID id) {
        return jdbc.sql("select * from rerate_job where job_id = :id for update")
                .param("id", id).query((rs, n) -> view(rs)).optional()
                .orElseThrow(() -> new NotFoundException("RerateJob", id));
    }

    RerateJobView view(ResultSet rs) throws SQLException {
        UUID id = rs.getObject("job_id", UUID.class);
        long toExamine = rs.getLong("to_examine");
        RerateJobView.Progress progress = new RerateJobView.Progress(rs.wasNull() ? null : toExamine,
                rs.getLong("examined"), rs.getLong("reversed"), rs.getLong("rerated"), rs.getLong("unchanged"),
                rs.getLong("not_rerated"));
        return new RerateJobView(id, BASE + "/" + id, rs.getString("request_id"), rs.getString("cause"),
                rs.getString("state"), rs.getString("partner_id"), rs.getString("offering_id"),
                rs.getString("usage_type"), instant(rs, "from_time"), instant(rs, "to_time"),
                rs.getString("price_version_id"), rs.getString("reason"), progress,
                json.readValue(rs.getString("not_rerated_samples"), SAMPLES), rs.getInt("attempts"),
                rs.getString("last_error"), instant(rs, "next_attempt_at"), rs.getString("requested_by"),
                instant(rs, "requested_at"), instant(rs, "started_at"), instant(rs, "finished_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
