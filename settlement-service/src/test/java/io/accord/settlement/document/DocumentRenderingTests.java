package io.accord.settlement.document;

import io.accord.settlement.issuer.IssuingEntities;
import io.accord.settlement.partner.PartnerTerms;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The composed and rendered document on its own (no Spring): legal fields, reverse charge, where to pay. */
class DocumentRenderingTests {

    private static final IssuingEntities.IssuingEntity ISSUER = new IssuingEntities.IssuingEntity("accord-de",
            "Accord Telecom Deutschland GmbH", new IssuingEntities.Address("Friedrichstraße 100", "10117", "Berlin",
            "DE"), "DE811907980", "ACD", new IssuingEntities.BankAccount("DE89370400440532013000", "COBADEFFXXX"));
    private static final String REVERSE_CHARGE = "Reverse charge: the recipient is liable for the VAT (Article 196, "
            + "Council Directive 2006/112/EC).";
    private static final Instant CONFIRMED = Instant.parse("2026-03-01T00:00:00Z");

    @Test
    void aWholesaleInvoiceUnderReverseChargePrintsTheLegalNoteAndTheIssuersAccount() throws Exception {
        UUID partner = UUID.randomUUID();
        DocumentContent content = new DocumentContent(UUID.randomUUID(), partner, "WHOLESALE_INVOICE",
                "ACD-2026-000007", "accord-de", Instant.parse("2026-04-02T10:00:00Z"),
                Instant.parse("2026-03-01T00:00:00Z"), Instant.parse("2026-04-01T00:00:00Z"),
                LocalDate.parse("2026-05-02"), "RECEIVABLE", "EUR",
                List.of(new DocumentContent.Line(1, "WHOLESALE", "Wholesale: sim-plan × DATA", "sim-plan", "DATA",
                        new BigDecimal("1200"), new BigDecimal("-1500.00"))),
                new BigDecimal("-1500.00"), "0", new BigDecimal("0.00"), REVERSE_CHARGE, new BigDecimal("-1500.00"),
                null, null, List.of());
        PartnerTerms.LegalData legal = new PartnerTerms.LegalData(partner, "Nordic MVNO AB", "SE", "RESELL", "EUR",
                "SE556677889901", new PartnerTerms.Address("Kungsgatan 1", null, "Stockholm", "111 43", "SE"),
                null);

        PrintedDocument printed = DocumentComposer.compose(content, ISSUER, legal);
        String text = StatementDocumentTests.text(PdfRenderer.render(printed));

        assertThat(printed.title()).isEqualTo("Wholesale invoice");
        assertThat(printed.paymentAccount().iban()).isEqualTo("DE89370400440532013000");
        assertThat(printed.legalNotes()).containsExactly(REVERSE_CHARGE);
        assertThat(printed.billingOnBehalf()).isNull();
        assertThat(text).contains("Wholesale invoice", "ACD-2026-000007", "Nordic MVNO AB", "SE556677889901",
                "111 43 Stockholm", "Tax 0 % on -1500.00", "Total payable by the partner", "-1500.00 EUR",
                "DE89370400440532013000", "Reverse charge: the recipient is liable for the VAT", "2026-05-02",
                "2026-03-01 to 2026-04-01");
        // the partner pays a positive amount; the net and tax lines keep our side's sign
        assertThat(text).contains("Total payable by the partner1500.00 EUR");
    }

    @Test
    void aStatementPayableToAPartnerWithoutIbanPrintsItsAccountNumberAndBankCode() throws Exception {
        UUID partner = UUID.randomUUID();
        PartnerTerms.LegalData american = legal(partner, "Gotham Telecom Inc", "US",
                new PartnerTerms.BankAccount(null, null, "123456789", "021000021", CONFIRMED));
        PartnerTerms.LegalData canadian = legal(partner, "Maple Mobile Ltd", "CA",
                new PartnerTerms.BankAccount(null, "ROYCCAT2", "1234567", "00011-003", CONFIRMED));

        PrintedDocument printed = DocumentComposer.compose(payable(partner), ISSUER, american);
        String text = StatementDocumentTests.text(PdfRenderer.render(printed));
        String json = tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(printed);
        PrintedDocument elsewhere = DocumentComposer.compose(payable(partner), ISSUER, canadian);

        assertThat(printed.paymentAccount()).isEqualTo(new PrintedDocument.PaymentAccount("Gotham Telecom Inc", null,
                null, "123456789", "021000021", "Account 123456789, ABA routing 021000021"));
        assertThat(text).contains("Payment to: Gotham Telecom Inc", "Account 123456789, ABA routing 021000021")
                .doesNotContain("not confirmed yet");
        assertThat(json).contains("\"accountNumber\":\"123456789\"", "\"bankCode\":\"021000021\"",
                "\"account\":\"Account 123456789, ABA routing 021000021\"");
        assertThat(elsewhere.paymentAccount().account())
                .isEqualTo("Account 1234567, bank code 00011-003, BIC ROYCCAT2");
        assertThat(StatementDocumentTests.text(PdfRenderer.render(elsewhere)))
                .contains("Account 1234567, bank code 00011-003, BIC ROYCCAT2");
    }

