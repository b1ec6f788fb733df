package io.accord.settlement.adjustment;

import io.accord.contracts.value.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Dispute adjustments in PostgreSQL: pending until a statement carries them ({@code statement_id}). */
@Repository
class AdjustmentStore {

    private final JdbcClient jdbc;

    AdjustmentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** {@code false} when the adjustment id is known already (nothing changes). */
    boolean addPending(NewAdjustment adjustment, Instant now) {
        return jdbc.sql("""
                        insert into dispute_adjustment (adjustment_id, dispute_id, partner_id, direction, amount,
                                                        currency, reason, period_reference, statement_reference,
                                                        outcome, resolved_at, resolved_by, received_at)
                        values (:id, :dispute, :partner, :direction, :amount, :currency, :reason, :period,
                                :statement, :outcome, :resolvedAt, :resolvedBy, :now)
                        on conflict (adjustment_id) do nothing""")
                .param("id", adjustment.adjustmentId()).param("dispute", adjustment.disputeId())
                .param("partner", adjustment.partnerId()).param("direction", adjustment.direction())
                .param("amount", adjustment.amount()).param("currency", adjustment.currency())
                .param("reason", truncate(adjustment.reason(), 1000))
                .param("period", adjustment.periodReference()).param("statement", adjustment.statementReference())
                .param("outcome", adjustment.outcome()).param("resolvedAt", timestamp(adjustment.resolvedAt()))
                .param("resolvedBy", truncate(adjustment.resolvedBy(), 200)).param("now", timestamp(now))
                .update() == 1;
    }

    /** Stores the statement lines a newly added adjustment is split across, in order. */
    void addLines(String adjustmentId, List<DisputeAdjustments.Line> lines) {
        for (int i = 0; i < lines.size(); i++) {
            DisputeAdjustments.Line line = lines.get(i);
            jdbc.sql("""
                            insert into dispute_adjustment_line (adjustment_id, line_number, statement_line_id,
                                                                 disputed_amount, amount)
                            values (:id, :number, :line, :disputed, :amount)""")
                    .param("id", adjustmentId).param("number", i + 1).param("line", line.statementLineId())
                    .param("disputed", line.disputedAmount()).param("amount", line.amount()).update();
        }
    }

    private List<DisputeAdjustments.Line> lines(String adjustmentId) {
        return jdbc.sql("""
                        select statement_line_id, disputed_amount, amount from dispute_adjustment_line
                        where adjustment_id = :id order by line_number""")
                .param("id", adjustmentId)
                .query((rs, row) -> new DisputeAdjustments.Line(rs.getString("statement_line_id"),
                        rs.getBigDecimal("disputed_amount"), rs.getBigDecimal("amount"))).list();
    }

    /** Stores the document lines that carry the adjustment now settled, in document order. */
    void addSettledLines(String adjustmentId, List<DisputeAdjustments.PlacedLine> lines) {
        for (int i = 0; i < lines.size(); i++) {
            DisputeAdjustments.PlacedLine line = lines.get(i);
            jdbc.sql("""
                            insert into dispute_adjustment_settled_line (adjustment_id, line_number, line_id,
                                                                         statement_line_id, amount, currency,
                                                                         source_amount, source_currency, fx_rate,
                                                                         fx_rate_id)
                            values (:id, :number, :line, :disputed, :amount, :currency, :source, :sourceCurrency,
                                    :rate, :rateId)""")
                    .param("id", adjustmentId).param("number", i + 1).param("line", line.lineId())
                    .param("disputed", line.statementLineId()).param("amount", line.amount().amount())
                    .param("currency", line.amount().currency())
                    .param("source", line.sourceAmount() == null ? null : line.sourceAmount().amount())
                    .param("sourceCurrency", line.sourceAmount() == null ? null : line.sourceAmount().currency())
                    .param("rate", line.fxRate()).param("rateId", line.fxRateId()).update();
        }
    }

