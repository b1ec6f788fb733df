package io.accord.dispute.document;

import io.accord.contracts.events.AgreementActivated;
import io.accord.contracts.events.ReconciliationDiscrepancyFound;
import io.accord.contracts.events.StatementIssued;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What a partner may dispute, learnt from events: issued statements (issue date, currency, total) and their lines
 * (id, rounded amount, offering, usage type and line type) from {@code StatementIssued}, line amounts a reconciliation names from
 * {@code ReconciliationDiscrepancyFound} (statements issued before the event carried lines), and each partner's
 * dispute window from its agreement in force ({@code AgreementActivated}). The entry point of the document feature.
 */
@Component
@EnableConfigurationProperties(DocumentProperties.class)
public class DisputableDocuments {

    private final JdbcClient jdbc;
    private final DocumentProperties properties;

    DisputableDocuments(JdbcClient jdbc, DocumentProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /**
     * Records an issued statement and its lines (idempotent: a redelivery changes nothing). An event without
     * {@code lines} (published before they existed) leaves the lines unknown: amounts then come from reconciliations.
     */
    @Transactional
    public void issued(StatementIssued issued) {
        jdbc.sql("""
                        insert into issued_statement (statement_id, partner_id, document_number, period_id, currency,
                                                      total_amount, issued_at, lines_known)
                        values (:id, :partner, :number, :period, :currency, :total, :issuedAt, :linesKnown)
                        on conflict (statement_id) do nothing
                        """)
                .param("id", issued.statementId()).param("partner", UUID.fromString(issued.partnerId()))
                .param("number", issued.documentNumber()).param("period", issued.periodId())
                .param("currency", issued.currency()).param("total", new BigDecimal(issued.totalAmount()))
                .param("issuedAt", ts(issued.issuedAt() != null ? issued.issuedAt() : issued.occurredAt()))
                .param("linesKnown", issued.lines() != null).update();
        if (issued.lines() == null) {
            return;
        }
        for (StatementIssued.Line line : issued.lines()) {
            jdbc.sql("""
                            insert into statement_line (statement_line_id, statement_id, amount, line_number, label,
                                                        offering_id, usage_type, line_type)
                            values (:line, :statement, :amount, :number, :label, :offering, :usageType, :type)
                            on conflict (statement_line_id) do update set amount = excluded.amount,
                                line_number = excluded.line_number, label = excluded.label,
                                offering_id = excluded.offering_id, usage_type = excluded.usage_type,
                                line_type = excluded.line_type
                            """)
                    .param("line", line.lineId()).param("statement", issued.statementId())
                    .param("amount", new BigDecimal(line.amount())).param("number", line.lineNumber())
                    .param("label", line.label()).param("offering", line.offeringId())
                    .param("usageType", line.usageType()).param("type", line.type()).update();
        }
    }

    /** Records the amounts of the statement lines a reconciliation named. */
    @Transactional
    public void linesOf(ReconciliationDiscrepancyFound found) {
        for (ReconciliationDiscrepancyFound.Discrepancy line : found.lines()) {
            if (line.statementLineId() != null && line.statementAmount() != null) {
                jdbc.sql("""
                                insert into statement_line (statement_line_id, statement_id, amount)
                                values (:line, :statement, :amount)
                                on conflict (statement_line_id) do update set amount = excluded.amount
                                """)
                        .param("line", line.statementLineId()).param("statement", found.statementId())
                        .param("amount", new BigDecimal(line.statementAmount())).update();
            }
        }
    }

    /** Keeps the partner's dispute window from the agreement that came into force (the newest by sequence). */
    @Transactional
    public void agreementActivated(AgreementActivated activated, Long sequence) {
        int days = activated.terms() == null ? 0 : activated.terms().disputeWindowDays();
        jdbc.sql("""
                        insert into partner_dispute_window (partner_id, window_days, agreement_id, sequence)
                        values (:partner, :days, :agreement, :sequence)
                        on conflict (partner_id) do update set window_days = excluded.window_days,
                            agreement_id = excluded.agreement_id, sequence = excluded.sequence
                        where partner_dispute_window.sequence is null or excluded.sequence is null
                            or partner_dispute_window.sequence < excluded.sequence
                        """)
                .param("partner", UUID.fromString(activated.partnerId())).param("days", days)
                .param("agreement", activated.agreementId()).param("sequence", sequence).update();
    }

    /** The issued statement, if it is one of {@code partner}'s. */
    @Transactional(readOnly = true)
    public Optional<Statement> statement(String statementId, UUID partner) {
        return jdbc.sql("select * from issued_statement where statement_id = :id and partner_id = :partner")
                .param("id", statementId).param("partner", partner).query(this::statement).optional();
    }

    /**
     * The issued statement, its row locked for the rest of the caller's transaction: what is credited on a statement
     * is checked and changed under this lock, so two disputes on it cannot both take the same remainder.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Statement> statementForUpdate(String statementId, UUID partner) {
        return jdbc.sql("""
                        select * from issued_statement where statement_id = :id and partner_id = :partner for update
                        """)
                .param("id", statementId).param("partner", partner).query(this::statement).optional();
    }

    /** The number of an issued document (statement or credit/debit note), once its {@code StatementIssued} came. */
    @Transactional(readOnly = true)
    public Optional<String> documentNumber(String statementId) {
        return jdbc.sql("select document_number from issued_statement where statement_id = :id")
                .param("id", statementId).query(String.class).optional();
    }

    /** The amount of a statement line, when an event told it. */
    @Transactional(readOnly = true)
    public Optional<BigDecimal> lineAmount(String statementId, String statementLineId) {
        return jdbc.sql("select amount from statement_line where statement_line_id = :line and statement_id = :s")
                .param("line", statementLineId).param("s", statementId).query(BigDecimal.class).optional();
    }

    /**
     * The statement's lines as its {@code StatementIssued} listed them (with offering, usage type and line type since
     * they are kept), or as reconciliations named them (amount only).
     */
    @Transactional(readOnly = true)
    public List<Line> lines(String statementId) {
        return jdbc.sql("""
                        select statement_line_id, amount, line_type, offering_id, usage_type from statement_line
                        where statement_id = :s order by line_number nulls last, statement_line_id
                        """)
                .param("s", statementId)
                .query((rs, row) -> new Line(rs.getString("statement_line_id"), rs.getBigDecimal("amount"),
                        rs.getString("line_type"), rs.getString("offering_id"), rs.getString("usage_type")))
                .list();
    }

    /** The partner's dispute window in days: its agreement's, else the configured default. */
    @Transactional(readOnly = true)
    public int windowDays(UUID partner) {
        return jdbc.sql("select window_days from partner_dispute_window where partner_id = :partner")
                .param("partner", partner).query(Integer.class).optional().filter(days -> days > 0)
                .orElse(properties.defaultWindowDays());
    }

    private Statement statement(ResultSet rs, int row) throws SQLException {
        return new Statement(rs.getString("statement_id"), rs.getObject("partner_id", UUID.class),
                rs.getString("document_number"), rs.getString("period_id"), rs.getString("currency"),
                rs.getBigDecimal("total_amount"),
                rs.getObject("issued_at", OffsetDateTime.class).toInstant(), rs.getBoolean("lines_known"));
    }

    private static OffsetDateTime ts(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /**
     * A statement line as disputes need it.
     *
     * @param type       e.g. {@code USAGE_REVENUE_SHARE}, {@code WHOLESALE}; {@code null} when not known
     * @param offeringId {@code null} when not known (or the line has none)
     * @param usageType  {@code null} when not known (or the line has none)
     */
    public record Line(String lineId, BigDecimal amount, String type, String offeringId, String usageType) {
    }

    /**
     * An issued statement as disputes need it.
     *
     * @param linesKnown its lines came with its issue: a line id it does not have is not one of its lines
     */
    public record Statement(String statementId, UUID partnerId, String documentNumber, String periodId,
                            String currency, BigDecimal totalAmount, Instant issuedAt, boolean linesKnown) {
    }
}