    @Test
    void anIbanAccountPrintsAsBeforeAndNoAccountSaysSo() throws Exception {
        UUID partner = UUID.randomUUID();
        PartnerTerms.LegalData french = legal(partner, "Northwind SAS", "FR", new PartnerTerms.BankAccount(
                "FR7630006000011234567890189", "AGRIFRPPXXX", null, null, CONFIRMED));

        PrintedDocument printed = DocumentComposer.compose(payable(partner), ISSUER, french);
        PrintedDocument none = DocumentComposer.compose(payable(partner), ISSUER,
                legal(partner, "Nobank Inc", "US", null));
        String json = tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(printed);

        assertThat(StatementDocumentTests.text(PdfRenderer.render(printed)))
                .contains("IBAN: FR7630006000011234567890189", "BIC: AGRIFRPPXXX");
        assertThat(json).doesNotContain("accountNumber", "bankCode", "\"account\"");
        assertThat(StatementDocumentTests.text(PdfRenderer.render(none))).contains("IBAN: not confirmed yet");
    }

    private static DocumentContent payable(UUID partner) {
        return new DocumentContent(UUID.randomUUID(), partner, "REVENUE_SHARE_STATEMENT", "ACD-2026-000021",
                "accord-de", Instant.parse("2026-04-02T10:00:00Z"), Instant.parse("2026-03-01T00:00:00Z"),
                Instant.parse("2026-04-01T00:00:00Z"), LocalDate.parse("2026-05-02"), "PAYABLE", "USD",
                List.of(new DocumentContent.Line(1, "USAGE_REVENUE_SHARE", "Revenue share: Video × VOICE", "off-v",
                        "VOICE", new BigDecimal("3"), new BigDecimal("7.00"))),
                new BigDecimal("7.00"), "0", new BigDecimal("0.00"), null, new BigDecimal("7.00"), null, null,
                List.of());
    }

    private static PartnerTerms.LegalData legal(UUID partner, String name, String country,
                                                PartnerTerms.BankAccount account) {
        return new PartnerTerms.LegalData(partner, name, country, "RESELL", "USD", null, null, account);
    }

    @Test
    void aLineConvertedFromAnotherCurrencyPrintsTheSourceAmountAndTheRateInThePdfAndTheJson() throws Exception {
        DocumentContent content = new DocumentContent(UUID.randomUUID(), UUID.randomUUID(), "SETTLEMENT_STATEMENT",
                "ACD-2026-000013", "accord-de", Instant.parse("2026-04-02T10:00:00Z"),
                Instant.parse("2026-03-01T00:00:00Z"), Instant.parse("2026-04-01T00:00:00Z"),
                LocalDate.parse("2026-05-02"), "RECEIVABLE", "EUR",
                List.of(new DocumentContent.Line(1, "WHOLESALE", "Wholesale: Gold × DATA", "off-gold", "DATA",
                                new BigDecimal("1"), new BigDecimal("-51752.55"), new BigDecimal("2500.1234560000"),
                                new BigDecimal("-20.700000"), "XAU"),
                        new DocumentContent.Line(2, "USAGE_REVENUE_SHARE", "Revenue share: Video × VOICE", "off-v",
                                "VOICE", new BigDecimal("3"), new BigDecimal("7.00"))),
                new BigDecimal("-51745.55"), "0", new BigDecimal("0.00"), null, new BigDecimal("-51745.55"), null,
                null, List.of());

        PrintedDocument printed = DocumentComposer.compose(content, ISSUER, null);
        String text = StatementDocumentTests.text(PdfRenderer.render(printed));
        String json = tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(printed);

        PrintedDocument.Line converted = printed.lines().getFirst();
        assertThat(converted.sourceAmount()).isEqualTo("-20.70");
        assertThat(converted.sourceCurrency()).isEqualTo("XAU");
        assertThat(converted.fxRate()).isEqualTo("2500.123456");
        assertThat(converted.conversion()).isEqualTo("-20.70 XAU × 2500.123456 = -51752.55 EUR");
        assertThat(printed.lines().get(1).conversion()).isNull();
        assertThat(printed.lines().get(1).fxRate()).isNull();
        assertThat(text).contains("-20.70 XAU × 2500.123456 = -51752.55 EUR");
        assertThat(json).contains("\"fxRate\":\"2500.123456\"", "\"sourceAmount\":\"-20.70\"",
                "\"sourceCurrency\":\"XAU\"", "\"conversion\":\"-20.70 XAU × 2500.123456 = -51752.55 EUR\"");
    }

