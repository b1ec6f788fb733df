package io.accord.dispute.dispute;

import io.accord.platform.persistence.PagedQuery;
import io.accord.platform.problem.ConflictException;
import io.accord.platform.scheduling.JobItems;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.web.ErrorResponseException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Disputes and their items in PostgreSQL, plain SQL; a save checks the version it read (a lost race is 409). */
@Repository
class DisputeRepository {

    private static final TypeReference<List<Dispute.StatusChange>> HISTORY = new TypeReference<>() { };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    DisputeRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** @throws ErrorResponseException 409 when one of its lines already has an open dispute */
    void insert(Dispute dispute) {
        jdbc.sql("""
                        insert into dispute (id, partner_id, category, disputed_amount, currency, description,
                                             statement_id, source, reconciliation_id, state, opened_by, opened_at,
                                             first_response_due, resolution_due, history, updated_at, version)
                        values (:id, :partner, :category, :amount, :currency, :description, :statement, :source,
                                :reconciliation, :state, :openedBy, :openedAt, :firstDue, :resolutionDue,
                                cast(:history as jsonb), :updatedAt, 0)
                        """)
                .param("id", dispute.id).param("partner", dispute.partnerId)
                .param("category", dispute.category.name()).param("amount", dispute.disputedAmount)
                .param("currency", dispute.currency).param("description", dispute.description)
                .param("statement", dispute.statementId).param("source", dispute.source.name())
                .param("reconciliation", dispute.reconciliationId).param("state", dispute.state.name())
                .param("openedBy", dispute.openedBy).param("openedAt", ts(dispute.openedAt))
                .param("firstDue", ts(dispute.firstResponseDue)).param("resolutionDue", ts(dispute.resolutionDue))
                .param("history", json.writeValueAsString(dispute.history))
                .param("updatedAt", ts(dispute.updatedAt)).update();
        for (int position = 0; position < dispute.items.size(); position++) {
            Dispute.Item item = dispute.items.get(position);
            // a conflict is answered without aborting the transaction, so the open dispute can still be looked up
            int inserted = jdbc.sql("""
                            insert into dispute_item (dispute_id, partner_id, position, role, ref_id, amount,
                                                     disputed_amount, open)
                            values (:id, :partner, :position, :role, :ref, :amount, :disputed, true)
                            on conflict (partner_id, role, ref_id) where open and role <> 'Statement' do nothing
                            """)
                    .param("id", dispute.id).param("partner", dispute.partnerId).param("position", position)
                    .param("role", item.role())
                    .param("ref", item.refId()).param("amount", item.amount())
                    .param("disputed", item.disputedAmount()).update();
            if (inserted == 0) {
                throw DisputeOpening.alreadyDisputed(item,
                        openDisputeOn(dispute.partnerId, item.role(), item.refId()),
                        dispute.partnerId);
            }
        }
    }

    /** The open dispute holding an item, and its partner. */
    record Claim(UUID disputeId, UUID partnerId) {
    }

    /**
     * The partner's open dispute that claims the item, if any: item ids are unique per partner (an invoice-line or
     * usage-record id is the partner's own text; another partner's dispute on the same text is another item).
     */
    Optional<Claim> openDisputeOn(UUID partnerId, String role, String refId) {
        return jdbc.sql("""
                        select d.id, d.partner_id from dispute_item i join dispute d on d.id = i.dispute_id
                        where i.partner_id = :partner and i.role = :role and i.ref_id = :ref and i.open
                        order by d.opened_at limit 1
                        """)
                .param("partner", partnerId).param("role", role).param("ref", refId)
                .query((rs, row) -> new Claim(rs.getObject("id", UUID.class), rs.getObject("partner_id", UUID.class)))
                .optional();
    }

    /** Whether the item is claimed by an open dispute of the partner. */
    boolean claimed(UUID partnerId, String role, String refId) {
        return openDisputeOn(partnerId, role, refId).isPresent();
    }