    private List<DisputeAdjustments.PlacedLine> settledLines(String adjustmentId) {
        return jdbc.sql("""
                        select * from dispute_adjustment_settled_line where adjustment_id = :id order by line_number""")
                .param("id", adjustmentId)
                .query((rs, row) -> {
                    BigDecimal source = rs.getBigDecimal("source_amount");
                    return new DisputeAdjustments.PlacedLine(rs.getString("line_id"),
                            rs.getString("statement_line_id"),
                            Money.of(rs.getBigDecimal("amount"), rs.getString("currency")),
                            source == null ? null
                                    : Money.of(source, rs.getString("source_currency")),
                            rs.getBigDecimal("fx_rate"), rs.getObject("fx_rate_id", UUID.class));
                }).list();
    }

    /** The partner's pending adjustments, oldest first, locked until the transaction ends. */
    List<DisputeAdjustments.Adjustment> lockPending(UUID partnerId) {
        return jdbc.sql("""
                        select * from dispute_adjustment
                        where partner_id = :partner and statement_id is null and note_id is null
                        order by received_at, adjustment_id for update""")
                .param("partner", partnerId).query((rs, row) -> adjustment(rs)).list();
    }

    /** {@code false} when the adjustment is no longer pending. */
    boolean carry(String adjustmentId, UUID statementId, String lineId, Instant now) {
        return jdbc.sql("""
                        update dispute_adjustment set statement_id = :statement, settled_line_id = :line,
                                                      carried_at = :now
                        where adjustment_id = :id and statement_id is null and note_id is null""")
                .param("statement", statementId).param("line", lineId).param("now", timestamp(now))
                .param("id", adjustmentId).update() == 1;
    }

    /**
     * Makes the adjustments the (discarded, never issued) statement carried pending again, as they were before it was
     * drafted; returns them as they were carried.
     */
    List<DisputeAdjustments.Adjustment> release(UUID statementId) {
        List<DisputeAdjustments.Adjustment> carried = jdbc.sql("""
                        select * from dispute_adjustment
                        where statement_id = :statement and document_issued_at is null
                        order by received_at, adjustment_id for update""")
                .param("statement", statementId).query((rs, row) -> adjustment(rs)).list();
        jdbc.sql("""
                        delete from dispute_adjustment_settled_line where adjustment_id in (
                            select adjustment_id from dispute_adjustment
                            where statement_id = :statement and document_issued_at is null)""")
                .param("statement", statementId).update();
        jdbc.sql("""
                        update dispute_adjustment set statement_id = null, settled_line_id = null, carried_at = null
                        where statement_id = :statement and document_issued_at is null""")
                .param("statement", statementId).update();
        return carried;
    }

    /** {@code false} when the adjustment is no longer pending. */
    boolean settleByNote(String adjustmentId, UUID noteId, String lineId, Instant now) {
        return jdbc.sql("""
                        update dispute_adjustment set note_id = :note, settled_line_id = :line, carried_at = :now
                        where adjustment_id = :id and statement_id is null and note_id is null""")
                .param("note", noteId).param("line", lineId).param("now", timestamp(now))
                .param("id", adjustmentId).update() == 1;
    }

    java.util.Optional<DisputeAdjustments.Adjustment> find(String adjustmentId) {
        return jdbc.sql("select * from dispute_adjustment where adjustment_id = :id").param("id", adjustmentId)
                .query((rs, row) -> adjustment(rs)).optional();
    }

    /** Who proposed the adjustments the statement carries (their disputes' resolvers), each once, by name. */
    List<String> proposersOnStatement(UUID statementId) {
        return jdbc.sql("""
                        select distinct resolved_by from dispute_adjustment
                        where statement_id = :statement and resolved_by is not null order by resolved_by""")
                .param("statement", statementId).query(String.class).list();
    }

