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
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document pdf = new Document(PageSize.A4, 40, 40, 40, 40);
        try {
            PdfWriter.getInstance(pdf, out);
            pdf.addTitle(printed.title() + " " + printed.documentNumber());
            pdf.addCreator("Accord settlement");
            pdf.open();
            pdf.add(new Paragraph(printed.title(), TITLE));
            pdf.add(new Paragraph("Document number: " + printed.documentNumber(), BOLD));
            if (printed.correctsDocumentNumber() != null) {
                pdf.add(new Paragraph("Corrects: " + printed.correctsDocumentNumber(), BOLD));
            }
            pdf.add(parties(printed));
            pdf.add(dates(printed));
            if (printed.reason() != null) {
                pdf.add(new Paragraph("Reason: " + printed.reason(), NORMAL));
            }
            pdf.add(lines(printed));
            pdf.add(totals(printed));
            pdf.add(payment(printed));
            if (printed.billingOnBehalf() != null) {
                pdf.add(new Paragraph("\nBilling on behalf of " + printed.billingOnBehalf().billedInTheNameOf()
                        + ": what we billed end customers in its name, per tax category", BOLD));
                pdf.add(billingOnBehalf(printed.billingOnBehalf()));
                for (String missing : printed.billingOnBehalf().missing()) {
                    pdf.add(new Paragraph("Not shown: " + missing, SMALL));
                }
            }
            for (String note : printed.legalNotes()) {
                pdf.add(new Paragraph(note, SMALL));
            }
            pdf.close();
        } catch (DocumentException failed) {
            throw new IllegalStateException("Could not render document " + printed.documentNumber(), failed);
        }
        return out.toByteArray();
    }

    private static PdfPTable parties(PrintedDocument printed) {
        PdfPTable table = table(2);
        table.setSpacingBefore(12);
        table.addCell(party("Issued by", printed.issuer()));
        table.addCell(party("Partner", printed.partner()));
        return table;
    }

    private static PdfPCell party(String role, PrintedDocument.Party party) {
        Paragraph text = new Paragraph(role, BOLD);
        text.add(new Phrase("\n" + orMissing(party.legalName()), NORMAL));
        for (String line : party.address()) {
            text.add(new Phrase("\n" + line, NORMAL));
        }
        text.add(new Phrase("\nTax id: " + orMissing(party.taxId()), NORMAL));
        PdfPCell cell = new PdfPCell(text);
        cell.setBorder(PdfPCell.NO_BORDER);
        return cell;
    }

    private static PdfPTable dates(PrintedDocument printed) {
        PdfPTable table = table(4);
        table.setSpacingBefore(12);
        for (String header : List.of("Issue date", "Period", "Due date", "Currency")) {
            table.addCell(cell(header, BOLD, Element.ALIGN_LEFT));
        }
        table.addCell(cell(printed.issueDate(), NORMAL, Element.ALIGN_LEFT));
        table.addCell(cell(printed.periodStart() == null ? "-"
                : printed.periodStart() + " to " + printed.periodEnd() + " (exclusive)", NORMAL, Element.ALIGN_LEFT));
        table.addCell(cell(orMissing(printed.dueDate()), NORMAL, Element.ALIGN_LEFT));
        table.addCell(cell(printed.currency(), NORMAL, Element.ALIGN_LEFT));
        return table;
    }

    private static PdfPTable lines(PrintedDocument printed) {
        PdfPTable table = new PdfPTable(new float[] {1, 10, 3, 3});
        table.setWidthPercentage(100);
        table.setSpacingBefore(12);
        table.setHeaderRows(1);
        for (String header : List.of("#", "Description", "Quantity", "Amount")) {
            table.addCell(cell(header, BOLD, Element.ALIGN_LEFT));
        }
        for (PrintedDocument.Line line : printed.lines()) {
            table.addCell(cell(String.valueOf(line.lineNumber()), NORMAL, Element.ALIGN_LEFT));
            table.addCell(line.conversion() == null && line.usage() == null
                    ? cell(line.label(), NORMAL, Element.ALIGN_LEFT) : labelAndDetails(line));
            table.addCell(cell(line.quantity() == null ? "" : line.unit() == null ? line.quantity()
                    : line.quantity() + " " + line.unit(), NORMAL, Element.ALIGN_RIGHT));
            table.addCell(cell(line.amount(), NORMAL, Element.ALIGN_RIGHT));
        }
        return table;
    }

    /**
     * A line's label with, beneath it, what a usage line counts (records, quantity and unit price) and what a
     * converted line was converted at.
     */
    private static PdfPCell labelAndDetails(PrintedDocument.Line line) {
        Paragraph text = new Paragraph(line.label(), NORMAL);
        if (line.usage() != null) {
            text.add(new Phrase("\nUsage: " + line.usage(), SMALL));
        }
        if (line.conversion() != null) {
            text.add(new Phrase("\nConverted: " + line.conversion(), SMALL));
        }
        PdfPCell cell = new PdfPCell(text);
        cell.setHorizontalAlignment(Element.ALIGN_LEFT);
        cell.setPadding(3);
        return cell;
    }

    /** The items grouped by tax category, each group closed by its total per currency. */
    private static PdfPTable billingOnBehalf(PrintedDocument.BillingOnBehalf onBehalf) {
        PdfPTable table = new PdfPTable(new float[] {3, 7, 3, 4, 2});
        table.setWidthPercentage(100);
        table.setSpacingBefore(4);
        table.setHeaderRows(1);
        for (String header : List.of("Tax category", "Offering × usage type", "Quantity", "Gross charged",
                "Records")) {
            table.addCell(cell(header, BOLD, Element.ALIGN_LEFT));
        }
        for (PrintedDocument.TaxCategoryTotal total : onBehalf.taxCategories()) {
            for (PrintedDocument.Item item : onBehalf.items()) {
                if (Objects.equals(item.taxCategory(), total.taxCategory())
                        && item.currency().equals(total.currency())) {
                    table.addCell(cell(category(item.taxCategory()), NORMAL, Element.ALIGN_LEFT));
                    table.addCell(cell(item.offeringName() + " × " + item.usageType(), NORMAL, Element.ALIGN_LEFT));
                    table.addCell(cell(item.quantity() == null ? "" : item.quantity(), NORMAL, Element.ALIGN_RIGHT));
                    table.addCell(cell(minorUnit(item.grossCharged(), item.currency()) + " " + item.currency(),
                            NORMAL, Element.ALIGN_RIGHT));
                    table.addCell(cell(String.valueOf(item.recordCount()), NORMAL, Element.ALIGN_RIGHT));
                }
            }
            table.addCell(cell("Total " + category(total.taxCategory()), BOLD, Element.ALIGN_LEFT));
            table.addCell(cell("", NORMAL, Element.ALIGN_LEFT));
            table.addCell(cell("", NORMAL, Element.ALIGN_LEFT));
            table.addCell(cell(minorUnit(total.grossCharged(), total.currency()) + " " + total.currency(), BOLD,
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

    private static String category(String taxCategory) {
        return taxCategory == null ? "(not known)" : taxCategory;
    }

    private static PdfPTable totals(PrintedDocument printed) {
        PdfPTable table = new PdfPTable(new float[] {11, 6});
        table.setWidthPercentage(100);
        table.setSpacingBefore(8);
        table.addCell(cell("Net amount", BOLD, Element.ALIGN_RIGHT));
        table.addCell(cell(printed.netAmount() + " " + printed.currency(), NORMAL, Element.ALIGN_RIGHT));
        for (PrintedDocument.TaxLine tax : printed.taxLines()) {
            table.addCell(cell((tax.label() == null ? "Tax " : tax.label() + ": ") + tax.ratePercent() + " % on "
                    + tax.taxableAmount(), BOLD, Element.ALIGN_RIGHT));
            table.addCell(cell(tax.taxAmount() + " " + printed.currency(), NORMAL, Element.ALIGN_RIGHT));
        }
        boolean payable = "PAYABLE".equals(printed.direction());
        table.addCell(cell(payable ? "Total payable to the partner" : "Total payable by the partner", BOLD,
                Element.ALIGN_RIGHT));
        // what the partner pays is a positive amount: a receivable's total is negative from our side only
        String total = !payable && printed.totalAmount().startsWith("-") ? printed.totalAmount().substring(1)
                : printed.totalAmount();
        table.addCell(cell(total + " " + printed.currency(), BOLD, Element.ALIGN_RIGHT));
        return table;
    }

    private static Paragraph payment(PrintedDocument printed) {
        PrintedDocument.PaymentAccount account = printed.paymentAccount();
        Paragraph text = new Paragraph("Payment to: " + orMissing(account.holder()), BOLD);
        text.setSpacingBefore(12);
        if (account.iban() == null && account.account() != null) {
            text.add(new Phrase("\n" + account.account(), NORMAL));
            return text;
        }
        text.add(new Phrase("\nIBAN: " + (account.iban() == null ? "not confirmed yet" : account.iban())
                + (account.bic() == null ? "" : "   BIC: " + account.bic()), NORMAL));
        return text;
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

    private static String orMissing(String value) {
        return value == null || value.isBlank() ? "(not known)" : value;
    }
}
