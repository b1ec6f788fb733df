package io.accord.settlement.tmf;

import io.accord.contracts.events.AgreementActivated;
import io.accord.contracts.value.Money;
import io.accord.settlement.money.SettlementMath;
import io.accord.settlement.partner.PartnerTerms;
import io.accord.settlement.period.SettlementPeriods;
import io.accord.settlement.statement.Statements;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

import static io.accord.settlement.money.SettlementMath.atMinorUnit;

/** Statements as TMF678 resources: the period's dates, the agreement's payment terms and tax rate added. */
@Component
class CustomerBills {

    private final SettlementPeriods periods;
    private final PartnerTerms partners;

    CustomerBills(SettlementPeriods periods, PartnerTerms partners) {
        this.periods = periods;
        this.partners = partners;
    }

    CustomerBillResources.CustomerBill bill(Statements.View statement) {
        Optional<SettlementPeriods.Period> period = period(statement);
        Optional<AgreementActivated.Terms> terms = period.flatMap(this::terms);
        String currency = statement.currency();
        BigDecimal total = atMinorUnit(statement.totalAmount().abs(), currency);
        // what the statement with its issued notes asks (notes never turn its sign: NoteCeilings), and what remains
        BigDecimal amountDue = atMinorUnit(statement.totalAmount().add(statement.notesAmount()).abs(), currency);
        BigDecimal remaining = statement.remainingAmount();
        boolean issued = statement.documentNumber() != null;
        // TMF678's paymentDueDate is a date-time: the due day's start in UTC
        Instant due = issued ? terms.map(t -> LocalDate.ofInstant(statement.issuedAt(), ZoneOffset.UTC)
                .plusDays(t.paymentTermsDays()).atStartOfDay(ZoneOffset.UTC).toInstant()).orElse(null) : null;
        BigDecimal rate = taxRate(statement, terms);
        String taxCategory = taxCategory(statement);
        String href = CustomerBillResources.BILLS + "/" + statement.id();
        List<CustomerBillResources.BillDocument> documents = issued ? List.of(
                new CustomerBillResources.BillDocument(statement.id().toString(),
                        "/api/settlement/statements/" + statement.id() + "/document", statement.documentNumber()
                        + ".pdf", "application/pdf", documentType(statement), "Also as application/json (Accept)",
                        "AttachmentRef")) : null;
        return new CustomerBillResources.CustomerBill(statement.id().toString(), href, statement.documentNumber(),
                statement.issuedAt(), documentType(statement), "onCycle", state(statement), due,
                money(amountDue, currency), money(issued ? remaining : amountDue, currency),
                money(atMinorUnit(statement.netAmount().abs(), currency), currency), money(total, currency),
                taxItems(statement, rate, taxCategory, currency),
                period.map(p -> new CustomerBillResources.TimePeriod(p.startAt(), p.endAt())).orElse(null),
                documents, List.of(new CustomerBillResources.RelatedParty(statement.partnerId().toString(), "Partner",
                        "Organization")), statement.direction(),
                issued && remaining.signum() != 0 ? statement.remainingDirection() : null,
                statement.agreements() == null || statement.agreements().isEmpty() ? null : statement.agreements(),
                "CustomerBill", null);
    }

    /**
     * The statement's lines, each with its share of the statement's tax line: allocated by the largest remainder
     * ({@link SettlementMath#lineTaxes}), so that Σ the lines' tax is the statement's tax exactly; 0 under reverse
     * charge, with the legal note as the {@code taxNote} characteristic.
     */
    List<CustomerBillResources.AppliedCustomerBillingRate> rates(Statements.View statement) {
        Optional<SettlementPeriods.Period> period = period(statement);
        String currency = statement.currency();
        BigDecimal rate = taxRate(statement, period.flatMap(this::terms));
        List<Money> rounded = statement.lines().stream()
                .map(line -> Money.of(atMinorUnit(line.rounded(), currency), currency)).toList();
        List<Money> taxes = SettlementMath.lineTaxes(rounded, Money.of(atMinorUnit(statement.taxAmount(), currency),
                currency), rate == null ? null : rate.toPlainString());
        String taxCategory = taxCategory(statement);
        List<CustomerBillResources.AppliedCustomerBillingRate> rates = new ArrayList<>();
        for (int i = 0; i < statement.lines().size(); i++) {
            Statements.Line line = statement.lines().get(i);
            String id = statement.lineId(i + 1);
            BigDecimal excluded = rounded.get(i).amount().setScale(minorDigits(currency), RoundingMode.UNNECESSARY);
            BigDecimal tax = taxes.get(i).amount().setScale(minorDigits(currency), RoundingMode.UNNECESSARY);
            List<CustomerBillResources.Characteristic> characteristics = new ArrayList<>();
            add(characteristics, "offeringId", "string", line.offeringId());
            add(characteristics, "usageType", "string", line.usageType());
            add(characteristics, "quantity", "number", line.quantity());
            add(characteristics, "unroundedAmount", "number", line.unrounded());
            add(characteristics, "fxRate", "number", line.fxRate());
            add(characteristics, "unit", "string", line.unit());
            add(characteristics, "recordCount", "integer", line.recordCount());
            add(characteristics, "unitPrice", "number", line.unitPrice());
            Statements.TaxLine supplyTax = statement.taxLines().isEmpty() ? null : statement.taxLineOf(line);
            add(characteristics, "taxNote", "string", supplyTax == null ? statement.taxNote() : supplyTax.note());
            rates.add(new CustomerBillResources.AppliedCustomerBillingRate(id, CustomerBillResources.RATES + "/" + id,
                    line.label(), line.label(), line.type(), statement.issuedAt(),
                    statement.documentNumber() != null,
                    new CustomerBillResources.BillRef(statement.id().toString(),
                            CustomerBillResources.BILLS + "/" + statement.id(), "CustomerBill"),
                    period.map(p -> new CustomerBillResources.TimePeriod(p.startAt(), p.endAt())).orElse(null),
                    money(excluded, currency), money(excluded.add(tax), currency),
                    List.of(new CustomerBillResources.AppliedBillingTaxRate(supplyTax == null ? taxCategory
                            : supplyTax.category(), supplyTax == null || "VAT".equals(supplyTax.category()) ? rate
                            : BigDecimal.ZERO, money(tax, currency))),
                    List.copyOf(characteristics), "AppliedCustomerBillingRate"));
        }
        return rates;
    }

