package io.accord.settlement.document;

import io.accord.settlement.issuer.IssuingEntities;
import io.accord.settlement.partner.PartnerTerms;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/** Puts a document's content together with its parties and payment account: what the PDF and the JSON print. */
final class DocumentComposer {

    /** The self-billing mention (Council Directive 2006/112/EC, Article 226(10a)). */
    static final String SELF_BILLING_NOTE = "Self-billing: this statement is issued by the recipient in the name and "
            + "on behalf of the supplier (Article 226(10a), Council Directive 2006/112/EC).";
    /** A mixed statement's mention: self-billing covers the partner's supply (its revenue share) only. */
    static final String SELF_BILLING_REVENUE_SHARE_NOTE = "Self-billing of the revenue-share lines: those lines are "
            + "issued by the recipient in the name and on behalf of the supplier (Article 226(10a), Council Directive "
            + "2006/112/EC). The wholesale lines are our supplies to the partner, invoiced by us. The two are set off "
            + "against each other: the total is the net balance.";
    /** A wholesale invoice whose credits exceed its charges: it stays our invoice, the balance is the partner's. */
    static final String CREDIT_BALANCE_NOTE = "Credit balance: the credits on this invoice exceed its charges, so the "
            + "balance is in the partner's favour and payable to the partner. This is our invoice as the supplier, not a "
            + "self-billed invoice.";
    /** A revenue-share statement whose deductions exceed the share: still self-billed, the partner owes the balance. */
    static final String DEBIT_BALANCE_NOTE = "Debit balance: the deductions on this statement exceed the partner's "
            + "revenue share, so the balance is payable by the partner.";
    static final String PER_CUSTOMER_MISSING = "per-customer breakdown: not printed in this document; the "
            + "statement's billing-on-behalf view in the partner API lists it per customer reference";
    static final String TAX_CATEGORY_MISSING = "tax category: not known for the items without one (usage rated "
            + "before rating carried the price's tax category, or a price naming none)";

    private DocumentComposer() {
    }

    /** A rate as a person writes it: the terms' {@code 19.0000} prints as {@code 19}, {@code 7.50} as {@code 7.5}. */
    private static String percent(String ratePercent) {
        if (ratePercent == null || ratePercent.isBlank()) {
            return ratePercent;
        }
        try {
            return new java.math.BigDecimal(ratePercent.strip()).stripTrailingZeros().toPlainString();
        } catch (NumberFormatException notANumber) {
            return ratePercent;
        }
    }

    static PrintedDocument compose(DocumentContent content, IssuingEntities.IssuingEntity issuer,
                                   PartnerTerms.LegalData partner) {
        PrintedDocument.Party issuerParty = new PrintedDocument.Party(issuer.id(), issuer.name(),
                List.of(issuer.address().street(), issuer.address().postCode() + " " + issuer.address().city()),
                issuer.address().country(), issuer.taxId());
        PrintedDocument.Party partnerParty = partner == null
                ? new PrintedDocument.Party(content.partnerId().toString(), null, List.of(), null, null)
                : new PrintedDocument.Party(content.partnerId().toString(), partner.legalName(), address(partner),
                        partner.country(), partner.taxId());
        List<String> notes = new ArrayList<>(balanceNotes(content.documentType(), content.totalAmount()));
        if (content.taxLines().isEmpty() && content.taxNote() != null) {
            notes.add(content.taxNote());
        }
        // a netted statement's supplies may be taxed differently: each tax line's note, each once
        content.taxLines().stream().map(DocumentContent.TaxLine::note).filter(Objects::nonNull).distinct()
                .forEach(notes::add);
        List<PrintedDocument.Line> lines = content.lines().stream().map(line -> line(line, content.currency()))
                .toList();
        List<PrintedDocument.TaxLine> taxLines = content.taxLines().isEmpty()
                ? List.of(new PrintedDocument.TaxLine(percent(content.taxRatePercent()),
                        PrintedDocument.decimal(content.netAmount()), PrintedDocument.decimal(content.taxAmount()),
                        content.taxNote()))
                : content.taxLines().stream().map(tax -> new PrintedDocument.TaxLine(tax.label(),
                        percent(tax.ratePercent()), PrintedDocument.decimal(tax.taxableAmount()),
                        PrintedDocument.decimal(tax.taxAmount()), tax.note())).toList();
        return new PrintedDocument(content.documentId().toString(), content.documentType(),
                title(content.documentType(), content.totalAmount()), content.documentNumber(),
                date(content.issuedAt()),
                bound(content.periodStart()), bound(content.periodEnd()),
                content.dueDate() == null ? null : content.dueDate().toString(), issuerParty, partnerParty,
                content.direction(), content.currency(), lines, PrintedDocument.decimal(content.netAmount()),
                taxLines, PrintedDocument.decimal(content.totalAmount()),
                paymentAccount(content.direction(), issuer, partner), content.correctsDocumentNumber(),
                content.reason(), List.copyOf(notes), billingOnBehalf(content, partnerParty),
                DocumentLanguage.of(partner).code(), selfBilled(content.documentType()),
                content.agreements().stream().map(agreement -> new PrintedDocument.AgreementVersion(
                        agreement.agreementId(), agreement.version())).toList());
    }