    @Test
    void aMixedStatementIsASettlementStatementWhoseSelfBillingMentionCoversItsRevenueShareLinesOnly()
            throws Exception {
        DocumentContent content = new DocumentContent(UUID.randomUUID(), UUID.randomUUID(), "SETTLEMENT_STATEMENT",
                "ACD-2026-000012", "accord-de", Instant.parse("2026-04-02T10:00:00Z"),
                Instant.parse("2026-03-01T00:00:00Z"), Instant.parse("2026-04-01T00:00:00Z"),
                LocalDate.parse("2026-05-02"), "PAYABLE", "EUR",
                List.of(new DocumentContent.Line(1, "USAGE_REVENUE_SHARE", "Revenue share: Video Plus × VOICE",
                                "off-video", "VOICE", new BigDecimal("60"), new BigDecimal("7.00")),
                        new DocumentContent.Line(2, "WHOLESALE", "Wholesale: SIM Plan × DATA", "sim-plan", "DATA",
                                new BigDecimal("1"), new BigDecimal("-5.00"))),
                new BigDecimal("2.00"), "19.0000", new BigDecimal("0.38"), null, new BigDecimal("2.38"), null, null,
                List.of());

        PrintedDocument printed = DocumentComposer.compose(content, ISSUER, null);
        String text = StatementDocumentTests.text(PdfRenderer.render(printed));

        assertThat(text).as("the rate as a person writes it, not the terms' scale").contains("Tax 19 % on 2.00");
        assertThat(printed.title()).isEqualTo("Settlement statement (revenue share and wholesale, netted)");
        assertThat(printed.legalNotes()).containsExactly(DocumentComposer.SELF_BILLING_REVENUE_SHARE_NOTE);
        assertThat(text.replaceAll("\\s+", " ")).contains(
                "Settlement statement: self-billed invoice (revenue share) and invoice (wholesale), "
                        + "netted", "Self-billing of the revenue-share lines", "Total payable to the partner");
    }

    @Test
    void aNettedStatementPrintsTheVatOfEachSupplyOnItsOwnLine() throws Exception {
        DocumentContent content = new DocumentContent(UUID.randomUUID(), UUID.randomUUID(), "SETTLEMENT_STATEMENT",
                "ACD-2026-000016", "accord-de", Instant.parse("2026-12-02T10:00:00Z"),
                Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-12-01T00:00:00Z"),
                LocalDate.parse("2027-01-01"), "RECEIVABLE", "EUR",
                List.of(new DocumentContent.Line(1, "USAGE_REVENUE_SHARE", "Revenue share: Video Plus × VOICE",
                                "off-video", "VOICE", new BigDecimal("60"), new BigDecimal("138.28")),
                        new DocumentContent.Line(2, "WHOLESALE", "Wholesale: SIM Plan × DATA", "sim-plan", "DATA",
                                new BigDecimal("1"), new BigDecimal("-142.31"))),
                new BigDecimal("-4.03"), "19.0000", new BigDecimal("-0.77"), null, new BigDecimal("-4.80"), null, null,
                List.of(), List.of(
                        new DocumentContent.TaxLine("VAT on your supply to us (self-billed)", "19.0000",
                                new BigDecimal("138.28"), new BigDecimal("26.27"), null),
                        new DocumentContent.TaxLine("VAT on our supply to you", "19.0000", new BigDecimal("-142.31"),
                                new BigDecimal("-27.04"), null)));

        PrintedDocument printed = DocumentComposer.compose(content, ISSUER, null);
        String text = StatementDocumentTests.text(PdfRenderer.render(printed));

        assertThat(printed.taxLines()).extracting(PrintedDocument.TaxLine::label, PrintedDocument.TaxLine::ratePercent,
                        PrintedDocument.TaxLine::taxableAmount, PrintedDocument.TaxLine::taxAmount)
                .containsExactly(tuple("VAT on your supply to us (self-billed)", "19", "138.28", "26.27"),
                        tuple("VAT on our supply to you", "19", "-142.31", "-27.04"));
        assertThat(text).contains("VAT on your supply to us (self-billed): 19 % on 138.28", "26.27 EUR",
                "VAT on our supply to you: 19 % on -142.31", "-27.04 EUR", "Total payable by the partner4.80 EUR");
        assertThat(text).doesNotContain("Tax 19 % on -4.03");
    }

