package io.accord.dispute.dispute;

import io.accord.contracts.events.DisputeAdjustmentSettled;
import io.accord.contracts.events.StatementDiscarded;
import io.accord.dispute.document.DisputableDocuments;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Where settlement placed each resolved dispute's adjustment, from {@code DisputeAdjustmentSettled}: the statement
 * line or the credit/debit note that carries it (every line, each with the disputed statement line whose share it
 * carries, when the adjustment is split), with the document's number once it is issued (from
 * {@code StatementIssued}, which names the same document id); until then a partner sees that it is placed, not where
 * (settlement shows a partner no draft, nor its id). A placement on a statement finance then discarded
 * ({@code StatementDiscarded}) no longer stands: the adjustment shows as pending until a later placement.
 */
@Component
class AdjustmentSettlements {

    private static final Logger log = LoggerFactory.getLogger(AdjustmentSettlements.class);

    private final JdbcClient jdbc;
    private final DisputableDocuments documents;

    AdjustmentSettlements(JdbcClient jdbc, DisputableDocuments documents) {
        this.jdbc = jdbc;
        this.documents = documents;
    }

    /**
     * Records where the adjustment was settled: a later placement (the draft that carried it was discarded, the next
     * draft carries it) replaces an earlier one; a redelivery, or an earlier placement arriving late, changes nothing.
     */
    void settled(DisputeAdjustmentSettled settled) {
        int added = jdbc.sql("""
                        insert into adjustment_settlement (adjustment_id, dispute_id, settled_on, document_id, line_id,
                                                           amount, currency, settled_at)
                        values (:adjustment, :dispute, :on, :document, :line, :amount, :currency, :at)
                        on conflict (adjustment_id) do update
                           set dispute_id = excluded.dispute_id, settled_on = excluded.settled_on,
                               document_id = excluded.document_id, line_id = excluded.line_id,
                               amount = excluded.amount, currency = excluded.currency,
                               settled_at = excluded.settled_at
                         where adjustment_settlement.settled_at < excluded.settled_at
                        """)
                .param("adjustment", settled.adjustmentId()).param("dispute", settled.disputeId())
                .param("on", settled.settledOn()).param("document", settled.documentId())
                .param("line", settled.lineId()).param("amount", new BigDecimal(settled.amount()))
                .param("currency", settled.currency())
                .param("at", (settled.occurredAt() == null ? Instant.EPOCH : settled.occurredAt())
                        .atOffset(ZoneOffset.UTC)).update();
        if (added == 1) {
            lines(settled);
        }
        log.info("Dispute {} adjustment {} {} on {} line {}", settled.disputeId(), settled.adjustmentId(),
                added == 1 ? "is settled" : "was known settled (or later)", settled.settledOn(), settled.lineId());
    }

    /** The lines of the placement just recorded, replacing those of the placement it replaced. */
    private void lines(DisputeAdjustmentSettled settled) {
        jdbc.sql("delete from adjustment_settlement_line where adjustment_id = :adjustment")
                .param("adjustment", settled.adjustmentId()).update();
        List<DisputeAdjustmentSettled.Line> lines = settled.lines() == null ? List.of() : settled.lines();
        for (int i = 0; i < lines.size(); i++) {
            DisputeAdjustmentSettled.Line line = lines.get(i);
            jdbc.sql("""
                            insert into adjustment_settlement_line (adjustment_id, line_number, line_id,
                                                                    statement_line_id, amount)
                            values (:adjustment, :number, :line, :statementLine, :amount)""")
                    .param("adjustment", settled.adjustmentId()).param("number", i + 1)
                    .param("line", line.lineId()).param("statementLine", line.statementLineId())
                    .param("amount", new BigDecimal(line.amount())).update();
        }
    }

    /**
     * Records that the discarded statement's placements no longer stand: each adjustment it released is pending again
     * unless (or until) a placement on another document is known. Kept per adjustment and statement, whichever of the
     * discard and the placement it revokes arrives first (a discarded statement never carries anything again, so
     * there is nothing to order by time); a redelivery changes nothing.
     */
    void discarded(StatementDiscarded discarded) {
        List<String> released = discarded.releasedAdjustmentIds() == null ? List.of()
                : discarded.releasedAdjustmentIds();
        Instant at = discarded.discardedAt() != null ? discarded.discardedAt()
                : discarded.occurredAt() == null ? Instant.EPOCH : discarded.occurredAt();
        for (String adjustmentId : released) {
            jdbc.sql("""
                            insert into adjustment_release (adjustment_id, document_id, released_at)
                            values (:adjustment, :document, :at) on conflict do nothing""")
                    .param("adjustment", adjustmentId).param("document", discarded.statementId())
                    .param("at", at.atOffset(ZoneOffset.UTC)).update();
        }
        log.info("Statement {} was discarded: adjustments {} are pending again unless placed since",
                discarded.statementId(), released);
    }

    /**
     * Where the dispute's adjustment was settled (the latest placement, should there be several), if settlement
     * said; pending when that placement's statement was discarded since. As staff see it: with the ids of a document
     * not issued yet ({@link DisputeResources.AdjustmentSettlementView#forPartner()} is what a partner sees).
     */
    Optional<DisputeResources.AdjustmentSettlementView> of(UUID disputeId) {
        return jdbc.sql("""
                        select placement.*, revoked.released_at
                        from adjustment_settlement placement
                        left join adjustment_release revoked on revoked.adjustment_id = placement.adjustment_id
                                                            and revoked.document_id = placement.document_id
                        where placement.dispute_id = :dispute
                        order by placement.settled_at desc, placement.adjustment_id limit 1""")
                .param("dispute", disputeId.toString())
                .query((rs, row) -> {
                    OffsetDateTime released = rs.getObject("released_at", OffsetDateTime.class);
                    if (released != null) {
                        return DisputeResources.AdjustmentSettlementView.pending(rs.getString("adjustment_id"),
                                released.toInstant());
                    }
                    return DisputeResources.AdjustmentSettlementView.placed(rs.getString("adjustment_id"),
                            rs.getString("settled_on"), rs.getString("document_id"), rs.getString("line_id"),
                            documents.documentNumber(rs.getString("document_id")).orElse(null),
                            DisputeViews.money(rs.getBigDecimal("amount"), rs.getString("currency")),
                            rs.getObject("settled_at", OffsetDateTime.class).toInstant(),
                            lines(rs.getString("adjustment_id"), rs.getString("currency")));
                })
                .optional();
    }

    /** The lines the placement names, in document order; {@code null} when its event named one line only. */
    private List<DisputeResources.SettledLine> lines(String adjustmentId, String currency) {
        List<DisputeResources.SettledLine> lines = jdbc.sql("""
                        select line_id, statement_line_id, amount from adjustment_settlement_line
                        where adjustment_id = :adjustment order by line_number""")
                .param("adjustment", adjustmentId)
                .query((rs, row) -> new DisputeResources.SettledLine(rs.getString("line_id"),
                        rs.getString("statement_line_id"), DisputeViews.money(rs.getBigDecimal("amount"), currency)))
                .list();
        return lines.isEmpty() ? null : lines;
    }
}