    /** The adjustment the credit or debit note settles, if it settles one. */
    java.util.Optional<DisputeAdjustments.Adjustment> settledByNote(UUID noteId) {
        return jdbc.sql("select * from dispute_adjustment where note_id = :note").param("note", noteId)
                .query((rs, row) -> adjustment(rs)).optional();
    }

    java.util.Optional<String> settleBy(UUID partnerId) {
        return jdbc.sql("select settle_by from adjustment_setting where partner_id = :partner")
                .param("partner", partnerId).query(String.class).optional();
    }

    void setSettleBy(UUID partnerId, String settleBy, String by, Instant now) {
        jdbc.sql("""
                        insert into adjustment_setting (partner_id, settle_by, updated_by, updated_at)
                        values (:partner, :settleBy, :by, :now)
                        on conflict (partner_id) do update set settle_by = excluded.settle_by,
                            updated_by = excluded.updated_by, updated_at = excluded.updated_at""")
                .param("partner", partnerId).param("settleBy", settleBy).param("by", by)
                .param("now", timestamp(now)).update();
    }

    /** Marks the adjustments the document carries as issued with it. */
    void documentIssued(UUID documentId, Instant at) {
        jdbc.sql("""
                        update dispute_adjustment set document_issued_at = :at
                        where (statement_id = :document or note_id = :document) and document_issued_at is null
                        """)
                .param("document", documentId).param("at", timestamp(at)).update();
    }

    /**
     * The partner's adjustments as the partner may see them: the carrying statement, note and line only once that
     * document is issued; until then the adjustment shows as pending.
     */
    List<DisputeAdjustments.Adjustment> ofPartnerIssuedOnly(UUID partnerId) {
        return jdbc.sql("select * from dispute_adjustment where partner_id = :partner order by received_at, "
                        + "adjustment_id")
                .param("partner", partnerId).query((rs, row) -> {
                    DisputeAdjustments.Adjustment adjustment = adjustment(rs);
                    if (rs.getObject("document_issued_at") != null) {
                        return adjustment;
                    }
                    return new DisputeAdjustments.Adjustment(adjustment.adjustmentId(), adjustment.disputeId(),
                            adjustment.partnerId(), adjustment.direction(), adjustment.amount(),
                            adjustment.currency(), adjustment.reason(), adjustment.periodReference(),
                            adjustment.statementReference(), adjustment.outcome(), adjustment.resolvedAt(),
                            adjustment.resolvedBy(), adjustment.receivedAt(), null, null, null, null,
                            adjustment.lines(), List.of());
                }).list();
    }

    List<DisputeAdjustments.Adjustment> ofPartner(UUID partnerId) {
        return jdbc.sql("select * from dispute_adjustment where partner_id = :partner order by received_at, "
                        + "adjustment_id")
                .param("partner", partnerId).query((rs, row) -> adjustment(rs)).list();
    }

    private DisputeAdjustments.Adjustment adjustment(ResultSet rs) throws SQLException {
        return new DisputeAdjustments.Adjustment(rs.getString("adjustment_id"), rs.getString("dispute_id"),
                rs.getObject("partner_id", UUID.class), rs.getString("direction"), rs.getBigDecimal("amount"),
                rs.getString("currency"), rs.getString("reason"), rs.getString("period_reference"),
                rs.getString("statement_reference"), rs.getString("outcome"), instant(rs, "resolved_at"),
                rs.getString("resolved_by"), instant(rs, "received_at"), rs.getObject("statement_id", UUID.class), rs.getObject("note_id", UUID.class),
                rs.getString("settled_line_id"), instant(rs, "carried_at"), lines(rs.getString("adjustment_id")),
                settledLines(rs.getString("adjustment_id")));
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    record NewAdjustment(String adjustmentId, String disputeId, UUID partnerId, String direction, BigDecimal amount,
                         String currency, String reason, String periodReference, String statementReference,
                         String outcome, Instant resolvedAt, String resolvedBy) {
    }

}
