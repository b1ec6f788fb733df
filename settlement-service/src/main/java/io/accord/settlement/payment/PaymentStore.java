package io.accord.settlement.payment;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;

import static io.accord.settlement.money.SettlementMath.atMinorUnit;

/** Recorded payments; never changed afterwards. */
@Repository
class PaymentStore {

    private final JdbcClient jdbc;

    PaymentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The statement's earliest payment with this bank reference, ignoring case (as its unique index does). */
    java.util.Optional<Payments.Payment> withReference(UUID statementId, String reference) {
        return jdbc.sql(SELECT + " where p.statement_id = :s and lower(p.reference) = lower(:r)"
                        + " order by p.recorded_at, p.id limit 1")
                .param("s", statementId).param("r", reference).query(PaymentStore::payment).optional();
    }

    void insert(Payments.Payment payment) {
        jdbc.sql("""
                        insert into statement_payment (id, statement_id, partner_id, direction, amount, currency,
                                                       paid_on, reference, remaining_amount, statement_state,
                                                       recorded_by, recorded_at)
                        values (:id, :statement, :partner, :direction, :amount, :currency, :paidOn, :reference,
                                :remaining, :state, :by, :at)""")
                .param("id", payment.id()).param("statement", payment.statementId())
                .param("partner", payment.partnerId()).param("direction", payment.direction())
                .param("amount", payment.amount())
                .param("currency", payment.currency()).param("paidOn", payment.paidOn())
                .param("reference", payment.reference()).param("remaining", payment.remainingAmount())
                .param("state", payment.statementState())
                .param("by", payment.recordedBy()).param("at", Timestamp.from(payment.recordedAt())).update();
    }

    List<Payments.Payment> ofStatement(UUID statementId) {
        return jdbc.sql(SELECT + " where p.statement_id = :s order by p.recorded_at, p.id")
                .param("s", statementId).query(PaymentStore::payment).list();
    }

    private static final String SELECT = """
            select p.*, s.document_number from statement_payment p
            join statement s on s.id = p.statement_id""";

    private static Payments.Payment payment(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Payments.Payment(rs.getObject("id", UUID.class),
                rs.getObject("statement_id", UUID.class), rs.getObject("partner_id", UUID.class),
                rs.getString("document_number"),
                rs.getString("direction"),
                atMinorUnit(rs.getBigDecimal("amount"), rs.getString("currency")),
                rs.getString("currency"),
                rs.getObject("paid_on", java.time.LocalDate.class), rs.getString("reference"),
                atMinorUnit(rs.getBigDecimal("remaining_amount"), rs.getString("currency")),
                rs.getString("statement_state"),
                rs.getString("recorded_by"), rs.getTimestamp("recorded_at").toInstant());
    }
}