    void update(Dispute dispute) {
        int updated = jdbc.sql("""
                        update dispute set description = :description, state = :state,
                               first_responded_at = :responded, first_response_breached = :firstBreached,
                               resolution_breached = :resolutionBreached, escalated_to = :escalatedTo,
                               escalation_reason = :escalationReason, proposal = cast(:proposal as jsonb),
                               proposed_at = :proposedAt,
                               rejection_reason = :rejection, outcome = :outcome, adjustment_id = :adjustment,
                               resolved_by = :resolvedBy, resolved_at = :resolvedAt, closed_at = :closedAt,
                               resolution_due = :resolutionDue, resolution_paused_at = :pausedAt,
                               assignee = :assignee,
                               history = cast(:history as jsonb), updated_at = :updatedAt, version = version + 1
                        where id = :id and version = :version
                        """)
                .param("id", dispute.id).param("version", dispute.version)
                .param("description", dispute.description).param("state", dispute.state.name())
                .param("responded", ts(dispute.firstRespondedAt))
                .param("firstBreached", dispute.firstResponseBreached)
                .param("resolutionBreached", dispute.resolutionBreached)
                .param("escalatedTo", dispute.escalatedTo).param("escalationReason", dispute.escalationReason)
                .param("proposal", dispute.proposal == null ? null : json.writeValueAsString(dispute.proposal))
                .param("proposedAt", ts(dispute.proposal == null ? null : dispute.proposal.proposedAt()))
                .param("rejection", dispute.rejectionReason).param("outcome", dispute.outcome)
                .param("adjustment", dispute.adjustmentId).param("resolvedBy", dispute.resolvedBy)
                .param("resolvedAt", ts(dispute.resolvedAt)).param("closedAt", ts(dispute.closedAt))
                .param("resolutionDue", ts(dispute.resolutionDue)).param("pausedAt", ts(dispute.resolutionPausedAt))
                .param("assignee", dispute.assignee)
                .param("history", json.writeValueAsString(dispute.history))
                .param("updatedAt", ts(dispute.updatedAt)).update();
        if (updated == 0) {
            throw new ConflictException("Dispute " + dispute.id + " was changed concurrently; read it again");
        }
        if (!dispute.state.isOpen()) {
            jdbc.sql("update dispute_item set open = false where dispute_id = :id and open")
                    .param("id", dispute.id).update();
        }
        dispute.version++;
    }

    Optional<Dispute> find(UUID id) {
        return jdbc.sql("select * from dispute where id = :id").param("id", id).query(this::dispute).optional()
                .map(this::withItems);
    }

    /**
     * What a list asks for: any of the states, categories, statements and partners asked for (each empty when not
     * asked; partners within the caller's scope: a partner asking only for another's gets nothing), opened in
     * {@code [createdFrom, createdTo)} and with a disputed amount in {@code [amountFrom, amountTo]} (each {@code null}
     * when not asked; the amount as it is, whatever the currency), assigned to any of {@code assignees} or, when
     * {@code unassigned}, to nobody (neither asked: any assignee).
     */
    record ListFilter(List<String> states, List<String> categories, List<String> statementIds, List<UUID> partnerIds,
                      Instant createdFrom, Instant createdTo, BigDecimal amountFrom, BigDecimal amountTo,
                      List<String> assignees, boolean unassigned) {
    }