    /**
     * The statement's tax items: one on its net, or for a netted statement whose supplies are taxed differently (a
     * partner outside the EU: reverse charge on its supply, ours outside the scope) one per supply, each with its
     * category, as its document prints them.
     */
    private static List<CustomerBillResources.TaxItem> taxItems(Statements.View statement, BigDecimal rate,
                                                                String taxCategory, String currency) {
        List<Statements.TaxLine> lines = statement.taxLines();
        if (lines.size() < 2 || lines.stream().map(Statements.TaxLine::category).distinct().count() < 2) {
            return List.of(new CustomerBillResources.TaxItem(lines.isEmpty() ? taxCategory
                    : lines.getFirst().category(), rate, money(atMinorUnit(statement.taxAmount().abs(), currency),
                    currency)));
        }
        return lines.stream().map(line -> new CustomerBillResources.TaxItem(line.category(),
                "VAT".equals(line.category()) ? rate : BigDecimal.ZERO,
                money(atMinorUnit(line.taxAmount().abs(), currency), currency))).toList();
    }

    private static void add(List<CustomerBillResources.Characteristic> characteristics, String name, String type,
                            Object value) {
        if (value != null) {
            characteristics.add(new CustomerBillResources.Characteristic(name, type,
                    value instanceof BigDecimal decimal ? decimal.stripTrailingZeros() : value));
        }
    }

    /** The statement's tax rate: 0 under reverse charge (its legal note), else the agreement's; null when unknown. */
    private static BigDecimal taxRate(Statements.View statement, Optional<AgreementActivated.Terms> terms) {
        if (statement.taxNote() != null) {
            return BigDecimal.ZERO;
        }
        return terms.map(t -> t.taxTreatment().reverseCharge() ? BigDecimal.ZERO
                : new BigDecimal(t.taxTreatment().ratePercent())).orElse(null);
    }

    /** The statement's tax category: its one tax line's ({@link Statements.TaxLine#category}). */
    private static String taxCategory(Statements.View statement) {
        if (!statement.taxLines().isEmpty() && statement.taxLines().stream()
                .map(Statements.TaxLine::category).distinct().count() == 1) {
            return statement.taxLines().getFirst().category();
        }
        return statement.taxNote() != null ? "REVERSE_CHARGE" : "VAT";
    }

    private Optional<SettlementPeriods.Period> period(Statements.View statement) {
        return periods.ofPartner(statement.partnerId()).stream()
                .filter(period -> period.id().equals(statement.periodId())).findFirst();
    }

    private Optional<AgreementActivated.Terms> terms(SettlementPeriods.Period period) {
        return partners.agreements(period.partnerId()).stream()
                .filter(agreement -> agreement.agreementId().equals(period.agreementId())).findFirst()
                .or(() -> partners.agreementInForce(period.partnerId(), period.startAt()))
                .map(PartnerTerms.Agreement::terms);
    }

    /** The TMF state of a statement (see {@link CustomerBillResources.CustomerBill}). */
    static String state(Statements.View statement) {
        return switch (statement.state()) {
            case "DRAFT" -> "new";
            case "APPROVED" -> "validated";
            case "PAID" -> "settled";
            default -> statement.paidAmount().signum() > 0 ? "partiallyPaid" : "sent";
        };
    }

    /** The statement's own document type (what it is for, decided by the statement feature; not its sign). */
    private static String documentType(Statements.View statement) {
        return statement.documentType();
    }

    private static CustomerBillResources.Money money(BigDecimal value, String currency) {
        return new CustomerBillResources.Money(currency, value);
    }


    private static int minorDigits(String currency) {
        return Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
    }
}
