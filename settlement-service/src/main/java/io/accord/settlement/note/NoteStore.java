package io.accord.settlement.note;

import io.accord.platform.persistence.PagedQuery;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Credit and debit notes with their lines in PostgreSQL. */
@Repository
class NoteStore {

    private final JdbcClient jdbc;

    NoteStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(CorrectionNote note, Instant now) {
        jdbc.sql("""
                        insert into correction_note (id, note_type, statement_id, partner_id, period_id, state,
                                                     currency, net_amount, tax_rate_percent, tax_amount, tax_note,
                                                     total_amount, reason, prepared_by, proposed_by, created_at)
                        values (:id, :type, :statement, :partner, :period, :state, :currency, :net, :rate, :tax,
                                :note, :total, :reason, :preparedBy, :proposedBy, :now)""")
                .param("id", note.id).param("type", note.type.name()).param("statement", note.statementId)
                .param("partner", note.partnerId).param("period", note.periodId)
                .param("state", note.state().name()).param("currency", note.currency).param("net", note.net)
                .param("rate", note.taxRatePercent).param("tax", note.tax).param("note", note.taxNote)
                .param("total", note.total).param("reason", note.reason).param("preparedBy", note.preparedBy)
                .param("proposedBy", note.proposedBy).param("now", Timestamp.from(now)).update();
        int number = 0;
        for (CorrectionNote.Line line : note.lines) {
            jdbc.sql("""
                            insert into correction_note_line (note_id, line_no, label, amount, statement_line_number)
                            values (:id, :no, :label, :amount, :statementLine)""")
                    .param("id", note.id).param("no", ++number).param("label", line.label())
                    .param("amount", line.amount()).param("statementLine", line.statementLineNumber()).update();
        }
    }

    void update(CorrectionNote note) {
        jdbc.sql("""
                        update correction_note set state = :state, approved_by = :approvedBy,
                               approved_at = :approvedAt, document_number = :number, issuing_entity_id = :entity,
                               issued_at = :issuedAt, withdrawn_by = :withdrawnBy, withdrawn_at = :withdrawnAt,
                               withdrawal_reason = :withdrawalReason
                        where id = :id""")
                .param("state", note.state().name()).param("approvedBy", note.approvedBy())
                .param("approvedAt", timestamp(note.approvedAt())).param("number", note.documentNumber())
                .param("entity", note.issuingEntityId()).param("issuedAt", timestamp(note.issuedAt()))
                .param("withdrawnBy", note.withdrawnBy()).param("withdrawnAt", timestamp(note.withdrawnAt()))
                .param("withdrawalReason", note.withdrawalReason()).param("id", note.id).update();
    }

    Optional<CorrectionNote> find(UUID id) {
        return jdbc.sql("select * from correction_note where id = :id").param("id", id)
                .query((rs, row) -> restore(rs)).optional();
    }

    Optional<CorrectionNote> lock(UUID id) {
        return jdbc.sql("select * from correction_note where id = :id for update").param("id", id)
                .query((rs, row) -> restore(rs)).optional();
    }

    /** The statement's notes in every state, oldest first. */
    List<CorrectionNote> ofStatement(UUID statementId) {
        return jdbc.sql("select * from correction_note where statement_id = :statement order by created_at, id")
                .param("statement", statementId).query((rs, row) -> restore(rs)).list();
    }

    Page<CorrectionNote> list(UUID partnerId, UUID statementId, String state, Pageable page) {
        return PagedQuery.from(jdbc, """
                        correction_note
                         where (cast(:partner as uuid) is null or partner_id = :partner)
                           and (cast(:statement as uuid) is null or statement_id = :statement)
                           and (cast(:state as text) is null or state = :state)
                        """)
                .param("partner", partnerId).param("statement", statementId).param("state", state)
                .orderBy("created_at desc, id").page(page, (rs, row) -> restore(rs));
    }

    private CorrectionNote restore(ResultSet rs) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        List<CorrectionNote.Line> lines = jdbc.sql(
                        "select * from correction_note_line where note_id = :id order by line_no")
                .param("id", id).query((line, row) -> new CorrectionNote.Line(line.getString("label"),
                        line.getBigDecimal("amount"),
                        (Integer) line.getObject("statement_line_number"))).list();
        return new CorrectionNote(id, CorrectionNote.Type.valueOf(rs.getString("note_type")),
                rs.getObject("statement_id", UUID.class), rs.getObject("partner_id", UUID.class),
                rs.getObject("period_id", UUID.class), rs.getString("currency"), lines,
                rs.getBigDecimal("net_amount"), rs.getString("tax_rate_percent"),
                rs.getBigDecimal("tax_amount"), rs.getString("tax_note"),
                rs.getBigDecimal("total_amount"), rs.getString("reason"),
                rs.getString("prepared_by"), rs.getString("proposed_by"))
                .restored(CorrectionNote.State.valueOf(rs.getString("state")), rs.getString("approved_by"),
                        instant(rs.getTimestamp("approved_at")), rs.getString("document_number"),
                        rs.getString("issuing_entity_id"), instant(rs.getTimestamp("issued_at")),
                        rs.getString("withdrawn_by"), instant(rs.getTimestamp("withdrawn_at")),
                        rs.getString("withdrawal_reason"));
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
