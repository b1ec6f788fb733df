package io.accord.settlement.reconciliation;

import io.accord.platform.persistence.PagedQuery;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Partner invoices, their lines and their reconciliations in PostgreSQL. */
@Repository
class InvoiceStore {

    private final JdbcClient jdbc;

    InvoiceStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A stored invoice (without its PDF bytes).
     *
     * @param state        {@link #SUBMITTED} or {@link #SUPERSEDED}
     * @param supersededBy the later invoice of the period that superseded it, else {@code null}
     */
    record Invoice(UUID id, UUID partnerId, UUID periodId, String invoiceNumber, LocalDate invoiceDate,
                   String currency, BigDecimal totalAmount, int lineCount, String pdfSha256, String pdfFileName,
                   Long usageRows, String usageSha256, String usageFileName, String submittedBy,
                   Instant submittedAt, String state, UUID supersededBy) {

        boolean superseded() {
            return SUPERSEDED.equals(state);
        }
    }

    static final String SUBMITTED = "SUBMITTED";
    static final String SUPERSEDED = "SUPERSEDED";

    record Pdf(byte[] bytes, String sha256, String fileName) {
    }

    private static final String LIST_FILTER = """
            where (cast(:partner as uuid) is null or partner_id = cast(:partner as uuid))
              and (cast(:period as uuid) is null or period_id = cast(:period as uuid))
            """;

    boolean numberTaken(UUID partnerId, String invoiceNumber) {
        return jdbc.sql("select count(*) from partner_invoice where partner_id = :p and invoice_number = :n")
                .param("p", partnerId).param("n", invoiceNumber).query(Integer.class).single() > 0;
    }

    /**
     * Holds the partner's period until the transaction ends, so that of two invoices submitted for it at once the
     * second sees the first (and supersedes it, or is refused as its duplicate).
     */
    void lockPeriod(UUID partnerId, UUID periodId) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('partner-invoice'), hashtext(:key))")
                .param("key", partnerId + "/" + periodId).query((rs, row) -> 1).single();
    }

    /** The partner's invoices of the period that no later one superseded, oldest first. */
    List<Invoice> current(UUID partnerId, UUID periodId) {
        return jdbc.sql("""
                        select * from partner_invoice
                        where partner_id = :partner and period_id = :period and state = 'SUBMITTED'
                        order by submitted_at, id""")
                .param("partner", partnerId).param("period", periodId).query(this::invoice).list();
    }

    /** Marks the invoice superseded by {@code by} (a later invoice of the same period). */
    void supersede(UUID invoiceId, UUID by, Instant at) {
        jdbc.sql("""
                        update partner_invoice set state = 'SUPERSEDED', superseded_by = :by, superseded_at = :at
                        where id = :id and state = 'SUBMITTED'""")
                .param("by", by).param("at", ts(at)).param("id", invoiceId).update();
    }

    void insert(Invoice invoice, List<InvoiceLines.Valid> lines, Pdf pdf) {
        jdbc.sql("""
                        insert into partner_invoice (id, partner_id, period_id, invoice_number, invoice_date, currency,
                                total_amount, line_count, pdf, pdf_sha256, pdf_file_name, submitted_by, submitted_at)
                        values (:id, :partner, :period, :number, :date, :currency, :total, :count, :pdf, :sha,
                                :pdfName, :by, :at)""")
                .param("id", invoice.id()).param("partner", invoice.partnerId()).param("period", invoice.periodId())
                .param("number", invoice.invoiceNumber()).param("date", invoice.invoiceDate())
                .param("currency", invoice.currency()).param("total", invoice.totalAmount())
                .param("count", invoice.lineCount()).param("pdf", pdf == null ? null : pdf.bytes())
                .param("sha", pdf == null ? null : pdf.sha256()).param("pdfName", pdf == null ? null : pdf.fileName())
                .param("by", invoice.submittedBy()).param("at", ts(invoice.submittedAt())).update();
        for (InvoiceLines.Valid line : lines) {
            jdbc.sql("""
                            insert into partner_invoice_line (invoice_id, line_no, offering_id, usage_type,
                                    period_start, reference, description, quantity, amount, side)
                            values (:id, :no, :offering, :usageType, :start, :reference, :description, :quantity,
                                    :amount, :side)""")
                    .param("id", invoice.id()).param("no", line.lineNo()).param("offering", line.offeringId())
                    .param("usageType", line.usageType()).param("start", line.periodStart())
                    .param("reference", line.reference()).param("description", line.description())
                    .param("quantity", line.quantity()).param("amount", line.amount())
                    .param("side", line.statedSide()).update();
        }
    }

    Optional<Invoice> find(UUID id) {
        return jdbc.sql("select * from partner_invoice where id = :id").param("id", id).query(this::invoice)
                .optional();
    }

    /** The invoice's row locked until the transaction ends (one usage upload or reconciliation at a time). */
    Optional<Invoice> lock(UUID id) {
        return jdbc.sql("select * from partner_invoice where id = :id for update").param("id", id)
                .query(this::invoice).optional();
    }

    Optional<Pdf> pdf(UUID id) {
        return jdbc.sql("select pdf, pdf_sha256, pdf_file_name from partner_invoice where id = :id and pdf is not null")
                .param("id", id).query((rs, row) -> new Pdf(rs.getBytes(1), rs.getString(2), rs.getString(3)))
                .optional();
    }

    List<InvoiceLines.Valid> lines(UUID invoiceId, LocalDate periodStart) {
        return jdbc.sql("select * from partner_invoice_line where invoice_id = :id order by line_no")
                .param("id", invoiceId).query((rs, row) -> {
                    LocalDate start = rs.getObject("period_start", LocalDate.class);
                    return new InvoiceLines.Valid(rs.getInt("line_no"), rs.getString("offering_id"),
                            rs.getString("usage_type"), start, start != null && start.isBefore(periodStart)
                            ? LineMatching.PRIOR : LineMatching.CURRENT, rs.getString("reference"),
                            rs.getString("description"), rs.getBigDecimal("quantity"), rs.getBigDecimal("amount"),
                            rs.getString("side"));
                }).list();
    }

    void usageFile(UUID invoiceId, long rows, String sha256, String fileName) {
        jdbc.sql("""
                        update partner_invoice set usage_rows = :rows, usage_sha256 = :sha, usage_file_name = :name
                        where id = :id""")
                .param("rows", rows).param("sha", sha256).param("name", fileName).param("id", invoiceId).update();
    }

    /** A stored reconciliation with its lines. */
    record Reconciliation(UUID id, UUID invoiceId, UUID partnerId, UUID periodId, UUID statementId,
                          String documentNumber, List<String> keys, String currency, BigDecimal absoluteTolerance,
                          BigDecimal percentTolerance, BigDecimal statementTotal, BigDecimal invoiceTotal,
                          BigDecimal difference, boolean discrepancies, String reconciledBy, Instant reconciledAt,
                          List<LineMatching.Result> lines) {
    }

    void insert(Reconciliation reconciliation) {
        jdbc.sql("""
                        insert into reconciliation (id, invoice_id, partner_id, period_id, statement_id,
                                document_number, match_keys, currency, absolute_tolerance, percent_tolerance,
                                statement_total, invoice_total, difference, discrepancies, reconciled_by,
                                reconciled_at)
                        values (:id, :invoice, :partner, :period, :statement, :number, :keys, :currency, :absolute,
                                :percent, :ours, :theirs, :difference, :discrepancies, :by, :at)""")
                .param("id", reconciliation.id()).param("invoice", reconciliation.invoiceId())
                .param("partner", reconciliation.partnerId()).param("period", reconciliation.periodId())
                .param("statement", reconciliation.statementId())
                .param("number", reconciliation.documentNumber())
                .param("keys", String.join(",", reconciliation.keys())).param("currency", reconciliation.currency())
                .param("absolute", reconciliation.absoluteTolerance())
                .param("percent", reconciliation.percentTolerance())
                .param("ours", reconciliation.statementTotal()).param("theirs", reconciliation.invoiceTotal())
                .param("difference", reconciliation.difference())
                .param("discrepancies", reconciliation.discrepancies()).param("by", reconciliation.reconciledBy())
                .param("at", ts(reconciliation.reconciledAt())).update();
        int number = 0;
        for (LineMatching.Result line : reconciliation.lines()) {
            jdbc.sql("""
                            insert into reconciliation_line (reconciliation_id, line_no, outcome, beyond_tolerance,
                                    offering_id, usage_type, period_key, reference, statement_line_ids,
                                    invoice_line_nos, statement_amount, invoice_amount, difference, tolerance, side,
                                    note_line_ids)
                            values (:id, :no, :outcome, :beyond, :offering, :usageType, :period, :reference,
                                    :lineIds, :invoiceLines, :ours, :theirs, :difference, :tolerance, :side,
                                    :noteLines)""")
                    .param("id", reconciliation.id()).param("no", ++number).param("outcome", line.outcome().name())
                    .param("beyond", line.beyondTolerance()).param("offering", line.offeringId())
                    .param("usageType", line.usageType()).param("period", line.period())
                    .param("reference", line.reference())
                    .param("lineIds", line.statementLineIds().isEmpty() ? null
                            : String.join(",", line.statementLineIds()))
                    .param("invoiceLines", line.invoiceLineIds().isEmpty() ? null
                            : String.join(",", line.invoiceLineIds()))
                    .param("ours", line.ours()).param("theirs", line.theirs())
                    .param("difference", line.difference()).param("tolerance", line.tolerance())
                    .param("side", line.side()).param("noteLines", line.noteLineIds().isEmpty() ? null
                            : String.join(",", line.noteLineIds())).update();
        }
    }

    /** A page of invoices, newest first, without their PDFs; {@code null} filters are not applied. */
    org.springframework.data.domain.Page<Invoice> page(UUID partnerId, UUID periodId,
                                                       org.springframework.data.domain.Pageable page) {
        return PagedQuery.from(jdbc, "partner_invoice " + LIST_FILTER)
                .param("partner", partnerId).param("period", periodId)
                .select("""
                        id, partner_id, period_id, invoice_number, invoice_date, currency, total_amount,
                        line_count, pdf_sha256, pdf_file_name, usage_rows, usage_sha256, usage_file_name,
                        submitted_by, submitted_at, state, superseded_by""")
                .orderBy("submitted_at desc, id desc")
                .page(page, this::invoice);
    }

    /** The invoice's latest usage match: its id and state. */
    Optional<LatestMatch> latestUsageMatch(UUID invoiceId) {
        return jdbc.sql("select id, state from usage_match where invoice_id = :id order by requested_at desc limit 1")
                .param("id", invoiceId)
                .query((rs, row) -> new LatestMatch(rs.getObject("id", UUID.class), rs.getString("state")))
                .optional();
    }

    record LatestMatch(UUID id, String state) {
    }

    Optional<Reconciliation> reconciliation(UUID id) {
        return jdbc.sql("select * from reconciliation where id = :id").param("id", id)
                .query(this::reconciliationRow).optional();
    }

    Optional<Reconciliation> latestReconciliation(UUID invoiceId) {
        return jdbc.sql("select * from reconciliation where invoice_id = :id order by reconciled_at desc limit 1")
                .param("id", invoiceId).query(this::reconciliationRow).optional();
    }

    private Reconciliation reconciliationRow(ResultSet rs, int row) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        List<LineMatching.Result> lines = jdbc.sql(
                        "select * from reconciliation_line where reconciliation_id = :id order by line_no")
                .param("id", id).query((line, n) -> new LineMatching.Result(
                        LineMatching.Outcome.valueOf(line.getString("outcome")), line.getBoolean("beyond_tolerance"),
                        line.getString("offering_id"), line.getString("usage_type"), line.getString("period_key"),
                        line.getString("reference"), split(line.getString("statement_line_ids")),
                        split(line.getString("invoice_line_nos")),
                        line.getBigDecimal("statement_amount"), line.getBigDecimal("invoice_amount"),
                        line.getBigDecimal("difference"), line.getBigDecimal("tolerance"),
                        line.getString("side"), split(line.getString("note_line_ids")))).list();
        return new Reconciliation(id, rs.getObject("invoice_id", UUID.class), rs.getObject("partner_id", UUID.class),
                rs.getObject("period_id", UUID.class), rs.getObject("statement_id", UUID.class),
                rs.getString("document_number"), split(rs.getString("match_keys")), rs.getString("currency"),
                rs.getBigDecimal("absolute_tolerance"), rs.getBigDecimal("percent_tolerance"),
                rs.getBigDecimal("statement_total"), rs.getBigDecimal("invoice_total"),
                rs.getBigDecimal("difference"), rs.getBoolean("discrepancies"), rs.getString("reconciled_by"),
                rs.getObject("reconciled_at", OffsetDateTime.class).toInstant(), lines);
    }

    private Invoice invoice(ResultSet rs, int row) throws SQLException {
        return new Invoice(rs.getObject("id", UUID.class), rs.getObject("partner_id", UUID.class),
                rs.getObject("period_id", UUID.class), rs.getString("invoice_number"),
                rs.getObject("invoice_date", LocalDate.class), rs.getString("currency"),
                rs.getBigDecimal("total_amount"), rs.getInt("line_count"), rs.getString("pdf_sha256"),
                rs.getString("pdf_file_name"), rs.getObject("usage_rows", Long.class), rs.getString("usage_sha256"),
                rs.getString("usage_file_name"), rs.getString("submitted_by"),
                rs.getObject("submitted_at", OffsetDateTime.class).toInstant(), rs.getString("state"),
                rs.getObject("superseded_by", UUID.class));
    }

    private static List<String> split(String joined) {
        return joined == null ? List.of() : Arrays.asList(joined.split(","));
    }

    private static OffsetDateTime ts(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