    /**
     * A document that is (or, netted, includes) our self-billing of the partner's supply: a revenue-share statement
     * and a settlement statement (its revenue-share lines). A wholesale invoice is ours, a note corrects a statement.
     */
    static boolean selfBilled(String documentType) {
        return "REVENUE_SHARE_STATEMENT".equals(documentType) || "SETTLEMENT_STATEMENT".equals(documentType);
    }

    /**
     * The title says what the document is (its type, decided by what the statement is for) and, where the total runs
     * against the usual way, that its balance does: a wholesale invoice in the partner's favour is a credit balance,
     * a revenue-share statement the partner owes on a debit balance. A settlement statement says neither: its total
     * line names who pays.
     */
    static String title(String documentType, BigDecimal total) {
        boolean positive = total != null && total.signum() > 0;
        boolean negative = total != null && total.signum() < 0;
        return switch (documentType) {
            case "REVENUE_SHARE_STATEMENT" -> "Self-billing revenue-share statement" + (negative ? " (debit balance)"
                    : "");
            case "WHOLESALE_INVOICE" -> "Wholesale invoice" + (positive ? " (credit balance)" : "");
            case "SETTLEMENT_STATEMENT" -> "Settlement statement (revenue share and wholesale, netted)";
            case "CREDIT_NOTE" -> "Credit note";
            case "DEBIT_NOTE" -> "Debit note";
            default -> throw new IllegalArgumentException("Unknown document type " + documentType);
        };
    }

    /** The legal mentions of the document's type, and what its balance means when it runs against the usual way. */
    private static List<String> balanceNotes(String documentType, BigDecimal total) {
        return switch (documentType) {
            case "REVENUE_SHARE_STATEMENT" -> total.signum() < 0 ? List.of(SELF_BILLING_NOTE, DEBIT_BALANCE_NOTE)
                    : List.of(SELF_BILLING_NOTE);
            case "WHOLESALE_INVOICE" -> total.signum() > 0 ? List.of(CREDIT_BALANCE_NOTE) : List.of();
            case "SETTLEMENT_STATEMENT" -> List.of(SELF_BILLING_REVENUE_SHARE_NOTE);
            default -> List.of();
        };
    }

    private static PrintedDocument.PaymentAccount paymentAccount(String direction,
                                                                 IssuingEntities.IssuingEntity issuer,
                                                                 PartnerTerms.LegalData partner) {
        if ("PAYABLE".equals(direction)) {
            PartnerTerms.BankAccount account = partner == null ? null : partner.bankAccount();
            String holder = partner == null ? null : partner.legalName();
            if (account == null) {
                return new PrintedDocument.PaymentAccount(holder, null, null);
            }
            if (account.iban() == null && account.accountNumber() != null) {
                return new PrintedDocument.PaymentAccount(holder, null, account.bic(), account.accountNumber(),
                        account.bankCode(), domesticAccount(account, partner.country()));
            }
            return new PrintedDocument.PaymentAccount(holder, account.iban(), account.bic());
        }
        IssuingEntities.BankAccount account = issuer.bankAccount();
        return new PrintedDocument.PaymentAccount(issuer.name(), account == null ? null : account.iban(),
                account == null ? null : account.bic());
    }

    /**
     * An account without IBAN as printed: its number, its bank code (a US bank code is the ABA routing number) and
     * the BIC when there is one.
     */
    private static String domesticAccount(PartnerTerms.BankAccount account, String country) {
        return "Account " + account.accountNumber()
                + (account.bankCode() == null ? "" : ("US".equals(country) ? ", ABA routing " : ", bank code ")
                + account.bankCode())
                + (account.bic() == null ? "" : ", BIC " + account.bic());
    }