    @Test
    void aPeriodClosedEarlyPrintsTheMomentItEndedNotTheSameDateTwice() throws Exception {
        DocumentContent content = new DocumentContent(UUID.randomUUID(), UUID.randomUUID(), "REVENUE_SHARE_STATEMENT",
                "ACD-2026-000011", "accord-de", Instant.parse("2026-04-01T15:00:00Z"),
                Instant.parse("2026-04-01T00:00:00Z"), Instant.parse("2026-04-01T14:30:05.123456Z"),
                LocalDate.parse("2026-05-01"), "PAYABLE", "EUR", List.of(), new BigDecimal("0.00"), "19",
                new BigDecimal("0.00"), null, new BigDecimal("0.00"), null, null, List.of());

        PrintedDocument printed = DocumentComposer.compose(content, ISSUER, null);
        String text = StatementDocumentTests.text(PdfRenderer.render(printed));

        assertThat(printed.periodStart()).isEqualTo("2026-04-01");
        assertThat(printed.periodEnd()).isEqualTo("2026-04-01 14:30:05 UTC");
        assertThat(text.replaceAll("\\s+", " ")).contains("2026-04-01 to 2026-04-01 14:30:05 UTC (exclusive)");
        assertThat(DocumentComposer.bound(Instant.parse("2026-04-01T14:30:05Z"))).isEqualTo("2026-04-01 14:30:05 UTC");
    }

    @Test
    void aUsageLinePrintsItsUnitRecordCountAndUnitPriceInThePdfAndTheJson() throws Exception {
        DocumentContent content = new DocumentContent(UUID.randomUUID(), UUID.randomUUID(), "WHOLESALE_INVOICE",
                "ACD-2026-000021", "accord-de", Instant.parse("2026-04-02T10:00:00Z"),
                Instant.parse("2026-03-01T00:00:00Z"), Instant.parse("2026-04-01T00:00:00Z"),
                LocalDate.parse("2026-05-02"), "RECEIVABLE", "EUR",
                List.of(new DocumentContent.Line(1, "WHOLESALE", "Wholesale: S60A Mobile × DATA", "s60a", "DATA",
                                new BigDecimal("1274.500000000"), new BigDecimal("-1.00"), null, null, null, "MB", 3L,
                                new BigDecimal("0.000781250000")),
                        new DocumentContent.Line(2, "WHOLESALE", "Wholesale: S60A Mobile × VOICE", "s60a", "VOICE",
                                new BigDecimal("4.1"), new BigDecimal("-0.04"), null, null, null, "MIN", 1L, null)),
                new BigDecimal("-1.04"), "0", new BigDecimal("0.00"), null, new BigDecimal("-1.04"), null,
                null, List.of());

        PrintedDocument printed = DocumentComposer.compose(content, ISSUER, null);
        String text = StatementDocumentTests.text(PdfRenderer.render(printed));
        String json = tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(printed);

        PrintedDocument.Line data = printed.lines().getFirst();
        assertThat(data.unit()).isEqualTo("MB");
        assertThat(data.recordCount()).isEqualTo(3L);
        assertThat(data.unitPrice()).isEqualTo("0.00078125");
        assertThat(data.usage()).isEqualTo("3 rated records, 1274.5 MB charged at 0.00078125 EUR per MB");
        // records of no one price: no price printed
        assertThat(printed.lines().get(1).usage()).isEqualTo("1 rated record, 4.1 MIN");
        assertThat(text).contains("1274.5 MB", "Usage: 3 rated records, 1274.5 MB charged at 0.00078125 EUR per MB",
                "4.1 min", "Usage: 1 rated record, 4.1 min");
        assertThat(json).contains("\"unit\":\"MB\"", "\"recordCount\":3", "\"unitPrice\":\"0.00078125\"");
    }

    @Test
    void aCreditNoteNamesTheStatementItCorrectsAndWithoutAConfirmedAccountSaysSo() throws Exception {
        UUID partner = UUID.randomUUID();
        DocumentContent content = new DocumentContent(UUID.randomUUID(), partner, "CREDIT_NOTE", "ACD-2026-000009",
                "accord-de", Instant.parse("2026-04-10T10:00:00Z"), Instant.parse("2026-03-01T00:00:00Z"),
                Instant.parse("2026-04-01T00:00:00Z"), LocalDate.parse("2026-05-10"), "PAYABLE", "EUR",
                List.of(new DocumentContent.Line(1, "CORRECTION", "Missing video minutes", null, null, null,
                        new BigDecimal("25.00"))), new BigDecimal("25.00"), "19", new BigDecimal("4.75"), null,
                new BigDecimal("29.75"), "ACD-2026-000007", "dispute dsp-7 accepted", List.of());

        PrintedDocument printed = DocumentComposer.compose(content, ISSUER, null);
        String text = StatementDocumentTests.text(PdfRenderer.render(printed));

        assertThat(printed.paymentAccount().iban()).isNull();
        assertThat(text).contains("Credit note", "Corrects: ACD-2026-000007", "Reason: dispute dsp-7 accepted",
                "Missing video minutes", "29.75 EUR", "IBAN: not confirmed yet", "(not known)");
    }