    /**
     * The orders a list may ask for ({@code sort=}): by opening time, newest first (the default) or oldest first, or by
     * the SLA deadline that runs (first response while unanswered, else resolution; as the portal's work queue shows
     * it; a paused resolution deadline as it would stand were the partner to answer now, {@link #page}'s
     * {@code effectiveDue}), the earliest (the most overdue) first or last; by the disputed amount (as it is, whatever
     * the currency), smallest or largest first; by the last change ({@code lastUpdate}), least or most recent first.
     * Each ends with the id, so pages neither repeat nor skip.
     */
    enum ListOrder {
        NEWEST("-createdAt", "opened_at desc, id desc"),
        OLDEST("createdAt", "opened_at, id"),
        DUE_FIRST("dueBy", ListOrder.DUE_BY + ", opened_at, id"),
        DUE_LAST("-dueBy", ListOrder.DUE_BY + " desc, opened_at desc, id desc"),
        AMOUNT_SMALLEST("amount", "disputed_amount, opened_at, id"),
        AMOUNT_LARGEST("-amount", "disputed_amount desc, opened_at desc, id desc"),
        UPDATED_FIRST("lastUpdate", "updated_at, id"),
        UPDATED_LAST("-lastUpdate", "updated_at desc, id desc");

        private static final String DUE_BY = "(case when first_responded_at is null then first_response_due"
                + " when resolution_paused_at is not null then coalesce(cast(cast(:effectiveDue as jsonb)"
                + " ->> cast(id as text) as timestamptz), resolution_due) else resolution_due end)";

        final String parameter;
        private final String sql;

        ListOrder(String parameter, String sql) {
            this.parameter = parameter;
            this.sql = sql;
        }

        /** Whether it orders by the SLA deadline (and so needs the paused disputes' effective deadlines). */
        boolean byDeadline() {
            return this == DUE_FIRST || this == DUE_LAST;
        }

        /** The order a {@code sort} value names; empty for one that names none. */
        static java.util.Optional<ListOrder> of(String parameter) {
            return java.util.Arrays.stream(values()).filter(order -> order.parameter.equals(parameter)).findFirst();
        }
    }

    /** A dispute's resolution deadline, paused since {@code pausedAt} (it awaits the partner's information). */
    record Paused(UUID id, Instant resolutionDue, Instant pausedAt) {
    }

    /** The disputes of {@code partner} ({@code null}: every partner's) whose resolution deadline is paused. */
    List<Paused> paused(UUID partner) {
        return jdbc.sql("""
                        select id, resolution_due, resolution_paused_at from dispute
                        where resolution_paused_at is not null
                          and (cast(:partner as uuid) is null or partner_id = :partner)
                        """)
                .param("partner", partner)
                .query((rs, row) -> new Paused(rs.getObject("id", UUID.class), instant(rs, "resolution_due"),
                        instant(rs, "resolution_paused_at"))).list();
    }

    /**
     * A page of the disputes of {@code partner} ({@code null}: every partner's) matching the filter, in that order;
     * {@code effectiveDue}: the resolution deadline a paused dispute orders by (by its id; one not in it by its stored
     * deadline).
     */
    Page<Dispute> page(UUID partner, ListFilter filter, ListOrder order, Pageable page,
                       Map<UUID, Instant> effectiveDue) {
        Map<String, Object> anyOf = new LinkedHashMap<>();
        StringBuilder where = new StringBuilder("dispute where (cast(:partner as uuid) is null"
                + " or partner_id = :partner)"
                + " and (cast(:createdFrom as timestamptz) is null or opened_at >= :createdFrom)"
                + " and (cast(:createdTo as timestamptz) is null or opened_at < :createdTo)"
                + " and (cast(:amountFrom as numeric) is null or disputed_amount >= :amountFrom)"
                + " and (cast(:amountTo as numeric) is null or disputed_amount <= :amountTo)");
        anyOf(where, anyOf, "state", "states", filter.states());
        anyOf(where, anyOf, "category", "categories", filter.categories());
        anyOf(where, anyOf, "statement_id", "statements", filter.statementIds());
        anyOf(where, anyOf, "partner_id", "wanted", filter.partnerIds());
        assignedTo(where, anyOf, filter.assignees(), filter.unassigned());
        return PagedQuery.from(jdbc, where.toString()).param("partner", partner)
                .param("createdFrom", ts(filter.createdFrom())).param("createdTo", ts(filter.createdTo()))
                .param("amountFrom", filter.amountFrom()).param("amountTo", filter.amountTo())
                .param("effectiveDue", effectiveDue.isEmpty() ? null : json.writeValueAsString(effectiveDue.entrySet()
                        .stream().collect(java.util.stream.Collectors.toMap(due -> due.getKey().toString(),
                                due -> due.getValue().toString()))))
                .params(anyOf).orderBy(order.sql).page(page, this::dispute).map(this::withItems);
    }

