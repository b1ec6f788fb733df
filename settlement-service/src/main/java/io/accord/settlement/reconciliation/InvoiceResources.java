package io.accord.settlement.reconciliation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Request and response records of partner invoices, reconciliations and usage matches. */
final class InvoiceResources {

    static final String INVOICES = "/api/settlement/partner-invoices";
    static final String RECONCILIATIONS = "/api/settlement/reconciliations";
    static final String USAGE_MATCHES = "/api/settlement/usage-matches";
    /** Where credit and debit notes are read (the note feature's resource). */
    static final String NOTES = "/api/settlement/notes";

    private InvoiceResources() {
    }

    /**
     * A partner invoice as submitted. Values are strings so that every problem is reported naming its field.
     *
     * @param partnerId staff: the partner submitted for (required); a partner: absent or its own
     * @param lines     the lines (JSON); absent when a CSV of lines is uploaded
     */
    record SubmitInvoice(String partnerId, String periodId, String invoiceNumber, String invoiceDate,
                         String currency, List<InvoiceLineInput> lines) {
    }

    /**
     * @param amount      in the statement's sign convention (positive: payable to the partner), at the minor unit
     * @param periodStart the start date of the period the line is about; absent: the invoice's period
     * @param side        {@code REVENUE_SHARE} (the partner's supply to us) or {@code WHOLESALE} (ours to it); absent:
     *                    by the amount's sign (positive revenue share, negative wholesale)
     */
    record InvoiceLineInput(String offeringId, String usageType, String periodStart, String reference,
                            String description, String quantity, String amount, String side) {
    }

    /** Optional settings of one reconciliation: the matching keys (default: the configured ones). */
    record ReconcileRequest(List<String> keys) {
    }

    /** Optional settings of one usage match (absent: the configured defaults). */
    record UsageMatchRequest(String mode, Integer timeToleranceSeconds, String quantityTolerance,
                             String amountTolerance) {
    }

    /**
     * An invoice.
     *
     * @param state        {@code SUBMITTED}, or {@code SUPERSEDED} by a later invoice of the same period (no longer
     *                     reconciled)
     * @param supersededBy the later invoice, {@code null} while this one is the period's current invoice
     */
    record InvoiceView(UUID id, String href, UUID partnerId, UUID periodId, String invoiceNumber,
                       LocalDate invoiceDate, String currency, BigDecimal totalAmount, int lineCount,
                       Attachment pdf, UsageFile usageFile, String submittedBy, Instant submittedAt,
                       List<InvoiceLineView> lines, ReconciliationSummary latestReconciliation,
                       UsageMatchSummary latestUsageMatch, String state, InvoiceRef supersededBy) {
    }

    /** Another invoice, named by its id, number and where to read it. */
    record InvoiceRef(UUID id, String invoiceNumber, String href) {
    }

    /** The invoice's latest usage match, to follow with {@code href}. */
    record UsageMatchSummary(UUID id, String href, String state) {
    }

    record Attachment(String fileName, String sha256, String href) {
    }

    record UsageFile(String fileName, long rows, String sha256) {
    }

    /** @param side as stated, or as read from the amount's sign when the line did not state it */
    record InvoiceLineView(int lineNo, String offeringId, String usageType, LocalDate periodStart, String reference,
                           String description, BigDecimal quantity, BigDecimal amount, String side) {
    }

    record ReconciliationSummary(UUID id, String href, Map<String, Integer> outcomes, boolean discrepancies) {
    }

    /**
     * A reconciliation.
     *
     * @param statementTotal our side: the statement's lines (tax aside) and its issued notes' lines
     * @param notes          the issued credit and debit notes our side included, empty when it included none
     */
    record ReconciliationView(UUID id, String href, UUID partnerInvoiceId, String partnerInvoiceNumber,
                              UUID partnerId, UUID periodId, UUID statementId, String documentNumber,
                              List<String> keys, String currency, BigDecimal absoluteTolerance,
                              BigDecimal percentTolerance, Map<String, Integer> outcomes,
                              BigDecimal statementTotal, BigDecimal invoiceTotal, BigDecimal difference,
                              boolean discrepancies, String reconciledBy, Instant reconciledAt,
                              List<IncludedNote> notes, List<ResultLine> lines) {
    }

    /** An issued credit or debit note our side included (its lines sum into the result lines naming them). */
    record IncludedNote(UUID id, String href, String type, String documentNumber, Instant issuedAt) {
    }

    /**
     * One compared key: our amount, theirs, the difference (theirs − ours) and the tolerance it was held to.
     *
     * @param side           {@code REVENUE_SHARE} or {@code WHOLESALE}; {@code null} when the keys did not use SIDE
     * @param discrepancyKey the key's identity on the statement, the same whichever invoice of the period was
     *                       reconciled ({@code <statementId>/<offering>/<usageType>/<period>/<side>/<reference>})
     * @param noteLineIds    the lines of our issued notes summed into {@code statementAmount} besides the statement's
     *                       own lines ({@code <note id>-<line number>})
     */
    record ResultLine(int lineNo, String outcome, boolean beyondTolerance, String offeringId, String usageType,
                      String period, String reference, List<String> statementLineIds, List<Integer> invoiceLineNos,
                      BigDecimal statementAmount, BigDecimal invoiceAmount, BigDecimal difference,
                      BigDecimal tolerance, String side, String discrepancyKey, List<String> noteLineIds) {
    }

    /**
     * A usage match.
     *
     * @param basis what our side was: {@code STATEMENT} (the rated records the period's statement billed, late usage
     *              of earlier periods included) or {@code PERIOD_WINDOW} (every rated record of the period's usage time
     *              window: a period still OPEN, one summed before the statement basis existed, and every older match)
     */
    record UsageMatchView(UUID id, String href, UUID partnerInvoiceId, UUID partnerId, String mode, String basis,
                          int timeToleranceSeconds, BigDecimal quantityTolerance, BigDecimal amountTolerance,
                          String state, String error, Map<String, OutcomeTotals> outcomes, String unmatchedHref,
                          String requestedBy, Instant requestedAt, Instant completedAt) {
    }

    /** Per outcome: how many records, and the sums of our and their quantities and amounts. */
    record OutcomeTotals(long count, BigDecimal ourQuantity, BigDecimal theirQuantity, BigDecimal ourAmount,
                         BigDecimal theirAmount) {
    }
}
