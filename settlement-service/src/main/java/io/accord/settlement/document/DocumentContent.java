package io.accord.settlement.document;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What an issued settlement document says, handed over by the feature that issues it (statements, credit and debit
 * notes). {@link SettlementDocuments} adds the parties (the issuing entity, the partner's legal data) and the bank
 * account for payment, and renders it as PDF and JSON. Amounts are rounded to the currency's minor unit; positive is
 * payable to the partner, negative owed by it.
 *
 * @param documentId             the statement's or note's id (one document each)
 * @param documentType           {@code REVENUE_SHARE_STATEMENT}, {@code WHOLESALE_INVOICE},
 *                               {@code SETTLEMENT_STATEMENT} (what a statement is for), {@code CREDIT_NOTE},
 *                               {@code DEBIT_NOTE}
 * @param direction              {@code PAYABLE} (we pay the partner) or {@code RECEIVABLE} (the partner pays us)
 * @param taxRatePercent         the agreement's rate ({@code "0"} under reverse charge)
 * @param taxNote                the legal note (reverse charge), {@code null} when none
 * @param correctsDocumentNumber for a note, the number of the statement it corrects; {@code null} otherwise
 * @param reason                 for a note, why; {@code null} otherwise
 * @param billingOnBehalf        what we billed end customers in the partner's name (revenue-share usage), empty
 *                               when none
 * @param taxLines               the tax per supply of a netted statement (the partner's supply to us, ours to it),
 *                               each on its own base, summing to {@code taxAmount}; empty for one tax line on the net
 *                               ({@code taxRatePercent}, {@code taxAmount}, {@code taxNote})
 * @param agreements             a statement's: the agreement versions it was computed with, oldest first; empty for a
 *                               note and when not known
 */
public record DocumentContent(UUID documentId, UUID partnerId, String documentType, String documentNumber,
                              String issuingEntityId, Instant issuedAt, Instant periodStart, Instant periodEnd,
                              LocalDate dueDate, String direction, String currency, List<Line> lines,
                              BigDecimal netAmount, String taxRatePercent, BigDecimal taxAmount, String taxNote,
                              BigDecimal totalAmount, String correctsDocumentNumber, String reason,
                              List<BillingOnBehalf> billingOnBehalf, List<TaxLine> taxLines,
                              List<AgreementVersion> agreements) {

    public DocumentContent {
        lines = List.copyOf(lines);
        billingOnBehalf = billingOnBehalf == null ? List.of() : List.copyOf(billingOnBehalf);
        taxLines = taxLines == null ? List.of() : List.copyOf(taxLines);
        agreements = agreements == null ? List.of() : List.copyOf(agreements);
    }

    /** A document naming no agreement version (a note). */
    public DocumentContent(UUID documentId, UUID partnerId, String documentType, String documentNumber,
                           String issuingEntityId, Instant issuedAt, Instant periodStart, Instant periodEnd,
                           LocalDate dueDate, String direction, String currency, List<Line> lines,
                           BigDecimal netAmount, String taxRatePercent, BigDecimal taxAmount, String taxNote,
                           BigDecimal totalAmount, String correctsDocumentNumber, String reason,
                           List<BillingOnBehalf> billingOnBehalf, List<TaxLine> taxLines) {
        this(documentId, partnerId, documentType, documentNumber, issuingEntityId, issuedAt, periodStart, periodEnd,
                dueDate, direction, currency, lines, netAmount, taxRatePercent, taxAmount, taxNote, totalAmount,
                correctsDocumentNumber, reason, billingOnBehalf, taxLines, List.of());
    }

    /** An agreement version a statement was computed with: its id and version number. */
    public record AgreementVersion(String agreementId, int version) {
    }

    /** A document with one tax line, on its net. */
    public DocumentContent(UUID documentId, UUID partnerId, String documentType, String documentNumber,
                           String issuingEntityId, Instant issuedAt, Instant periodStart, Instant periodEnd,
                           LocalDate dueDate, String direction, String currency, List<Line> lines,
                           BigDecimal netAmount, String taxRatePercent, BigDecimal taxAmount, String taxNote,
                           BigDecimal totalAmount, String correctsDocumentNumber, String reason,
                           List<BillingOnBehalf> billingOnBehalf) {
        this(documentId, partnerId, documentType, documentNumber, issuingEntityId, issuedAt, periodStart, periodEnd,
                dueDate, direction, currency, lines, netAmount, taxRatePercent, taxAmount, taxNote, totalAmount,
                correctsDocumentNumber, reason, billingOnBehalf, List.of());
    }

    /**
     * The tax of one supply on a netted statement.
     *
     * @param label          which supply, as printed ("VAT on your supply to us (self-billed)")
     * @param ratePercent    the rate ({@code "0"} under reverse charge)
     * @param taxableAmount  Σ of the supply's lines, at the minor unit, signed like them
     * @param taxAmount      the tax on it, at the minor unit
     * @param note           the legal note (reverse charge), {@code null} when none
     */
    public record TaxLine(String label, String ratePercent, BigDecimal taxableAmount, BigDecimal taxAmount,
                          String note) {
    }

    /**
     * A printed line; {@code quantity}, {@code offeringId} and {@code usageType} may be {@code null}.
     *
     * @param fxRate         the rate its amount was converted at (1 source = rate document currency), {@code null}
     *                       when none was needed; then {@code sourceAmount} and {@code sourceCurrency} are too
     * @param sourceAmount   the amount before conversion (6 decimals, signed like {@code amount})
     * @param sourceCurrency the currency the usage was in
     * @param unit           a usage line's billed unit (what {@code quantity} counts), {@code null} when not known and
     *                       on other lines
     * @param recordCount    a usage line's rated records (net of reversals), {@code null} when not known
     * @param unitPrice      the one price per {@code unit} a usage line's records were charged at, in the usage
     *                       currency; {@code null} when they had none or it is not known
     * @param shareRate      the one revenue share (percent, {@code 70} = 70 %) a usage line's records were computed
     *                       with; {@code null} when they had none in common, it is not known, or on other lines
     * @param adjusts        what a prior-period usage line adjusts (the closed periods, their statements and the
     *                       lines it corrects, as its {@code reference} says); {@code null} on other lines and when
     *                       not known
     */
    public record Line(int lineNumber, String type, String label, String offeringId, String usageType,
                       BigDecimal quantity, BigDecimal amount, BigDecimal fxRate, BigDecimal sourceAmount,
                       String sourceCurrency, String unit, Long recordCount, BigDecimal unitPrice,
                       BigDecimal shareRate, String adjusts) {

        /** A line that adjusts no closed period. */
        public Line(int lineNumber, String type, String label, String offeringId, String usageType,
                    BigDecimal quantity, BigDecimal amount, BigDecimal fxRate, BigDecimal sourceAmount,
                    String sourceCurrency, String unit, Long recordCount, BigDecimal unitPrice,
                    BigDecimal shareRate) {
            this(lineNumber, type, label, offeringId, usageType, quantity, amount, fxRate, sourceAmount,
                    sourceCurrency, unit, recordCount, unitPrice, shareRate, null);
        }

        /** A line without a share rate. */
        public Line(int lineNumber, String type, String label, String offeringId, String usageType,
                    BigDecimal quantity, BigDecimal amount, BigDecimal fxRate, BigDecimal sourceAmount,
                    String sourceCurrency, String unit, Long recordCount, BigDecimal unitPrice) {
            this(lineNumber, type, label, offeringId, usageType, quantity, amount, fxRate, sourceAmount,
                    sourceCurrency, unit, recordCount, unitPrice, null);
        }

        /** A line without usage figures. */
        public Line(int lineNumber, String type, String label, String offeringId, String usageType,
                    BigDecimal quantity, BigDecimal amount, BigDecimal fxRate, BigDecimal sourceAmount,
                    String sourceCurrency) {
            this(lineNumber, type, label, offeringId, usageType, quantity, amount, fxRate, sourceAmount,
                    sourceCurrency, null, null, null);
        }

        /** A line in the document's own currency (no conversion). */
        public Line(int lineNumber, String type, String label, String offeringId, String usageType,
                    BigDecimal quantity, BigDecimal amount) {
            this(lineNumber, type, label, offeringId, usageType, quantity, amount, null, null, null, null, null,
                    null);
        }
    }

    /**
     * End-customer billing of one tax category × offering × usage type in the period, in the partner's name.
     *
     * @param taxCategory  the rated prices' tax category, {@code null} for usage rated without one
     * @param offeringName the offering's name as its products were ordered (what the document prints), {@code null}
     *                     when settlement knows no product of it (the id is printed then)
     * @param grossCharged Σ of what the rated records charged the end customers (6 decimals, usage currency)
     */
    public record BillingOnBehalf(String taxCategory, String offeringId, String offeringName, String usageType,
                                  BigDecimal quantity, BigDecimal grossCharged, String currency, long recordCount) {
    }
}