    @Test
    void aGermanPartnersSelfBilledStatementIsAGutschriftInGermanWithGermanNumbersAndDatesWhileTheJsonKeepsCodes()
            throws Exception {
        UUID partner = UUID.randomUUID();
        DocumentContent content = new DocumentContent(UUID.randomUUID(), partner, "REVENUE_SHARE_STATEMENT",
                "ACD-2026-000031", "accord-de", Instant.parse("2026-04-02T10:00:00Z"),
                Instant.parse("2026-03-01T00:00:00Z"), Instant.parse("2026-04-01T00:00:00Z"),
                LocalDate.parse("2026-05-02"), "PAYABLE", "EUR",
                List.of(new DocumentContent.Line(1, "USAGE_REVENUE_SHARE", "Revenue share: Video Plus × VOICE",
                        "off-video", "VOICE", new BigDecimal("9962.233333363"), new BigDecimal("13220.20"), null,
                        null, null, "MIN", 37772L, new BigDecimal("0.5"))),
                new BigDecimal("13220.20"), "19.0000", new BigDecimal("2511.84"), null, new BigDecimal("15732.04"),
                null, null, List.of());
        PartnerTerms.LegalData streamly = new PartnerTerms.LegalData(partner, "Streamly Media GmbH", "DE",
                "SELL_THROUGH", "EUR", "DE136695976",
                new PartnerTerms.Address("Torstraße 1", null, "Berlin", "10119", "DE"), null);

        PrintedDocument printed = DocumentComposer.compose(content, ISSUER, streamly);
        String text = StatementDocumentTests.text(PdfRenderer.render(printed));
        String json = tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(printed);

        assertThat(text.replaceAll("\\s+", " ")).contains("Gutschrift – Abrechnung der Umsatzbeteiligung", "Belegnummer: ACD-2026-000031",
                "Umsatzbeteiligung: Video Plus × VOICE", "13.220,20", "USt 19 % auf 13.220,20", "2.511,84 EUR",
                "Gesamtbetrag zahlbar an den Partner15.732,04 EUR", "02.04.2026", "01.03.2026 bis 01.04.2026",
                "02.05.2026", "9.962,233 Min.", "37772 bewertete Datensätze",
                "berechnet zu 0,50 EUR je Min.", "Gutschrift: Abrechnung durch den Leistungsempfänger",
                "§ 14 Abs. 2 Satz 2 und Abs. 4 Satz 1 Nr. 10 UStG")
                .doesNotContain("Self-billing", "Total payable", "9962.233333363");
        // the JSON stays machine-readable: codes, exact figures, its texts as before
        assertThat(printed.language()).isEqualTo("de");
        assertThat(printed.selfBilled()).isTrue();
        assertThat(printed.title()).isEqualTo("Self-billing revenue-share statement");
        assertThat(json).contains("\"language\":\"de\"", "\"selfBilled\":true", "\"quantity\":\"9962.233333363\"",
                "\"unitPrice\":\"0.5\"", "\"netAmount\":\"13220.20\"");
    }

    @Test
    void anEnglishSelfBilledStatementSaysSoAndPrintsQuantitiesAndPricesReadablyWithItsShare() throws Exception {
        UUID partner = UUID.randomUUID();
        DocumentContent content = new DocumentContent(UUID.randomUUID(), partner, "REVENUE_SHARE_STATEMENT",
                "ACD-2026-000032", "accord-de", Instant.parse("2026-04-02T10:00:00Z"),
                Instant.parse("2026-03-01T00:00:00Z"), Instant.parse("2026-04-01T00:00:00Z"),
                LocalDate.parse("2026-05-02"), "PAYABLE", "EUR",
                List.of(new DocumentContent.Line(1, "USAGE_REVENUE_SHARE", "Revenue share: Video Plus × VOICE",
                                "off-video", "VOICE", new BigDecimal("9962.233333363"), new BigDecimal("100.00"),
                                null, null, null, "MIN", 12L, null),
                        new DocumentContent.Line(2, "USAGE_REVENUE_SHARE", "Revenue share: Video Plus × PLAY",
                                "off-video", "PLAY", new BigDecimal("37772.000000000"), new BigDecimal("13220.20"),
                                null, null, null, "EVENT", 37772L, new BigDecimal("0.500000000000"),
                                new BigDecimal("70.0000"))),
                new BigDecimal("13320.20"), "0", new BigDecimal("0.00"), null, new BigDecimal("13320.20"),
                null, null, List.of());

        PrintedDocument printed = DocumentComposer.compose(content, ISSUER,
                legal(partner, "Northwind SAS", "FR", null));
        String text = StatementDocumentTests.text(PdfRenderer.render(printed));

        assertThat(printed.language()).isEqualTo("en");
        assertThat(text).contains("Self-billed invoice – revenue-share statement", "9962.233 min",
                "37772 events", "Usage: 37772 rated records, 37772 events charged at 0.50 EUR per event, share 70 %")
                .doesNotContain("9962.233333363", "0.5 EUR per EVENT", "Gutschrift");
        assertThat(printed.lines().get(1).shareRate()).isEqualTo("70");
        assertThat(printed.lines().get(0).shareRate()).isNull();
        assertThat(printed.lines().get(0).quantity()).isEqualTo("9962.233333363");
    }

