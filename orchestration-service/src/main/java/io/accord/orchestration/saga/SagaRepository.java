package io.accord.orchestration.saga;

import io.accord.platform.persistence.PagedQuery;
import io.accord.platform.problem.ConflictException;
import io.accord.platform.scheduling.JobItems;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Sagas and their steps in PostgreSQL, in plain SQL: the claim needs {@code FOR UPDATE SKIP LOCKED}, and every
 * change of a saga or its steps is made holding the saga's row lock, so the saga row is the one lock to take.
 */
@Repository
class SagaRepository {

    private static final String FALLOUT = """
            from saga g
            where g.state in ('FAILED', 'COMPENSATED')
               or (g.state in ('RUNNING', 'COMPENSATING') and exists (
                     select 1 from saga_step s where s.saga_id = g.id and s.last_error is not null
                        and s.state in ('PENDING', 'COMPENSATING')))
            """;

    private final JdbcClient jdbc;
    /** For batches: several rows in one round trip. */
    private final NamedParameterJdbcTemplate batch;
    private final JsonMapper json;

    SagaRepository(JdbcClient jdbc, NamedParameterJdbcTemplate batch, JsonMapper json) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.json = json;
    }

    void insert(Saga saga) {
        jdbc.sql("""
                        insert into saga (id, reference, state, next_run_at, created_at, updated_at, version)
                        values (:id, :reference, :state, :nextRunAt, :createdAt, :updatedAt, 0)
                        """)
                .param("id", saga.id).param("reference", saga.reference).param("state", saga.state.name())
                .param("nextRunAt", timestamp(saga.nextRunAt)).param("createdAt", timestamp(saga.createdAt))
                .param("updatedAt", timestamp(saga.updatedAt)).update();
        batch.batchUpdate("""
                        insert into saga_step (id, saga_id, position, type, payload, state, attempts, max_attempts,
                                               first_backoff_ms, max_backoff_ms, next_attempt_at, compensable,
                                               updated_at)
                        values (:id, :sagaId, :position, :type, cast(:payload as jsonb), :state, 0, :maxAttempts,
                                :firstBackoff, :maxBackoff, :nextAttemptAt, false, :updatedAt)
                        """, saga.steps.stream().map(step -> new MapSqlParameterSource()
                        .addValue("id", step.id).addValue("sagaId", saga.id).addValue("position", step.position)
                        .addValue("type", step.type).addValue("payload", json.writeValueAsString(step.payload))
                        .addValue("state", step.state.name()).addValue("maxAttempts", step.maxAttempts)
                        .addValue("firstBackoff", step.firstBackoff.toMillis())
                        .addValue("maxBackoff", step.maxBackoff.toMillis())
                        .addValue("nextAttemptAt", timestamp(step.nextAttemptAt))
                        .addValue("updatedAt", timestamp(step.updatedAt))).toArray(SqlParameterSource[]::new));
        saga.steps.forEach(SagaStep::markPersisted);
    }

    /**
     * Locks up to {@code limit} due sagas whose lease is free and that no other transaction holds, most overdue first
     * (never {@code skipped} ones, nor those the runner put off after it could not advance them), and reads their
     * steps: two statements for the whole batch. Another runner skips the locked ones instead of waiting, so runners
     * on several replicas share the due sagas and never take the same. The batch comes in the order of the sagas'
     * references (an order's id leads its items' references), so that runners working batches lock the orders their
     * sagas touch in one order and do not deadlock each other.
     */
    List<Saga> lockDue(Instant now, int limit, Set<UUID> skipped) {
        List<LockedRow> rows = jdbc.sql("""
                        select * from saga
                        where state in ('RUNNING', 'COMPENSATING') and next_run_at <= :now
                          and (lease_until is null or lease_until <= :now)
                          and id <> all(cast(:skipped as uuid[]))
                          and %s
                        order by next_run_at
                        limit :limit
                        for update skip locked
                        """.formatted(JobItems.notPutOff(SagaRunner.JOB, "id")))
                .param("now", timestamp(now)).param("limit", limit)
                .param("skipped", skipped.stream().map(UUID::toString).toArray(String[]::new))
                .query((rs, row) -> lockedRow(rs)).list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<SagaStep>> steps = new HashMap<>();
        jdbc.sql("select * from saga_step where saga_id = any(cast(:ids as uuid[])) order by saga_id, position")
                .param("ids", rows.stream().map(row -> row.id().toString()).toArray(String[]::new))
                .query((rs, row) -> Map.entry(rs.getObject("saga_id", UUID.class), step(rs))).list()
                .forEach(step -> steps.computeIfAbsent(step.getKey(), id -> new ArrayList<>()).add(step.getValue()));
        return rows.stream().map(row -> row.saga().apply(steps.getOrDefault(row.id(), List.of())))
                .sorted(Comparator.comparing((Saga saga) -> saga.reference).thenComparing(saga -> saga.id))
                .toList();
    }

    /** Locks the saga unless another transaction holds it (then empty). */
    Optional<Saga> lockIfFree(UUID id) {
        return jdbc.sql("select * from saga where id = :id for update skip locked").param("id", id)
                .query((rs, row) -> lockedRow(rs)).optional().map(this::withSteps);
    }

    /** Locks the saga, waiting for a runner's short transaction if one holds it. */
    Optional<Saga> lock(UUID id) {
        return jdbc.sql("select * from saga where id = :id for update").param("id", id)
                .query((rs, row) -> lockedRow(rs)).optional().map(this::withSteps);
    }

    /**
     * The saga row first, then its steps: a reader without the lock may see steps newer than the row, never a row
     * newer than its steps (a COMPLETED saga with a step still RUNNING).
     */
    Optional<Saga> find(UUID id) {
        Optional<Function<List<SagaStep>, Saga>> sagaRow = jdbc.sql("select * from saga where id = :id")
                .param("id", id).query((rs, row) -> saga(rs)).optional();
        if (sagaRow.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(sagaRow.get().apply(steps(id)));
    }

    /** A saga row read with its lock (one round trip: the row comes with the lock), its steps still to read. */
    private record LockedRow(UUID id, Function<List<SagaStep>, Saga> saga) {
    }

    private LockedRow lockedRow(ResultSet rs) throws SQLException {
        return new LockedRow(rs.getObject("id", UUID.class), saga(rs));
    }

    private Saga withSteps(LockedRow row) {
        return row.saga().apply(steps(row.id()));
    }

    private List<SagaStep> steps(UUID sagaId) {
        return jdbc.sql("select * from saga_step where saga_id = :id order by position")
                .param("id", sagaId).query((rs, row) -> step(rs)).list();
    }

    Optional<UUID> sagaOfStep(UUID stepId) {
        return jdbc.sql("select saga_id from saga_step where id = :id").param("id", stepId).query(UUID.class)
                .optional();
    }

    List<Saga> findByReference(String reference) {
        return jdbc.sql("select id from saga where reference = :reference order by created_at")
                .param("reference", reference).query(UUID.class).list().stream()
                .flatMap(id -> find(id).stream()).toList();
    }

    /**
     * Failed and compensated sagas, and running ones whose current step keeps failing, newest change first;
     * only those in {@code states} unless it is empty.
     */
    Page<Saga> fallout(Set<SagaState> states, Pageable page) {
        List<String> names = states.isEmpty() ? List.of("") : states.stream().map(Enum::name).toList();
        Page<UUID> ids = PagedQuery.from(jdbc, "(select g.* " + FALLOUT + ") g"
                        + (states.isEmpty() ? "" : " where g.state in (:states)"))
                .param("states", names).select("g.id").orderBy("g.updated_at desc, g.id")
                .page(page, (rs, row) -> rs.getObject(1, UUID.class));
        return new PageImpl<>(ids.stream().flatMap(id -> find(id).stream()).toList(), page, ids.getTotalElements());
    }

    /**
     * The open part of the fallout queue, counted by saga state and the type of the step it is stuck at (as the
     * queue shows it: the first step failing now, else the step that failed): failed sagas, and running or
     * compensating ones whose current step keeps failing. Compensated sagas are final and not counted.
     */
    Map<OpenFallout, Long> openFallout() {
        Map<OpenFallout, Long> open = new HashMap<>();
        jdbc.sql("""
                        select g.state,
                               coalesce((select s.type from saga_step s
                                          where s.saga_id = g.id and s.last_error is not null
                                            and s.state in ('PENDING', 'COMPENSATING')
                                          order by s.position limit 1),
                                        (select s.type from saga_step s where s.id = g.failed_step_id)) as step,
                               count(*) as open
                        from saga g
                        where g.state = 'FAILED'
                           or (g.state in ('RUNNING', 'COMPENSATING') and exists (
                                 select 1 from saga_step s where s.saga_id = g.id and s.last_error is not null
                                    and s.state in ('PENDING', 'COMPENSATING')))
                        group by 1, 2
                        """)
                .query(rs -> {
                    open.put(new OpenFallout(SagaState.valueOf(rs.getString("state")), rs.getString("step")),
                            rs.getLong("open"));
                });
        return open;
    }

    /** A saga state and a step type (null when the saga names no step) of the open fallout queue. */
    record OpenFallout(SagaState state, String stepType) {
    }

    /** Saves the saga and its steps; the version guards against a change made since it was read. */
    void update(Saga saga) {
        int updated = jdbc.sql("""
                        update saga set state = :state, next_run_at = :nextRunAt, lease_token = :leaseToken,
                               lease_until = :leaseUntil, failed_step_id = :failedStepId,
                               failure_reason = :failureReason, updated_at = :updatedAt, version = version + 1
                        where id = :id and version = :version
                        """)
                .param("state", saga.state.name()).param("nextRunAt", timestamp(saga.nextRunAt))
                .param("leaseToken", saga.leaseToken).param("leaseUntil", timestamp(saga.leaseUntil))
                .param("failedStepId", saga.failedStepId).param("failureReason", saga.failureReason)
                .param("updatedAt", timestamp(saga.updatedAt)).param("id", saga.id).param("version", saga.version)
                .update();
        if (updated != 1) {
            throw new ConflictException("Saga " + saga.id + " was changed meanwhile; try again");
        }
        saga.version++;
        List<SagaStep> changed = saga.steps.stream().filter(SagaStep::changedSincePersisted).toList();
        if (changed.isEmpty()) {
            return;
        }
        // one round trip for all of them (a runner transaction that ran several steps changed several)
        batch.batchUpdate("""
                        update saga_step set state = :state, attempts = :attempts, next_attempt_at = :nextAttemptAt,
                               deadline_at = :deadline, compensable = :compensable, last_error = :lastError,
                               skip_reason = :skipReason, early_ack = :earlyAck, early_ack_reason = :earlyAckReason,
                               updated_at = :updatedAt
                        where id = :id
                        """, changed.stream().map(step -> new MapSqlParameterSource()
                        .addValue("state", step.state.name()).addValue("attempts", step.attempts)
                        .addValue("nextAttemptAt", timestamp(step.nextAttemptAt))
                        .addValue("deadline", timestamp(step.deadline))
                        .addValue("compensable", step.compensable).addValue("lastError", step.lastError)
                        .addValue("skipReason", step.skipReason)
                        .addValue("earlyAck", step.earlyAck == null ? null
                                : step.earlyAck.succeeded() ? "SUCCEEDED" : "FAILED")
                        .addValue("earlyAckReason", step.earlyAck == null ? null : step.earlyAck.reason())
                        .addValue("updatedAt", timestamp(step.updatedAt)).addValue("id", step.id))
                .toArray(SqlParameterSource[]::new));
        changed.forEach(SagaStep::markPersisted);
    }

    /** The saga's row, read now; the saga itself once its steps are read too. */
    private Function<List<SagaStep>, Saga> saga(ResultSet rs) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        String reference = rs.getString("reference");
        Instant createdAt = instant(rs, "created_at");
        long version = rs.getLong("version");
        SagaState state = SagaState.valueOf(rs.getString("state"));
        Instant nextRunAt = instant(rs, "next_run_at");
        UUID leaseToken = rs.getObject("lease_token", UUID.class);
        Instant leaseUntil = instant(rs, "lease_until");
        UUID failedStepId = rs.getObject("failed_step_id", UUID.class);
        String failureReason = rs.getString("failure_reason");
        Instant updatedAt = instant(rs, "updated_at");
        return steps -> {
            Saga saga = new Saga(id, reference, createdAt, version, steps);
            saga.state = state;
            saga.nextRunAt = nextRunAt;
            saga.leaseToken = leaseToken;
            saga.leaseUntil = leaseUntil;
            saga.failedStepId = failedStepId;
            saga.failureReason = failureReason;
            saga.updatedAt = updatedAt;
            return saga;
        };
    }

    private SagaStep step(ResultSet rs) throws SQLException {
        SagaStep step = new SagaStep(rs.getObject("id", UUID.class), rs.getInt("position"), rs.getString("type"),
                json.readTree(rs.getString("payload")), rs.getInt("max_attempts"),
                Duration.ofMillis(rs.getLong("first_backoff_ms")), Duration.ofMillis(rs.getLong("max_backoff_ms")));
        step.state = StepState.valueOf(rs.getString("state"));
        step.attempts = rs.getInt("attempts");
        step.nextAttemptAt = instant(rs, "next_attempt_at");
        step.deadline = instant(rs, "deadline_at");
        step.compensable = rs.getBoolean("compensable");
        step.lastError = rs.getString("last_error");
        step.skipReason = rs.getString("skip_reason");
        String earlyAck = rs.getString("early_ack");
        step.earlyAck = earlyAck == null ? null
                : new Acknowledgement("SUCCEEDED".equals(earlyAck), rs.getString("early_ack_reason"));
        step.updatedAt = instant(rs, "updated_at");
        step.markPersisted();
        return step;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
