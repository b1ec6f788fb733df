package io.accord.settlement.document;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.math.BigDecimal;
import java.util.List;

/**
 * A settlement document with everything it prints: the parties, the lines, tax, totals and where to pay. This is the
 * JSON form as stored (decimals as strings, so no reader loses a digit) and what the PDF is drawn from. Its texts
 * ({@code title}, labels, notes) are English whatever the partner's language, its figures exact; {@code language}
 * ({@code de}, {@code en}) is the code of the language the PDF is printed in, {@code selfBilled} says the document is
 * (or, netted, includes) a self-billed invoice of the partner's supply (the PDF's "Gutschrift" / "Self-billed
 * invoice"). Documents stored before these two existed have neither and were printed in English. A statement's
 * {@code agreements} are the agreement versions it was computed with, as its header prints them (absent from a note's
 * JSON, from documents stored before the field existed, and when not known).
 */
@JsonPropertyOrder({"documentId", "documentType", "title", "documentNumber", "issueDate", "periodStart",
        "periodEnd", "dueDate", "issuer", "partner", "direction", "currency", "lines", "netAmount", "taxLines",
        "totalAmount", "paymentAccount", "correctsDocumentNumber", "reason", "legalNotes", "billingOnBehalf", "language",
        "selfBilled", "agreements"})
record PrintedDocument(String documentId, String documentType, String title, String documentNumber, String issueDate,
                       String periodStart, String periodEnd, String dueDate, Party issuer, Party partner,
                       String direction, String currency, List<Line> lines, String netAmount, List<TaxLine> taxLines,
                       String totalAmount, PaymentAccount paymentAccount, String correctsDocumentNumber,
                       String reason, List<String> legalNotes, BillingOnBehalf billingOnBehalf, String language,
                       boolean selfBilled,
                       @JsonInclude(JsonInclude.Include.NON_EMPTY) List<AgreementVersion> agreements) {

    /** An agreement version the statement was computed with: its id and version number. */
    record AgreementVersion(String agreementId, int version) {
    }

    /** A legal party: name, registered address (one line per element), tax id. */
    record Party(String id, String legalName, List<String> address, String country, String taxId) {
    }

    /**
     * A printed line. A line converted from another currency says how: {@code sourceAmount} {@code sourceCurrency}
     * at {@code fxRate} (1 source = rate document currency), and {@code conversion} as printed
     * ({@code "-20.70 XAU × 2500.123456 = -51752.55 EUR"}); all four {@code null} otherwise. A usage line says what
     * its quantity counts: {@code unit}, {@code recordCount}, {@code unitPrice} (in the usage currency) and
     * {@code usage} as printed beneath its label ({@code "3 rated records, 1274.5 MB charged at 0.00078125 EUR per
     * MB"}); each {@code null} when not known, all on other lines. A prior-period usage line says what it
     * {@code adjusts} (absent when not known and on other lines).
     */
    record Line(int lineNumber, String type, String label, String offeringId, String usageType, String quantity,
                String amount, String sourceAmount, String sourceCurrency, String fxRate, String conversion,
                String unit, Long recordCount, String unitPrice, String usage,
                @JsonInclude(JsonInclude.Include.NON_NULL) String shareRate,
                @JsonInclude(JsonInclude.Include.NON_NULL) String adjusts) {

        Line(int lineNumber, String type, String label, String offeringId, String usageType, String quantity,
             String amount, String sourceAmount, String sourceCurrency, String fxRate, String conversion,
             String unit, Long recordCount, String unitPrice, String usage, String shareRate) {
            this(lineNumber, type, label, offeringId, usageType, quantity, amount, sourceAmount, sourceCurrency,
                    fxRate, conversion, unit, recordCount, unitPrice, usage, shareRate, null);
        }

        Line(int lineNumber, String type, String label, String offeringId, String usageType, String quantity,
             String amount, String sourceAmount, String sourceCurrency, String fxRate, String conversion,
             String unit, Long recordCount, String unitPrice, String usage) {
            this(lineNumber, type, label, offeringId, usageType, quantity, amount, sourceAmount, sourceCurrency,
                    fxRate, conversion, unit, recordCount, unitPrice, usage, null);
        }
    }

    /**
     * A tax line: rate, base, amount and, under reverse charge, the legal note. One on the net; a netted statement has
     * one per supply, each with its {@code label} (absent from the JSON of a one-line document).
     */
    record TaxLine(@JsonInclude(JsonInclude.Include.NON_NULL) String label, String ratePercent, String taxableAmount,
                   String taxAmount, String note) {

        TaxLine(String ratePercent, String taxableAmount, String taxAmount, String note) {
            this(null, ratePercent, taxableAmount, taxAmount, note);
        }
    }

    /**
     * The account the payment goes to: the partner's confirmed account when we pay, the issuing entity's when the
     * partner pays. An IBAN account has {@code iban} (and {@code bic} when known); a partner's account in a country
     * that issues no IBANs has {@code accountNumber} and {@code bankCode} instead, and {@code account} says it as
     * printed ({@code "Account 123456789, ABA routing 021000021"} in the US,
     * {@code "Account …, bank code …, BIC …"} elsewhere); these three are absent from the JSON of an IBAN account. {@code iban} and {@code accountNumber}
     * are both {@code null} when no account is known (the document says so).
     */
    record PaymentAccount(String holder, String iban, String bic,
                          @JsonInclude(JsonInclude.Include.NON_NULL) String accountNumber,
                          @JsonInclude(JsonInclude.Include.NON_NULL) String bankCode,
                          @JsonInclude(JsonInclude.Include.NON_NULL) String account) {

        PaymentAccount(String holder, String iban, String bic) {
            this(holder, iban, bic, null, null, null);
        }
    }

    /**
     * Billing-on-behalf invoice data: what we billed end customers in the partner's name, per tax category (the
     * rated prices'): the items, grouped by category, and each category's total per currency. {@code missing} names
     * what this document does not tell (the per-customer breakdown; a category for usage rated without one).
     */
    record BillingOnBehalf(String billedInTheNameOf, List<Item> items, List<TaxCategoryTotal> taxCategories,
                           List<String> missing) {
    }

    /**
     * One tax category × offering × usage type; {@code taxCategory} is {@code null} when none is known.
     * {@code offeringName} is what a reader sees (the offering's name, or its id when settlement knows no name);
     * {@code offeringId} stays for machines.
     */
    record Item(String taxCategory, String offeringId, String offeringName, String usageType, String quantity,
                String grossCharged, String currency, long recordCount) {
    }

    /** Σ gross charged and net record count of one tax category ({@code null}: none known) in one currency. */
    record TaxCategoryTotal(String taxCategory, String currency, String grossCharged, long recordCount) {
    }

    static String decimal(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }
}