    @Test
    void anAustrianResellersWholesaleInvoiceIsAPlainInvoiceInGermanNotAGutschrift() throws Exception {
        UUID partner = UUID.randomUUID();
        DocumentContent content = new DocumentContent(UUID.randomUUID(), partner, "WHOLESALE_INVOICE",
                "ACD-2026-000033", "accord-de", Instant.parse("2026-04-02T10:00:00Z"),
                Instant.parse("2026-03-01T00:00:00Z"), Instant.parse("2026-04-01T00:00:00Z"),
                LocalDate.parse("2026-05-02"), "RECEIVABLE", "EUR",
                List.of(new DocumentContent.Line(1, "WHOLESALE", "Wholesale: SIM Plan × DATA", "sim-plan", "DATA",
                        new BigDecimal("1200"), new BigDecimal("-1500.00"))),
                new BigDecimal("-1500.00"), "0", new BigDecimal("0.00"), REVERSE_CHARGE, new BigDecimal("-1500.00"),
                null, null, List.of());

        PrintedDocument printed = DocumentComposer.compose(content, ISSUER,
                legal(partner, "Alpen Mobil GmbH", "AT", null));
        String text = StatementDocumentTests.text(PdfRenderer.render(printed));

        assertThat(printed.selfBilled()).isFalse();
        assertThat(text).contains("Rechnung (Wholesale)", "Gesamtbetrag zahlbar durch den Partner1.500,00 EUR",
                "Steuerschuldnerschaft des Leistungsempfängers").doesNotContain("Gutschrift");
    }

    @Test
    void aGermanDocumentPrintsWhatAPriorPeriodLineAdjustsAConvertedLineAndItsAgreementVersionsInGerman()
            throws Exception {
        UUID partner = UUID.randomUUID();
        String adjusts = "period 2026-01-01 – 2026-02-01 (1 late record); period 2026-02-01 – 2026-03-01 (2 late "
                + "records): statement ACD-2026-000021, line 7b0e4c1a-0000-4000-8000-000000000001-1";
        DocumentContent content = new DocumentContent(UUID.randomUUID(), partner, "REVENUE_SHARE_STATEMENT",
                "ACD-2026-000034", "accord-de", Instant.parse("2026-04-02T10:00:00Z"),
                Instant.parse("2026-03-01T00:00:00Z"), Instant.parse("2026-04-01T00:00:00Z"),
                LocalDate.parse("2026-05-02"), "PAYABLE", "EUR",
                List.of(new DocumentContent.Line(1, "PRIOR_PERIOD_ADJUSTMENT", "Prior-period adjustment: Video Plus × "
                                + "VOICE", "off-video", "VOICE", new BigDecimal("12"), new BigDecimal("3.00"), null,
                                null, null, "MIN", 3L, new BigDecimal("0.5"), null, adjusts),
                        new DocumentContent.Line(2, "USAGE_REVENUE_SHARE", "Revenue share: Gold × DATA", "off-gold",
                                "DATA", new BigDecimal("1"), new BigDecimal("51752.55"),
                                new BigDecimal("2500.1234560000"), new BigDecimal("20.700000"), "XAU"),
                        new DocumentContent.Line(3, "RECURRING_SHARE", "Prior-period adjustment (product started in a "
                                + "closed period): Recurring share: Video Plus", "off-video", null, null,
                                new BigDecimal("1.00"))),
                new BigDecimal("51756.55"), "19", new BigDecimal("9833.74"), null, new BigDecimal("61590.29"),
                null, null, List.of(), List.of(), List.of(new DocumentContent.AgreementVersion("agr-7", 1),
                        new DocumentContent.AgreementVersion("agr-9", 2)));

        PrintedDocument printed = DocumentComposer.compose(content, ISSUER,
                legal(partner, "Streamly Media GmbH", "DE", null));
        String text = StatementDocumentTests.text(PdfRenderer.render(printed)).replaceAll("\\s+", " ");

        // compared without white space: the PDF wraps the small print where it likes
        assertThat(text.replace(" ", "")).contains(Stream.of("Korrektur Vorperiode: Video Plus × VOICE",
                "Korrigiert: Zeitraum 01.01.2026 – 01.02.2026 (1 nachträglicher Datensatz); Zeitraum 01.02.2026 – "
                        + "01.03.2026 (2 nachträgliche Datensätze): Beleg ACD-2026-000021, Position "
                        + "7b0e4c1a-0000-4000-8000-000000000001-1",
                "Umgerechnet: 20,70 XAU × 2.500,123456 = 51.752,55 EUR",
                "Korrektur Vorperiode (Produkt in einem abgeschlossenen Zeitraum begonnen): Wiederkehrender Anteil: "
                        + "Video Plus",
                "Vereinbarungen: agr-7 (Version 1), agr-9 (Version 2)").map(expected -> expected.replace(" ", ""))
                .toList());
        assertThat(text).doesNotContain("period 20", "late record", "statement ACD", ", line ", "Adjusts", "Converted",
                        "Prior-period", "Recurring share", "Agreement", "version 1", "2026-01-01");
        // the JSON keeps the stored English reference and names the versions
        assertThat(printed.lines().getFirst().adjusts()).isEqualTo(adjusts);
        assertThat(printed.agreements()).extracting(PrintedDocument.AgreementVersion::agreementId,
                PrintedDocument.AgreementVersion::version).containsExactly(tuple("agr-7", 1), tuple("agr-9", 2));
        String english = StatementDocumentTests.text(PdfRenderer.render(DocumentComposer.compose(content, ISSUER,
                legal(partner, "Northwind SAS", "FR", null)))).replaceAll("\\s+", " ");
        assertThat(english.replace(" ", "")).contains(Stream.of("Adjusts: " + adjusts,
                "Agreements: agr-7 (version 1), agr-9 (version 2)",
                "Converted: 20.70 XAU × 2500.123456 = 51752.55 EUR").map(expected -> expected.replace(" ", ""))
                .toList());
    }