    /** A condition that the dispute is assigned to one of {@code assignees}, or to nobody; none when neither is asked. */
    private static void assignedTo(StringBuilder where, Map<String, Object> params, List<String> assignees,
                                   boolean unassigned) {
        List<String> conditions = new ArrayList<>();
        if (!assignees.isEmpty()) {
            conditions.add("assignee in (:assignees)");
            params.put("assignees", assignees);
        }
        if (unassigned) {
            conditions.add("assignee is null");
        }
        if (!conditions.isEmpty()) {
            where.append(" and (").append(String.join(" or ", conditions)).append(')');
        }
    }

    /** A condition that the column is one of {@code values} (TMF630 alternatives); none when nothing is asked. */
    private static void anyOf(StringBuilder where, Map<String, Object> params, String column, String parameter,
                              List<?> values) {
        if (!values.isEmpty()) {
            where.append(" and ").append(column).append(" in (:").append(parameter).append(')');
            params.put(parameter, values);
        }
    }

    /**
     * Disputes the SLA job must look at: open with a deadline passed, or given a proposal silence accepts
     * ({@link Dispute#autoAcceptable}: not a charge) long enough ago; not those put off
     * after their handling failed ({@link JobItems}), which would otherwise take the places of the others.
     */
    List<UUID> dueForTimers(Instant now, Instant proposedBefore, int limit) {
        return jdbc.sql("""
                        select id from dispute
                        where state in ('OPEN', 'IN_REVIEW', 'RESOLUTION_PROPOSED', 'ESCALATED')
                          and ((first_responded_at is null and not first_response_breached
                                and first_response_due <= :now)
                               or (not resolution_breached and resolution_due <= :now)
                               or (state = 'RESOLUTION_PROPOSED'
                                   and proposed_at <= :proposedBefore
                                   and (proposal ->> 'direction' is distinct from 'DEBIT_PARTNER'
                                        or cast(proposal ->> 'amount' as numeric) = 0)))
                          and %s
                        order by opened_at limit :limit
                        """.formatted(JobItems.notPutOff(DisputeTimers.JOB, "id")))
                .param("now", ts(now)).param("proposedBefore", ts(proposedBefore)).param("limit", limit)
                .query(UUID.class).list();
    }

    /** Locks the dispute's row for the rest of the transaction (the SLA job against a concurrent request). */
    Optional<Dispute> findForUpdate(UUID id) {
        return jdbc.sql("select * from dispute where id = :id for update skip locked").param("id", id)
                .query(this::dispute).optional().map(this::withItems);
    }

    /**
     * Locks the dispute's row for the rest of the transaction, waiting for it: taken before the statement's row when a
     * credit limit is checked, in the order the SLA job takes them ({@link #findForUpdate}, then the statement), so
     * the two cannot deadlock.
     */
    void lock(UUID id) {
        jdbc.sql("select id from dispute where id = :id for update").param("id", id).query(UUID.class).optional();
    }

    /** The disputes on a statement that moved money or propose to: resolved, closed or with a pending proposal. */
    List<Dispute> crediting(String statementId) {
        return jdbc.sql("""
                        select * from dispute where statement_id = :statement
                          and ((state in ('RESOLVED', 'CLOSED') and adjustment_id is not null)
                               or state = 'RESOLUTION_PROPOSED')
                        order by opened_at, id
                        """)
                .param("statement", statementId).query(this::dispute).list().stream().map(this::withItems).toList();
    }