    private static PrintedDocument.BillingOnBehalf billingOnBehalf(DocumentContent content,
                                                                   PrintedDocument.Party partner) {
        if (content.billingOnBehalf().isEmpty()) {
            return null;
        }
        List<DocumentContent.BillingOnBehalf> items = content.billingOnBehalf().stream()
                .sorted(Comparator.comparing(DocumentContent.BillingOnBehalf::taxCategory,
                        Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
        Map<List<String>, PrintedDocument.TaxCategoryTotal> totals = new LinkedHashMap<>();
        Map<List<String>, BigDecimal> charged = new LinkedHashMap<>();
        for (DocumentContent.BillingOnBehalf item : items) {
            List<String> key = Arrays.asList(item.taxCategory(), item.currency());
            charged.merge(key, item.grossCharged(), BigDecimal::add);
            PrintedDocument.TaxCategoryTotal before = totals.get(key);
            totals.put(key, new PrintedDocument.TaxCategoryTotal(item.taxCategory(), item.currency(),
                    PrintedDocument.decimal(charged.get(key)),
                    (before == null ? 0 : before.recordCount()) + item.recordCount()));
        }
        List<String> missing = new ArrayList<>(List.of(PER_CUSTOMER_MISSING));
        if (items.stream().anyMatch(item -> item.taxCategory() == null)) {
            missing.add(TAX_CATEGORY_MISSING);
        }
        return new PrintedDocument.BillingOnBehalf(partner.legalName() == null ? partner.id() : partner.legalName(),
                items.stream().map(item -> new PrintedDocument.Item(item.taxCategory(), item.offeringId(),
                        item.offeringName() == null ? item.offeringId() : item.offeringName(), item.usageType(), quantity(item.quantity()), PrintedDocument.decimal(item.grossCharged()),
                        item.currency(), item.recordCount())).toList(),
                List.copyOf(totals.values()), List.copyOf(missing));
    }

    private static List<String> address(PartnerTerms.LegalData partner) {
        PartnerTerms.Address address = partner.address();
        if (address == null) {
            return List.of();
        }
        String city = Stream.of(address.postCode(), address.city()).filter(Objects::nonNull)
                .reduce((a, b) -> a + " " + b).orElse(null);
        return Stream.of(address.street1(), address.street2(), city).filter(Objects::nonNull)
                .filter(line -> !line.isBlank()).toList();
    }

    private static PrintedDocument.Line line(DocumentContent.Line line, String currency) {
        boolean converted = line.fxRate() != null && line.sourceAmount() != null && line.sourceCurrency() != null;
        String source = converted ? sourceAmount(line.sourceAmount(), line.sourceCurrency()) : null;
        String rate = converted ? PrintedDocument.decimal(line.fxRate().stripTrailingZeros().scale() < 0
                ? line.fxRate().setScale(0) : line.fxRate().stripTrailingZeros()) : null;
        String unitPrice = line.unitPrice() == null ? null : PrintedDocument.decimal(plain(line.unitPrice()));
        return new PrintedDocument.Line(line.lineNumber(), line.type(), line.label(), line.offeringId(),
                line.usageType(), quantity(line.quantity()), PrintedDocument.decimal(line.amount()), source,
                converted ? line.sourceCurrency() : null, rate,
                converted ? source + " " + line.sourceCurrency() + " × " + rate + " = "
                        + PrintedDocument.decimal(line.amount()) + " " + currency : null,
                line.unit(), line.recordCount(), unitPrice,
                usage(line, unitPrice, converted ? line.sourceCurrency() : currency),
                line.shareRate() == null ? null : PrintedDocument.decimal(plain(line.shareRate())), line.adjusts());
    }

    /**
     * What a usage line's quantity counts, as printed beneath its label: {@code 3 rated records, 1274.5 MB charged at
     * 0.00078125 EUR per MB}; without the parts not known, {@code null} when none is (or the line is no usage).
     */
    private static String usage(DocumentContent.Line line, String unitPrice, String usageCurrency) {
        List<String> parts = new java.util.ArrayList<>();
        if (line.recordCount() != null) {
            parts.add(line.recordCount() + (line.recordCount() == 1 ? " rated record" : " rated records"));
        }
        if (line.unit() != null && line.quantity() != null) {
            parts.add(quantity(line.quantity()) + " " + line.unit() + (unitPrice == null ? ""
                    : " charged at " + unitPrice + " " + usageCurrency + " per " + line.unit()));
        }
        return parts.isEmpty() ? null : String.join(", ", parts);
    }

    private static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /**
     * An amount before conversion as a reader writes it: at its currency's minor unit at least (XAU and the like,
     * without one, at 2 decimals at least), with any further digits it has (-20.7 XAU prints -20.70).
     */
    private static String sourceAmount(BigDecimal amount, String currency) {
        int digits;
        try {
            digits = java.util.Currency.getInstance(currency).getDefaultFractionDigits();
        } catch (IllegalArgumentException unknown) {
            digits = 2;
        }
        BigDecimal stripped = amount.signum() == 0 ? BigDecimal.ZERO : amount.stripTrailingZeros();
        return PrintedDocument.decimal(stripped.setScale(Math.max(Math.max(digits, 2), stripped.scale())));
    }

    /** Quantities print without the database's trailing zeros (12, not 12.000000000). */
    private static String quantity(java.math.BigDecimal quantity) {
        return quantity == null ? null : PrintedDocument.decimal(quantity.signum() == 0 ? java.math.BigDecimal.ZERO
                : quantity.stripTrailingZeros());
    }

    private static String date(Instant instant) {
        return instant == null ? null : LocalDate.ofInstant(instant, ZoneOffset.UTC).toString();
    }

    /**
     * A period's bound: its date when it is at midnight UTC, as every regular period's is; otherwise (a period closed
     * early ends, and the next one starts, at the moment of the close) the date and UTC time to the second, so that
     * such a period does not print as "2026-12-01 to 2026-12-01 (exclusive)".
     */
    static String bound(Instant instant) {
        if (instant == null) {
            return null;
        }
        java.time.LocalDateTime at = java.time.LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
        return at.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) ? at.toLocalDate().toString()
                : at.toLocalDate() + " " + at.toLocalTime().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                .format(java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss")) + " UTC";
    }

}