    @Test
    void aGermanPartnersAccountWithoutIbanPrintsInGerman() throws Exception {
        UUID partner = UUID.randomUUID();
        DocumentContent content = new DocumentContent(UUID.randomUUID(), partner, "REVENUE_SHARE_STATEMENT",
                "ACD-2026-000035", "accord-de", Instant.parse("2026-04-02T10:00:00Z"),
                Instant.parse("2026-03-01T00:00:00Z"), Instant.parse("2026-04-01T00:00:00Z"),
                LocalDate.parse("2026-05-02"), "PAYABLE", "EUR",
                List.of(new DocumentContent.Line(1, "USAGE_REVENUE_SHARE", "Revenue share: Video × VOICE", "off-v",
                        "VOICE", new BigDecimal("3"), new BigDecimal("7.00"))),
                new BigDecimal("7.00"), "0", new BigDecimal("0.00"), null, new BigDecimal("7.00"), null, null,
                List.of());

        String text = StatementDocumentTests.text(PdfRenderer.render(DocumentComposer.compose(content, ISSUER,
                legal(partner, "Alpen Mobil AG", "CH",
                        new PartnerTerms.BankAccount(null, "POFICHBEXXX", "0012345678", "09000", CONFIRMED)))));

        assertThat(text).contains("Konto 0012345678, Bankleitzahl 09000, BIC POFICHBEXXX")
                .doesNotContain("Account", "bank code");
    }