    /** Every dispute of a partner (or all), for KPIs. */
    List<Dispute> all(UUID partner) {
        return jdbc.sql("select * from dispute where cast(:partner as uuid) is null or partner_id = :partner")
                .param("partner", partner).query(this::dispute).list();
    }

    private Dispute withItems(Dispute dispute) {
        List<Dispute.Item> items = jdbc.sql("""
                        select role, ref_id, amount, disputed_amount from dispute_item where dispute_id = :id
                        order by position
                        """)
                .param("id", dispute.id)
                .query((rs, row) -> new Dispute.Item(rs.getString("role"), rs.getString("ref_id"),
                        rs.getBigDecimal("amount"), rs.getBigDecimal("disputed_amount"))).list();
        Dispute loaded = new Dispute(dispute.id, dispute.partnerId, dispute.category, dispute.disputedAmount,
                dispute.currency, dispute.description, dispute.statementId, dispute.source,
                dispute.reconciliationId, items, dispute.openedBy, dispute.openedAt, dispute.firstResponseDue,
                dispute.resolutionDue);
        copyState(dispute, loaded);
        return loaded;
    }

    private static void copyState(Dispute from, Dispute to) {
        to.state = from.state;
        to.resolutionPausedAt = from.resolutionPausedAt;
        to.assignee = from.assignee;
        to.firstRespondedAt = from.firstRespondedAt;
        to.firstResponseBreached = from.firstResponseBreached;
        to.resolutionBreached = from.resolutionBreached;
        to.escalatedTo = from.escalatedTo;
        to.escalationReason = from.escalationReason;
        to.proposal = from.proposal;
        to.rejectionReason = from.rejectionReason;
        to.outcome = from.outcome;
        to.adjustmentId = from.adjustmentId;
        to.resolvedBy = from.resolvedBy;
        to.resolvedAt = from.resolvedAt;
        to.closedAt = from.closedAt;
        to.history = from.history;
        to.updatedAt = from.updatedAt;
        to.version = from.version;
    }

    private Dispute dispute(ResultSet rs, int row) throws SQLException {
        Dispute dispute = new Dispute(rs.getObject("id", UUID.class), rs.getObject("partner_id", UUID.class),
                Category.valueOf(rs.getString("category")), rs.getBigDecimal("disputed_amount"),
                rs.getString("currency"), rs.getString("description"), rs.getString("statement_id"),
                Dispute.Source.valueOf(rs.getString("source")), rs.getString("reconciliation_id"), List.of(),
                rs.getString("opened_by"), instant(rs, "opened_at"), instant(rs, "first_response_due"),
                instant(rs, "resolution_due"));
        dispute.state = DisputeState.valueOf(rs.getString("state"));
        dispute.resolutionPausedAt = instant(rs, "resolution_paused_at");
        dispute.assignee = rs.getString("assignee");
        dispute.firstRespondedAt = instant(rs, "first_responded_at");
        dispute.firstResponseBreached = rs.getBoolean("first_response_breached");
        dispute.resolutionBreached = rs.getBoolean("resolution_breached");
        dispute.escalatedTo = rs.getString("escalated_to");
        dispute.escalationReason = rs.getString("escalation_reason");
        String proposal = rs.getString("proposal");
        dispute.proposal = proposal == null ? null : json.readValue(proposal, Dispute.Proposal.class);
        dispute.rejectionReason = rs.getString("rejection_reason");
        dispute.outcome = rs.getString("outcome");
        dispute.adjustmentId = rs.getString("adjustment_id");
        dispute.resolvedBy = rs.getString("resolved_by");
        dispute.resolvedAt = instant(rs, "resolved_at");
        dispute.closedAt = instant(rs, "closed_at");
        dispute.history = new ArrayList<>(json.readValue(rs.getString("history"), HISTORY));
        dispute.updatedAt = instant(rs, "updated_at");
        dispute.version = rs.getLong("version");
        return dispute;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime ts(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
