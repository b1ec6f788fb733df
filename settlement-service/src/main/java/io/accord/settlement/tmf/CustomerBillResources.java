package io.accord.settlement.tmf;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * TMF678 v4 resources as Accord answers them: a statement is a {@code CustomerBill}, its lines are
 * {@code AppliedCustomerBillingRate}s. Field names and types follow the swagger in tmf-specs; {@code direction} and
 * {@code documentType}-style {@code category} values are Accord's, documented in docs/tmf-conformance.md.
 */
final class CustomerBillResources {

    static final String BASE = "/tmf-api/customerBillManagement/v4";
    static final String BILLS = BASE + "/customerBill";
    static final String RATES = BASE + "/appliedCustomerBillingRate";

    private CustomerBillResources() {
    }

    /** TMF Money: {@code value} a JSON number at the currency's minor unit. */
    record Money(String unit, BigDecimal value) {
    }

    record TimePeriod(Instant startDateTime, Instant endDateTime) {
    }

    record TaxItem(String taxCategory, BigDecimal taxRate, Money taxAmount) {
    }

    /** TMF678 {@code AppliedBillingTaxRate}: the tax of one line. */
    record AppliedBillingTaxRate(String taxCategory, BigDecimal taxRate, Money taxAmount) {
    }

    record RelatedParty(String id, String role, @JsonProperty("@referredType") String referredType) {
    }

    record BillDocument(String id, String href, String name, String mimeType, String attachmentType,
                        String description, @JsonProperty("@type") String type) {
    }

    record BillRef(String id, String href, @JsonProperty("@referredType") String referredType) {
    }

    record Characteristic(String name, String valueType, Object value) {
    }

    /**
     * A statement as a TMF678 customer bill.
     *
     * @param state     {@code new} (DRAFT), {@code validated} (APPROVED), {@code sent} (ISSUED, nothing paid),
     *                  {@code partiallyPaid} (ISSUED, partly paid), {@code settled} (PAID)
     * @param category  the document type: {@code REVENUE_SHARE_STATEMENT}, {@code WHOLESALE_INVOICE} or
     *                  {@code SETTLEMENT_STATEMENT} (what the statement is for; who pays is {@code direction})
     * @param amountDue          |total + issued notes| (credit notes +, debit notes −)
     * @param remainingAmount    what remains to be paid: |total + issued notes − payments| once issued
     * @param direction          Accord's: {@code PAYABLE} (we pay the partner) or {@code RECEIVABLE} (the partner pays
     *                           us)
     * @param remainingDirection Accord's: who pays {@code remainingAmount} ({@code PAYABLE}, {@code RECEIVABLE}; may
     *                           differ from {@code direction} once a note is issued after payment), absent when 0
     * @param agreements         Accord's: the agreement versions the statement was computed with, oldest first
     *                           ({@code [{agreementId, version}]}, as the statement's {@code agreements}); absent when
     *                           not known (statements drafted before V90)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CustomerBill(String id, String href, String billNo, Instant billDate, String category, String runType,
                        String state, Instant paymentDueDate, Money amountDue, Money remainingAmount,
                        Money taxExcludedAmount, Money taxIncludedAmount, List<TaxItem> taxItem,
                        TimePeriod billingPeriod, List<BillDocument> billDocument, List<RelatedParty> relatedParty,
                        String direction, String remainingDirection,
                        List<io.accord.settlement.statement.Statements.AgreementVersion> agreements,
                        @JsonProperty("@type") String type,
                        @JsonProperty("@baseType") String baseType) {
    }

    /**
     * A statement line as a TMF678 applied customer billing rate ({@code id} = statement id, hyphen, line number).
     *
     * @param type            the line type: {@code USAGE_REVENUE_SHARE}, {@code WHOLESALE},
     *                        {@code PRIOR_PERIOD_ADJUSTMENT}, ...
     * @param isBilled          the statement is issued
     * @param taxExcludedAmount the line as rounded (payable positive, owed negative)
     * @param taxIncludedAmount the line plus its tax
     * @param appliedTax        the line's share of the statement's tax line (one item: category, rate, amount); the
     *                          lines' tax amounts sum exactly to the statement's tax (largest remainder), with the
     *                          lines' sign
     * @param characteristic    {@code offeringId}, {@code usageType}, {@code quantity}, {@code unroundedAmount},
     *                          {@code fxRate}, a usage line's {@code unit}, {@code recordCount} and
     *                          {@code unitPrice} when the line has them; {@code taxNote} (the legal note) under reverse
     *                          charge
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record AppliedCustomerBillingRate(String id, String href, String name, String description, String type,
                                      Instant date, Boolean isBilled, BillRef bill, TimePeriod periodCoverage,
                                      Money taxExcludedAmount, Money taxIncludedAmount,
                                      List<AppliedBillingTaxRate> appliedTax, List<Characteristic> characteristic,
                                      @JsonProperty("@type") String atType) {
    }
}