    @Test
    void aGermanDocumentPrintsEveryLineKindsLabelInGermanWhileTheJsonKeepsTheStoredEnglish() throws Exception {
        UUID partner = UUID.randomUUID();
        // the labels as the statement drafts them (ProductChargeLines, TierBonusLines, StatementLines,
        // StatementComposer): whole English sentences
        List<String> labels = List.of(
                "Recurring share: Video Plus (off-video), 70 % (rule video × any) of the prorated recurring charge "
                        + "of 3 products",
                "One-time share: Studio (off-studio), 12.5 % (participant share) of the one-time charge of 1 product",
                "Recurring wholesale: Gold (off-gold), owed in full (bought for its own customer) of the prorated "
                        + "recurring charge of 2 products",
                "One-time wholesale: Tariff (off-tariff), owed in full of the one-time charge of 1 product",
                "Recurring wholesale: Per-SIM monthly fee (1.50 EUR per SIM and month, by day), 12 × SIM",
                "Volume-tier bonus (rule video × any on VOICE MIN, base 70 %): 1500 units, 500 units from 1000 at "
                        + "+5 %, of 1234.50 EUR gross",
                "Minimum guarantee top-up: 500.00 EUR for the period (500 monthly, monthly calendar period "
                        + "2026-03-01 – 2026-04-01 (UTC)) − 120.00 EUR payable lines − 80.00 EUR of its earlier "
                        + "periods' lines − 10.00 EUR of their usage billed late (prior-period adjustments) − 30.00 EUR "
                        + "charged on their statements",
                "Minimum commitment given back (charged before): 300.00 EUR for the period (300 monthly, quarterly "
                        + "calendar period 2026-01-01 – 2026-04-01 (UTC)) − 310.00 EUR wholesale lines",
                "Dispute dsp-7 adjustment adj-3 (credit) on statement line 7b0e4c1a-1: billed twice");
        List<DocumentContent.Line> lines = new java.util.ArrayList<>();
        for (String label : labels) {
            lines.add(new DocumentContent.Line(lines.size() + 1, "RECURRING_SHARE", label, null, null, null,
                    new BigDecimal("1.00")));
        }
        DocumentContent statement = new DocumentContent(UUID.randomUUID(), partner, "REVENUE_SHARE_STATEMENT",
                "ACD-2026-000036", "accord-de", Instant.parse("2026-04-02T10:00:00Z"),
                Instant.parse("2026-03-01T00:00:00Z"), Instant.parse("2026-04-01T00:00:00Z"),
                LocalDate.parse("2026-05-02"), "PAYABLE", "EUR", lines, new BigDecimal("9.00"), "19",
                new BigDecimal("1.71"), null, new BigDecimal("10.71"), null, null, List.of());
        DocumentContent note = new DocumentContent(UUID.randomUUID(), partner, "CREDIT_NOTE", "ACD-2026-000037",
                "accord-de", Instant.parse("2026-04-10T10:00:00Z"), Instant.parse("2026-03-01T00:00:00Z"),
                Instant.parse("2026-04-01T00:00:00Z"), LocalDate.parse("2026-05-10"), "PAYABLE", "EUR",
                List.of(new DocumentContent.Line(1, "CORRECTION", "Dispute dsp-7 adjustment adj-4 (debit) (corrects "
                        + "line 2)", null, null, null, new BigDecimal("25.00"))), new BigDecimal("25.00"), "19",
                new BigDecimal("4.75"), null, new BigDecimal("29.75"), "ACD-2026-000036",
                "Dispute dsp-7 resolved: billed twice", List.of());

        PrintedDocument printed = DocumentComposer.compose(statement, ISSUER,
                legal(partner, "Streamly Media GmbH", "DE", null));
        String text = StatementDocumentTests.text(PdfRenderer.render(printed)) + StatementDocumentTests.text(
                PdfRenderer.render(DocumentComposer.compose(note, ISSUER, legal(partner, "Streamly Media GmbH", "DE",
                        null))));

        assertThat(text.replaceAll("\\s+", "")).contains(Stream.of(
                "Wiederkehrender Anteil: Video Plus (off-video), 70 % (Regel video × alle) des anteiligen "
                        + "wiederkehrenden Entgelts von 3 Produkten",
                "Einmaliger Anteil: Studio (off-studio), 12,5 % (Beteiligungsanteil) des einmaligen Entgelts von 1 "
                        + "Produkt",
                "Wiederkehrendes Wholesale: Gold (off-gold), voll geschuldet (für den eigenen Kunden gekauft) des "
                        + "anteiligen wiederkehrenden Entgelts von 2 Produkten",
                "Einmaliges Wholesale: Tariff (off-tariff), voll geschuldet des einmaligen Entgelts von 1 Produkt",
                "Wiederkehrendes Wholesale: Monatliche Gebühr je SIM (1,50 EUR je SIM und Monat, tageweise), 12 × SIM",
                "Mengenstaffel-Bonus (Regel video × alle für VOICE MIN, Basis 70 %): 1.500 Einheiten, 500 Einheiten "
                        + "ab 1.000 zu +5 %, auf 1.234,50 EUR brutto",
                "Aufstockung auf die Mindestgarantie: 500,00 EUR für den Zeitraum (500 monatlich, monatlicher "
                        + "Kalenderzeitraum 01.03.2026 – 01.04.2026 (UTC)) − 120,00 EUR zahlbare Positionen − 80,00 "
                        + "EUR Positionen seiner früheren Teilzeiträume − 10,00 EUR ihrer nachträglich abgerechneten "
                        + "Nutzung (Korrekturen Vorperiode) − 30,00 EUR auf ihren Belegen berechnet",
                "Mindestabnahme erstattet (zuvor berechnet): 300,00 EUR für den Zeitraum (300 monatlich, "
                        + "vierteljährlicher Kalenderzeitraum 01.01.2026 – 01.04.2026 (UTC)) − 310,00 EUR "
                        + "Wholesale-Positionen",
                "Streitfall dsp-7, Korrektur adj-3 (zu Ihren Gunsten) zur Abrechnungsposition 7b0e4c1a-1: billed "
                        + "twice",
                "Streitfall dsp-7, Korrektur adj-4 (zu Ihren Lasten) (korrigiert Position 2)",
                "Grund: Streitfall dsp-7 beigelegt: billed twice").map(expected -> expected.replaceAll("\\s+", ""))
                .toList());
        assertThat(text.replaceAll("\\s+", " ")).doesNotContain("prorated", "one-time charge", "product", "owed in "
                + "full", "participant share", "rule video", "monthly fee", "Volume-tier", "units", "gross",
                "Minimum", "for the period", "payable lines", "wholesale lines", "earlier periods", "billed late",
                "charged on", "Dispute", "adjustment", "(credit)", "(debit)", "statement line", "corrects line",
                "resolved");
        // the JSON keeps the labels as stored
        assertThat(printed.lines()).extracting(PrintedDocument.Line::label).containsExactlyElementsOf(labels);
    }
}
