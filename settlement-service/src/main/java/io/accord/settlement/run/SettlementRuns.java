package io.accord.settlement.run;

import io.accord.platform.audit.AuditTrail;
import io.accord.platform.persistence.PagedQuery;
import io.accord.platform.problem.FailureKind;
import io.accord.platform.problem.InvalidInputException;
import io.accord.platform.security.Tenancy;
import io.accord.settlement.partner.PartnerTerms;
import io.accord.settlement.period.PeriodState;
import io.accord.settlement.period.SettlementPeriods;
import io.accord.settlement.statement.Statements;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * Settlement runs (the feature's entry point): a run takes the ended periods of all or selected partners, and per
 * period starts closing it, drafts its statement (once: drafting is idempotent and unique per partner and period) and
 * closes it; and the closed periods whose statements finance discarded, to draft them again. Each period is its own
 * transaction, so a crashed run resumes with the periods not done yet; a partner's periods are drafted oldest first.
 * Starting a run is audited ({@code SettlementRun}, {@code started}: who, which partners, which periods), and what a
 * run started by a user does is recorded under that user (its statements' {@code drafted}, its periods' closing).
 */
@Service
public class SettlementRuns {

    private static final Logger log = LoggerFactory.getLogger(SettlementRuns.class);

    private final JdbcClient jdbc;
    private final SettlementPeriods periods;
    private final Statements statements;
    private final PartnerTerms partners;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final AuditTrail audit;
    private final Tenancy tenancy;
    /** Partners settled at once: a period's work is a dozen short statements, so it waits on the database. */
    private final int parallelism;
    /** Periods of runs marked FAILED (their statements not drafted): what an alert counts. */
    private final Counter itemsFailed;

    /** The runs' states, as the runs list filters them. */
    public static final Set<String> STATES = Set.of("RUNNING", "COMPLETED", "FAILED");
    static final String ITEMS_FAILED = "accord.settlement.run.items.failed";

    SettlementRuns(JdbcClient jdbc, SettlementPeriods periods, Statements statements, PartnerTerms partners,
                   PlatformTransactionManager transactions, Clock clock, AuditTrail audit, Tenancy tenancy,
                   @Value("${accord.settlement.runs.parallelism:4}") int parallelism, MeterRegistry meters) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("accord.settlement.runs.parallelism must be at least 1");
        }
        this.jdbc = jdbc;
        this.periods = periods;
        this.statements = statements;
        this.partners = partners;
        this.transactions = new TransactionTemplate(transactions);
        this.clock = clock;
        this.audit = audit;
        this.tenancy = tenancy;
        this.parallelism = parallelism;
        this.itemsFailed = Counter.builder(ITEMS_FAILED)
                .description("Periods of settlement runs that failed (no statement drafted; the run ends FAILED)")
                .register(meters);
    }

    /**
     * Starts a run over the ended, not yet closed periods of {@code partnerIds} (empty: every partner), and their
     * periods whose statements were discarded and not drafted again. A partner
     * settlement does not know (no agreement, no legal data) is refused with 400 naming it ({@code partnerIds[i]})
     * and nothing starts: a typo'd id used to start a run over nothing that answered COMPLETED, as if settled.
     */
    @Transactional
    public Run start(List<UUID> partnerIds, String requestedBy, String requestedById) {
        Set<UUID> known = partners.known(partnerIds);
        for (int i = 0; i < partnerIds.size(); i++) {
            if (!known.contains(partnerIds.get(i))) {
                throw new InvalidInputException("partnerIds[" + i + "]", "partner " + partnerIds.get(i)
                        + " is not known to settlement (no agreement in force, no legal data from partner.events.v1); "
                        + "nothing was started");
            }
        }
        Set<UUID> selected = Set.copyOf(partnerIds);
        List<SettlementPeriods.Period> due = new java.util.ArrayList<>(periods.dueForRun().stream()
                .filter(period -> selected.isEmpty() || selected.contains(period.partnerId())).toList());
        Set<UUID> dueIds = due.stream().map(SettlementPeriods.Period::id).collect(Collectors.toSet());
        for (Statements.DiscardedPeriod discarded : statements.discardedPeriods(partnerIds)) {
            if (!dueIds.contains(discarded.periodId())) {
                periods.ofPartner(discarded.partnerId()).stream()
                        .filter(period -> period.id().equals(discarded.periodId())
                                && period.state() != PeriodState.OPEN)
                        .findFirst().ifPresent(due::add);
            }
        }
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        jdbc.sql("""
                        insert into settlement_run (id, state, requested_by, requested_by_id, total, started_at)
                        values (:id, :state, :by, :byId, :total, :now)""")
                .param("id", id).param("state", due.isEmpty() ? "COMPLETED" : "RUNNING").param("by", requestedBy)
                .param("byId", requestedById)
                .param("total", due.size()).param("now", Timestamp.from(now)).update();
        for (SettlementPeriods.Period period : due) {
            jdbc.sql("""
                            insert into settlement_run_item (run_id, period_id, partner_id, status)
                            values (:run, :period, :partner, 'PENDING')""")
                    .param("run", id).param("period", period.id()).param("partner", period.partnerId()).update();
        }
        if (due.isEmpty()) {
            jdbc.sql("update settlement_run set finished_at = :now where id = :id").param("now", Timestamp.from(now))
                    .param("id", id).update();
        }
        audit.record(null, "SettlementRun", id.toString(), "started", null, new Started(id, requestedBy,
                List.copyOf(partnerIds), due.isEmpty() ? "COMPLETED" : "RUNNING", due.size(), due.stream()
                .map(period -> new StartedPeriod(period.id(), period.partnerId(), period.startAt(), period.endAt(),
                        period.state().name()))
                .toList()));
        log.info("Settlement run {} by {} over {} period(s)", id, requestedBy, due.size());
        return find(id).orElseThrow();
    }

    @Transactional(readOnly = true)
    public Optional<Run> find(UUID runId) {
        return jdbc.sql("""
                        select r.id, r.state, r.requested_by, r.total, r.started_at, r.finished_at,
                               (select count(*) from settlement_run_item i
                                where i.run_id = r.id and i.status = 'DONE') as done,
                               (select count(*) from settlement_run_item i
                                where i.run_id = r.id and i.status = 'FAILED') as failed
                        from settlement_run r where r.id = :id""").param("id", runId)
                .query((rs, row) -> new Run(rs.getObject("id", UUID.class), rs.getString("state"),
                        rs.getString("requested_by"), rs.getInt("total"), rs.getInt("done"), rs.getInt("failed"),
                        rs.getTimestamp("started_at").toInstant(),
                        rs.getTimestamp("finished_at") == null ? null : rs.getTimestamp("finished_at").toInstant()))
                .optional();
    }

    /** A page of runs, newest first; of one state (one of {@link #STATES}) when {@code state} is not null. */
    @Transactional(readOnly = true)
    public org.springframework.data.domain.Page<Run> list(String state,
                                                          org.springframework.data.domain.Pageable page) {
        return PagedQuery.from(jdbc, "settlement_run where (cast(:state as text) is null or state = :state)")
                .param("state", state).select("id").orderBy("started_at desc, id desc")
                .page(page, (rs, row) -> rs.getObject(1, UUID.class)).map(id -> find(id).orElseThrow());
    }

    /**
     * A page of a run's periods in partner order: each one's status, error, and the statement it drafted as it is
     * now (state, number, total).
     */
    @Transactional(readOnly = true)
    public org.springframework.data.domain.Page<RunItem> items(UUID runId,
                                                               org.springframework.data.domain.Pageable page) {
        return PagedQuery.from(jdbc, "settlement_run_item where run_id = :run").param("run", runId)
                .select("period_id, partner_id, status, statement_id, error").orderBy("partner_id, period_id")
                .page(page, (rs, row) -> new RunItem(rs.getObject("period_id", UUID.class),
                        rs.getObject("partner_id", UUID.class), rs.getString("status"),
                        rs.getObject("statement_id", UUID.class), rs.getString("error")));
    }

    /** Works on every RUNNING run until its periods are done; called by the cluster-wide job. */
    void workOnRunning() {
        List<UUID> running = jdbc.sql("select id from settlement_run where state = 'RUNNING' order by started_at")
                .query(UUID.class).list();
        running.forEach(this::work);
    }

    private void work(UUID runId) {
        Requester requester = jdbc.sql("select requested_by, requested_by_id from settlement_run where id = :id")
                .param("id", runId)
                .query((rs, row) -> new Requester(rs.getString("requested_by"), rs.getString("requested_by_id")))
                .single();
        List<Item> pending = jdbc.sql("""
                        select period_id, partner_id from settlement_run_item
                        where run_id = :run and status = 'PENDING' order by partner_id, period_id""")
                .param("run", runId)
                .query((rs, row) -> new Item(rs.getObject("period_id", UUID.class),
                        rs.getObject("partner_id", UUID.class))).list();
        // partners in parallel (each partner's periods in order, on one thread); every period its own transaction
        Map<UUID, List<Item>> byPartner = pending.stream()
                .collect(Collectors.groupingBy(Item::partnerId, LinkedHashMap::new, Collectors.toList()));
        try (ExecutorService workers = Executors.newFixedThreadPool(Math.min(parallelism, byPartner.size() + 1),
                Thread.ofPlatform().name("settlement-run-", 0).factory())) {
            byPartner.values().forEach(items -> workers.execute(() -> oldestFirst(items).forEach(item ->
                    settleOrFail(runId, item, requester))));
        }
        transactions.executeWithoutResult(status -> jdbc.sql("""
                        update settlement_run set
                               done = (select count(*) from settlement_run_item
                                       where run_id = :id and status = 'DONE'),
                               failed = (select count(*) from settlement_run_item
                                         where run_id = :id and status = 'FAILED'),
                               state = case when exists (select 1 from settlement_run_item
                                                         where run_id = :id and status = 'FAILED')
                                            then 'FAILED' else 'COMPLETED' end,
                               finished_at = :now
                        where id = :id and state = 'RUNNING'
                          and not exists (select 1 from settlement_run_item
                                          where run_id = :id and status = 'PENDING')""")
                .param("now", Timestamp.from(clock.instant())).param("id", runId).update());
    }

    /**
     * A partner's periods by start: each statement builds on those before it, and one of a period whose statement was
     * discarded is drafted before any later one (which drafting insists on).
     */
    private List<Item> oldestFirst(List<Item> items) {
        if (items.size() < 2) {
            return items;
        }
        List<UUID> byStart = periods.ofPartner(items.getFirst().partnerId()).stream()
                .map(SettlementPeriods.Period::id).toList();
        return items.stream().sorted(java.util.Comparator.comparingInt(item -> byStart.indexOf(item.periodId())))
                .toList();
    }

    /**
     * Settles one period in its own transaction, recorded under the user who started the run (the worker thread has
     * no caller of its own: its audit entries said {@code system} while the statement's preparer was that user).
     */
    private void settleOrFail(UUID runId, Item item, Requester requester) {
        String requestedBy = requester.name();
        if (requestedBy != null && !requestedBy.isBlank() && !Tenancy.SYSTEM_ACTOR.equals(requestedBy)) {
            tenancy.actingAs(requestedBy, requester.subject(), () -> settleOrFailNow(runId, item, requestedBy));
        } else {
            settleOrFailNow(runId, item, requestedBy);
        }
    }

    /** Who started a run: user name and token subject ({@code null} for runs started before V77). */
    private record Requester(String name, String subject) {
    }

    private void settleOrFailNow(UUID runId, Item item, String requestedBy) {
        try {
            transactions.executeWithoutResult(status -> settle(runId, item, requestedBy));
        } catch (RuntimeException failure) {
            log.warn("Settlement run {}: period {} of partner {} failed", runId, item.periodId(),
                    item.partnerId(), failure);
            try {
                transactions.executeWithoutResult(status -> mark(runId, item, "FAILED", null, error(failure)));
                itemsFailed.increment();
            } catch (RuntimeException unmarked) {
                log.error("Settlement run {}: period {} stays PENDING for the next pass", runId, item.periodId(),
                        unmarked);
            }
        }
    }

    /**
     * What finance reads of an item's failure: our own code's reason (a period's state, a missing FX rate); of a
     * database error only its kind, since its message names our tables and quotes rows (the whole error is in the log).
     */
    static String error(RuntimeException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DataAccessException || cause instanceof java.sql.SQLException) {
                return FailureKind.describe(failure, "settlement");
            }
        }
        return failure.getMessage() != null ? failure.getMessage() : FailureKind.describe(failure, "settlement");
    }

    private void settle(UUID runId, Item item, String requestedBy) {
        SettlementPeriods.Period period = periods.ofPartner(item.partnerId()).stream()
                .filter(candidate -> candidate.id().equals(item.periodId())).findFirst()
                .orElseThrow(() -> new InvalidInputException("periodId", "no period " + item.periodId()));
        if (period.state() == PeriodState.OPEN) {
            periods.startClosing(period.id());
        }
        Statements.View statement = statements.draft(item.partnerId(), item.periodId(), requestedBy);
        if (period.state() != PeriodState.CLOSED) {
            periods.close(period.id());
        }
        mark(runId, item, "DONE", statement.id(), null);
    }

    /**
     * Marks the item; the run's done and failed counts are counted from its items (not a counter on the run's row,
     * which would serialise the parallel periods' transactions on that row).
     */
    private void mark(UUID runId, Item item, String status, UUID statementId, String error) {
        jdbc.sql("""
                        update settlement_run_item set status = :status, statement_id = :statement, error = :error
                        where run_id = :run and period_id = :period and status = 'PENDING'""")
                .param("status", status).param("statement", statementId).param("error", error)
                .param("run", runId).param("period", item.periodId()).update();
    }

    private record Item(UUID periodId, UUID partnerId) {
    }

    /**
     * A run as its start is audited.
     *
     * @param partnerIds the partners asked for; empty: every partner
     * @param periods    the periods it settles (ended ones to close, closed ones whose statements were discarded)
     */
    private record Started(UUID runId, String requestedBy, List<UUID> partnerIds, String state, int total,
                           List<StartedPeriod> periods) {
    }

    /** A period a run settles, as the run's start is audited; {@code state} as it was when the run started. */
    private record StartedPeriod(UUID periodId, UUID partnerId, Instant periodStart, Instant periodEnd, String state) {
    }

    /** One period of a run: PENDING, DONE (with the statement it drafted) or FAILED (with the error). */
    public record RunItem(UUID periodId, UUID partnerId, String status, UUID statementId, String error) {
    }

    /**
     * A run and its progress.
     *
     * @param state RUNNING, COMPLETED or FAILED (some periods failed; their statements were not drafted)
     * @param total periods to settle; {@code done} + {@code failed} of them are finished
     */
    public record Run(UUID id, String state, String requestedBy, int total, int done, int failed, Instant startedAt,
                      Instant finishedAt) {
    }
}
