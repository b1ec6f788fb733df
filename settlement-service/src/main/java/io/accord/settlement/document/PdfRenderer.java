package io.accord.settlement.document;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Objects;

/**
 * Draws a {@link PrintedDocument} as an A4 PDF with OpenPDF: title and number, the two parties with their addresses
 * and tax ids, dates, the lines, the tax lines with their legal note, the totals, the account to pay into and, for a
 * statement with revenue-share usage, the billing-on-behalf data per tax category.
 * Plain Java (the base-14 Helvetica, no font files), so it renders the same on every machine.
 */
final class PdfRenderer {

    private static final Font TITLE = new Font(Font.HELVETICA, 16, Font.BOLD);
    private static final Font BOLD = new Font(Font.HELVETICA, 9, Font.BOLD);
    private static final Font NORMAL = new Font(Font.HELVETICA, 9, Font.NORMAL);
    private static final Font SMALL = new Font(Font.HELVETICA, 7, Font.NORMAL);

    private PdfRenderer() {
    }

    static byte[] render(PrintedDocument printed) {
        DocumentLanguage language = DocumentLanguage.ofCode(printed.language());
        String title = language.title(printed.documentType(), printed.totalAmount() == null ? null
                : new java.math.BigDecimal(printed.totalAmount()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document pdf = new Document(PageSize.A4, 40, 40, 40, 40);
        try {
            PdfWriter.getInstance(pdf, out);
            pdf.addTitle(title + " " + printed.documentNumber());
            pdf.addCreator("Accord settlement");
            pdf.open();
            pdf.add(new Paragraph(title, TITLE));
            pdf.add(new Paragraph(language.text("documentNumber") + ": " + printed.documentNumber(), BOLD));
            if (printed.correctsDocumentNumber() != null) {
                pdf.add(new Paragraph(language.text("corrects") + ": " + printed.correctsDocumentNumber(), BOLD));
            }
            pdf.add(parties(printed, language));
            pdf.add(dates(printed, language));
            if (printed.agreements() != null && !printed.agreements().isEmpty()) {
                pdf.add(new Paragraph(agreements(printed.agreements(), language), NORMAL));
            }
            if (printed.reason() != null) {
                pdf.add(new Paragraph(language.text("reason") + ": " + language.translate(printed.reason()), NORMAL));
            }
            pdf.add(lines(printed, language));
            pdf.add(totals(printed, language));
            pdf.add(payment(printed, language));
            if (printed.billingOnBehalf() != null) {
                pdf.add(new Paragraph("\n" + language.text("billingOnBehalf") + " "
                        + printed.billingOnBehalf().billedInTheNameOf() + ": " + language.text("billingOnBehalfWhat"),
                        BOLD));
                pdf.add(billingOnBehalf(printed.billingOnBehalf(), language));
                for (String missing : printed.billingOnBehalf().missing()) {
                    pdf.add(new Paragraph(language.text("notShown") + ": " + language.translate(missing), SMALL));
                }
            }
            for (String note : printed.legalNotes()) {
                pdf.add(new Paragraph(language.translate(note), SMALL));
            }
            pdf.close();
        } catch (DocumentException failed) {
            throw new IllegalStateException("Could not render document " + printed.documentNumber(), failed);
        }
        return out.toByteArray();
    }

    private static PdfPTable parties(PrintedDocument printed, DocumentLanguage language) {
        PdfPTable table = table(2);
        table.setSpacingBefore(12);
        table.addCell(party(language.text("issuedBy"), printed.issuer(), language));
        table.addCell(party(language.text("partner"), printed.partner(), language));
        return table;
    }

    private static PdfPCell party(String role, PrintedDocument.Party party, DocumentLanguage language) {
        Paragraph text = new Paragraph(role, BOLD);
        text.add(new Phrase("\n" + orMissing(party.legalName(), language), NORMAL));
        for (String line : party.address()) {
            text.add(new Phrase("\n" + line, NORMAL));
        }
        text.add(new Phrase("\n" + language.text("taxId") + ": " + orMissing(party.taxId(), language), NORMAL));
        PdfPCell cell = new PdfPCell(text);
        cell.setBorder(PdfPCell.NO_BORDER);
        return cell;
    }

    private static PdfPTable dates(PrintedDocument printed, DocumentLanguage language) {
        PdfPTable table = table(4);
        table.setSpacingBefore(12);
        for (String header : List.of(language.text("issueDate"), language.text("period"), language.text("dueDate"),
                language.text("currency"))) {
            table.addCell(cell(header, BOLD, Element.ALIGN_LEFT));
        }
        table.addCell(cell(language.date(printed.issueDate()), NORMAL, Element.ALIGN_LEFT));
        table.addCell(cell(printed.periodStart() == null ? "-"
                : language.date(printed.periodStart()) + " " + language.text("periodTo") + " "
                + language.date(printed.periodEnd()) + " " + language.text("exclusive"), NORMAL, Element.ALIGN_LEFT));
        table.addCell(cell(orMissing(language.date(printed.dueDate()), language), NORMAL, Element.ALIGN_LEFT));
        table.addCell(cell(printed.currency(), NORMAL, Element.ALIGN_LEFT));
        return table;
    }

    /** {@code Agreement: agr-7 (version 2)}, or several: the versions a statement was computed with. */
    static String agreements(List<PrintedDocument.AgreementVersion> agreements, DocumentLanguage language) {
        return language.text(agreements.size() == 1 ? "agreement" : "agreements") + ": " + agreements.stream()
                .map(agreement -> agreement.agreementId() + " (" + language.text("version") + " "
                        + agreement.version() + ")")
                .collect(java.util.stream.Collectors.joining(", "));
    }

    private static PdfPTable lines(PrintedDocument printed, DocumentLanguage language) {
        PdfPTable table = new PdfPTable(new float[] {1, 10, 3, 3});
        table.setWidthPercentage(100);
        table.setSpacingBefore(12);
        table.setHeaderRows(1);
        for (String header : List.of(language.text("number"), language.text("description"),
                language.text("quantity"), language.text("amount"))) {
            table.addCell(cell(header, BOLD, Element.ALIGN_LEFT));
        }
        for (PrintedDocument.Line line : printed.lines()) {
            table.addCell(cell(String.valueOf(line.lineNumber()), NORMAL, Element.ALIGN_LEFT));
            String usage = usage(line, line.sourceCurrency() == null ? printed.currency() : line.sourceCurrency(),
                    language);
            table.addCell(line.conversion() == null && usage == null && line.adjusts() == null
                    ? cell(language.translate(line.label()), NORMAL, Element.ALIGN_LEFT)
                    : labelAndDetails(line, usage, printed.currency(), language));
            table.addCell(cell(line.quantity() == null ? "" : line.unit() == null ? language.quantity(line.quantity())
                    : quantityAndUnit(line.quantity(), line.unit(), language), NORMAL, Element.ALIGN_RIGHT));
            table.addCell(cell(language.amount(line.amount()), NORMAL, Element.ALIGN_RIGHT));
        }
        return table;
    }

    /** {@code 9962.233 min}, {@code 37772 events}: the quantity at most to 3 decimals, the unit's name. */
    private static String quantityAndUnit(String quantity, String unit, DocumentLanguage language) {
        return language.quantity(quantity) + " " + language.unit(unit, new java.math.BigDecimal(quantity)
                .compareTo(java.math.BigDecimal.ONE) == 0);
    }

    /**
     * What a usage line counts, as printed beneath its label ({@code 3 rated records, 1274.5 MB charged at 0.00078125
     * EUR per MB, share 70 %}), from the line's figures in the document's language; {@code null} when none is known.
     */
    static String usage(PrintedDocument.Line line, String usageCurrency, DocumentLanguage language) {
        List<String> parts = new java.util.ArrayList<>();
        if (line.recordCount() != null) {
            parts.add(line.recordCount() + " " + language.text(line.recordCount() == 1 ? "ratedRecord"
                    : "ratedRecords"));
        }
        if (line.unit() != null && line.quantity() != null) {
            parts.add(quantityAndUnit(line.quantity(), line.unit(), language) + (line.unitPrice() == null ? ""
                    : " " + language.text("chargedAt") + " " + language.price(line.unitPrice(), usageCurrency) + " "
                    + usageCurrency + " " + language.text("per") + " " + language.unit(line.unit(), true)));
        }
        if (line.shareRate() != null) {
            parts.add(language.text("share") + " " + language.percent(line.shareRate()) + " %");
        }
        return parts.isEmpty() ? null : String.join(", ", parts);
    }

    /**
     * A line's label with, beneath it, what a usage line counts (records, quantity, unit price and share), what a
     * prior-period line adjusts and what a converted line was converted at.
     */
    private static PdfPCell labelAndDetails(PrintedDocument.Line line, String usage, String currency,
                                            DocumentLanguage language) {
        Paragraph text = new Paragraph(language.translate(line.label()), NORMAL);
        if (usage != null) {
            text.add(new Phrase("\n" + language.text("usage") + ": " + usage, SMALL));
        }
        if (line.adjusts() != null) {
            text.add(new Phrase("\n" + language.text("adjusts") + ": " + language.adjusts(line.adjusts()), SMALL));
        }
        if (line.conversion() != null) {
            text.add(new Phrase("\n" + language.text("converted") + ": " + language.amount(line.sourceAmount()) + " "
                    + line.sourceCurrency() + " × " + language.amount(line.fxRate()) + " = "
                    + language.amount(line.amount()) + " " + currency, SMALL));
        }
        PdfPCell cell = new PdfPCell(text);
        cell.setHorizontalAlignment(Element.ALIGN_LEFT);
        cell.setPadding(3);
        return cell;
    }

    /** The items grouped by tax category, each group closed by its total per currency. */
    private static PdfPTable billingOnBehalf(PrintedDocument.BillingOnBehalf onBehalf, DocumentLanguage language) {
        PdfPTable table = new PdfPTable(new float[] {3, 7, 3, 4, 2});
        table.setWidthPercentage(100);
        table.setSpacingBefore(4);
        table.setHeaderRows(1);
        for (String header : List.of(language.text("taxCategory"), language.text("offeringUsage"),
                language.text("quantity"), language.text("grossCharged"), language.text("records"))) {
            table.addCell(cell(header, BOLD, Element.ALIGN_LEFT));
        }
        for (PrintedDocument.TaxCategoryTotal total : onBehalf.taxCategories()) {
            for (PrintedDocument.Item item : onBehalf.items()) {
                if (Objects.equals(item.taxCategory(), total.taxCategory())
                        && item.currency().equals(total.currency())) {
                    table.addCell(cell(category(item.taxCategory(), language), NORMAL, Element.ALIGN_LEFT));
                    table.addCell(cell(item.offeringName() + " × " + item.usageType(), NORMAL, Element.ALIGN_LEFT));
                    table.addCell(cell(item.quantity() == null ? "" : language.quantity(item.quantity()), NORMAL,
                            Element.ALIGN_RIGHT));
                    table.addCell(cell(language.amount(minorUnit(item.grossCharged(), item.currency())) + " "
                                    + item.currency(),
                            NORMAL, Element.ALIGN_RIGHT));
                    table.addCell(cell(String.valueOf(item.recordCount()), NORMAL, Element.ALIGN_RIGHT));
                }
            }
            table.addCell(cell(language.text("total") + " " + category(total.taxCategory(), language), BOLD,
                    Element.ALIGN_LEFT));
            table.addCell(cell("", NORMAL, Element.ALIGN_LEFT));
            table.addCell(cell("", NORMAL, Element.ALIGN_LEFT));
            table.addCell(cell(language.amount(minorUnit(total.grossCharged(), total.currency())) + " "
                    + total.currency(), BOLD,
                    Element.ALIGN_RIGHT));
            table.addCell(cell(String.valueOf(total.recordCount()), BOLD, Element.ALIGN_RIGHT));
        }
        return table;
    }

    /**
     * A gross charged as the PDF prints it, at the currency's minor unit (13.20, not 13.200000); the JSON keeps the
     * exact 6 decimals.
     */
    static String minorUnit(String amount, String currency) {
        if (amount == null) {
            return "";
        }
        try {
            return io.accord.settlement.money.SettlementMath.atMinorUnit(new java.math.BigDecimal(amount), currency)
                    .toPlainString();
        } catch (IllegalArgumentException notAnAmountOrCurrency) {
            return amount;
        }
    }

    private static String category(String taxCategory, DocumentLanguage language) {
        return taxCategory == null ? language.text("notKnown") : taxCategory;
    }

    private static PdfPTable totals(PrintedDocument printed, DocumentLanguage language) {
        PdfPTable table = new PdfPTable(new float[] {11, 6});
        table.setWidthPercentage(100);
        table.setSpacingBefore(8);
        table.addCell(cell(language.text("netAmount"), BOLD, Element.ALIGN_RIGHT));
        table.addCell(cell(language.amount(printed.netAmount()) + " " + printed.currency(), NORMAL,
                Element.ALIGN_RIGHT));
        for (PrintedDocument.TaxLine tax : printed.taxLines()) {
            table.addCell(cell((tax.label() == null ? language.text("tax") + " "
                    : language.translate(tax.label()) + ": ") + language.percent(tax.ratePercent()) + " % "
                    + language.text("on") + " " + language.amount(tax.taxableAmount()), BOLD, Element.ALIGN_RIGHT));
            table.addCell(cell(language.amount(tax.taxAmount()) + " " + printed.currency(), NORMAL,
                    Element.ALIGN_RIGHT));
        }
        boolean payable = "PAYABLE".equals(printed.direction());
        table.addCell(cell(language.text(payable ? "totalPayableTo" : "totalPayableBy"), BOLD,
                Element.ALIGN_RIGHT));
        // what the partner pays is a positive amount: a receivable's total is negative from our side only
        String total = !payable && printed.totalAmount().startsWith("-") ? printed.totalAmount().substring(1)
                : printed.totalAmount();
        table.addCell(cell(language.amount(total) + " " + printed.currency(), BOLD, Element.ALIGN_RIGHT));
        return table;
    }

    private static Paragraph payment(PrintedDocument printed, DocumentLanguage language) {
        PrintedDocument.PaymentAccount account = printed.paymentAccount();
        Paragraph text = new Paragraph(language.text("paymentTo") + ": " + orMissing(account.holder(), language),
                BOLD);
        text.setSpacingBefore(12);
        if (account.iban() == null && account.account() != null) {
            text.add(new Phrase("\n" + (account.accountNumber() == null ? account.account()
                    : domesticAccount(account, printed.partner().country(), language)), NORMAL));
            return text;
        }
        text.add(new Phrase("\nIBAN: " + (account.iban() == null ? language.text("notConfirmed") : account.iban())
                + (account.bic() == null ? "" : "   BIC: " + account.bic()), NORMAL));
        return text;
    }

    /** An account without IBAN in the document's language: its number, bank code (US: ABA routing) and BIC. */
    private static String domesticAccount(PrintedDocument.PaymentAccount account, String country,
                                          DocumentLanguage language) {
        return language.text("account") + " " + account.accountNumber()
                + (account.bankCode() == null ? "" : ", " + language.text("US".equals(country) ? "abaRouting"
                : "bankCode") + " " + account.bankCode())
                + (account.bic() == null ? "" : ", BIC " + account.bic());
    }

    private static PdfPTable table(int columns) {
        PdfPTable table = new PdfPTable(columns);
        table.setWidthPercentage(100);
        return table;
    }

    private static PdfPCell cell(String text, Font font, int alignment) {
        PdfPCell cell = new PdfPCell(new Phrase(text, font));
        cell.setHorizontalAlignment(alignment);
        cell.setPadding(3);
        return cell;
    }

    private static String orMissing(String value, DocumentLanguage language) {
        return value == null || value.isBlank() ? language.text("notKnown") : value;
    }
}
