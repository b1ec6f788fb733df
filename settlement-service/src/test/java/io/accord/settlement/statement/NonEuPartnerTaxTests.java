package io.accord.settlement.statement;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import io.accord.contracts.Roles;
import io.accord.contracts.Topics;
import io.accord.settlement.SettlementFixtures;
import io.accord.settlement.StatementFixtures;
import io.accord.settlement.money.SettlementMath;
import io.accord.settlement.note.CorrectionNotes;
import io.accord.settlement.partner.PartnerTerms;
import io.accord.settlement.period.SettlementPeriods;
import io.accord.settlement.usage.UsageSums;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.RatedUsageEvents;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestJwt;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A partner outside the EU (onboarding gives it 0 % without reverse charge) billed by our German entity: its supply to
 * us, self-billed, is taxed in Germany and we account for the VAT (Articles 44 and 196, § 13b UStG): reverse charge
 * with its note; our supply to it is outside the scope of EU VAT, with a note saying so. The statement's JSON (tax
 * lines, note), its document (JSON and PDF) and TMF678 say the same, for a revenue-share statement, a wholesale
 * invoice and a netted statement.
 */
@AccordServiceTest
class NonEuPartnerTaxTests {

    private static final String ZERO_RATED = SettlementFixtures.terms("MONTHLY", "EUR")
            .replace("\"ratePercent\":\"19\"", "\"ratePercent\":\"0\"");
    private static final String RC = SettlementMath.REVERSE_CHARGE_NOTE;
    private static final String OUTSIDE = SettlementMath.OUTSIDE_SCOPE_NOTE;

    @LocalServerPort
    int port;

    private final SettlementFixtures fixtures;
    private final Statements statements;
    private final SettlementPeriods periods;
    private final UsageSums sums;
    private final PartnerTerms partners;
    private final Clock clock;
    private final CorrectionNotes notes;

    NonEuPartnerTaxTests(SettlementFixtures fixtures, SettlementPeriods periods, UsageSums sums,
                         Statements statements, PartnerTerms partners, Clock clock, CorrectionNotes notes) {
        this.notes = notes;
        this.fixtures = fixtures;
        this.statements = statements;
        this.periods = periods;
        this.sums = sums;
        this.partners = partners;
        this.clock = clock;
    }

    @Test
    void aSwissPartnersSelfBilledRevenueShareIsReverseChargedOnTheStatementItsDocumentAndTmf() throws Exception {
        String partner = partnerIn("CH", "SELL_THROUGH");

        Statements.View issued = issue(partner, RatedUsageEvents.rated("off-share", usage()).charge("200.00")
                .share(partner, "50").build());

        assertThat(issued.documentType()).isEqualTo(DocumentTypes.REVENUE_SHARE_STATEMENT);
        assertThat(issued.taxAmount()).isEqualByComparingTo("0");
        assertThat(issued.taxNote()).isEqualTo(RC);
        assertThat(issued.taxLines()).singleElement().satisfies(tax -> {
            assertThat(tax.supply()).isEqualTo("REVENUE_SHARE");
            assertThat(tax.category()).isEqualTo("REVERSE_CHARGE");
            assertThat(tax.note()).isEqualTo(RC);
        });
        JsonNode document = document(issued, "application/json");
        assertThat(document.path("legalNotes").toString()).contains("Reverse charge").doesNotContain("Article 44");
        assertThat(document.path("taxLines").get(0).path("ratePercent").asString()).isEqualTo("0");
        // German for a Swiss partner
        assertThat(pdf(issued)).contains("Steuerschuldnerschaft", "Reverse Charge").doesNotContain("steuerbar");
        JsonNode bill = tmf().get("/tmf-api/customerBillManagement/v4/customerBill/" + issued.id()).json();
        assertThat(bill.path("taxItem")).singleElement().satisfies(item ->
                assertThat(item.path("taxCategory").asString()).isEqualTo("REVERSE_CHARGE"));
        JsonNode rate = tmf().get("/tmf-api/customerBillManagement/v4/appliedCustomerBillingRate/"
                + issued.lineId(1)).json();
        assertThat(rate.path("appliedTax").get(0).path("taxCategory").asString()).isEqualTo("REVERSE_CHARGE");
        assertThat(rate.path("characteristic").toString()).contains("Article 196");
    }

    @Test
    void ourWholesaleSupplyToAnAmericanResellerIsOutsideTheScopeOfEuVatWithANoteSayingSo() throws Exception {
        String partner = partnerIn("US", "RESELL");

        Statements.View issued = issue(partner, RatedUsageEvents.rated("off-wholesale", usage())
                .allocation("RESELL").charge("50.00").wholesale(partner).build());

        assertThat(issued.documentType()).isEqualTo(DocumentTypes.WHOLESALE_INVOICE);
        assertThat(issued.taxAmount()).isEqualByComparingTo("0");
        assertThat(issued.taxNote()).isEqualTo(OUTSIDE);
        assertThat(issued.taxLines()).singleElement().satisfies(tax -> {
            assertThat(tax.supply()).isEqualTo("WHOLESALE");
            assertThat(tax.category()).isEqualTo("OUTSIDE_SCOPE");
        });
        JsonNode document = document(issued, "application/json");
        assertThat(document.path("legalNotes").toString()).contains("Article 44").doesNotContain("Reverse charge");
        assertThat(pdf(issued)).contains("Not subject to VAT").doesNotContain("Reverse charge");
        JsonNode bill = tmf().get("/tmf-api/customerBillManagement/v4/customerBill/" + issued.id()).json();
        assertThat(bill.path("taxItem").get(0).path("taxCategory").asString()).isEqualTo("OUTSIDE_SCOPE");
        JsonNode rate = tmf().get("/tmf-api/customerBillManagement/v4/appliedCustomerBillingRate/"
                + issued.lineId(1)).json();
        assertThat(rate.path("appliedTax").get(0).path("taxCategory").asString()).isEqualTo("OUTSIDE_SCOPE");
        assertThat(rate.path("characteristic").toString()).contains("Not subject to VAT in the EU");
    }

    @Test
    void aNettedStatementReverseChargesThePartnersSupplyAndNotesOursOutsideTheScopePerSide() throws Exception {
        String partner = partnerIn("CH", "SELL_THROUGH");

        Statements.View issued = issue(partner,
                RatedUsageEvents.rated("off-share", usage()).charge("200.06").share(partner, "50").build(),
                RatedUsageEvents.rated("off-wholesale", usage()).allocation("RESELL").charge("50.02")
                        .wholesale(partner).build());

        assertThat(issued.documentType()).isEqualTo(DocumentTypes.SETTLEMENT_STATEMENT);
        assertThat(issued.taxAmount()).isEqualByComparingTo("0");
        assertThat(issued.totalAmount()).isEqualByComparingTo("50.01");
        assertThat(issued.taxNote()).isEqualTo(RC + " " + OUTSIDE);
        assertThat(issued.taxLines()).extracting(Statements.TaxLine::supply, Statements.TaxLine::category,
                        Statements.TaxLine::note)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("REVENUE_SHARE", "REVERSE_CHARGE", RC),
                        org.assertj.core.groups.Tuple.tuple("WHOLESALE", "OUTSIDE_SCOPE", OUTSIDE));
        JsonNode api = TestHttp.localPort(port).as(TestJwt.partner("pia", partner, Roles.PARTNER_USER))
                .get("/api/settlement/statements/" + issued.id()).json();
        assertThat(api.path("taxLines").get(0).path("taxableAmount").decimalValue()).isEqualByComparingTo("100.03");
        assertThat(api.path("taxLines").get(1).path("category").asString()).isEqualTo("OUTSIDE_SCOPE");
        JsonNode taxLines = document(issued, "application/json").path("taxLines");
        assertThat(taxLines).hasSize(2);
        assertThat(taxLines.get(0).path("note").asString()).isEqualTo(RC);
        assertThat(taxLines.get(1).path("note").asString()).isEqualTo(OUTSIDE);
        // German for a Swiss partner: each supply's note in German, once
        assertThat(pdf(issued)).contains("Steuerschuldnerschaft", "Nicht im Inland steuerbar");
        JsonNode bill = tmf().get("/tmf-api/customerBillManagement/v4/customerBill/" + issued.id()).json();
        List<String> categories = new ArrayList<>();
        bill.path("taxItem").forEach(item -> categories.add(item.path("taxCategory").asString()));
        assertThat(categories).containsExactly("REVERSE_CHARGE", "OUTSIDE_SCOPE");
        List<String> applied = new ArrayList<>();
        for (int line = 1; line <= issued.lines().size(); line++) {
            applied.add(tmf().get("/tmf-api/customerBillManagement/v4/appliedCustomerBillingRate/"
                    + issued.lineId(line)).json().path("appliedTax").get(0).path("taxCategory").asString());
        }
        assertThat(applied).containsExactlyInAnyOrder("REVERSE_CHARGE", "OUTSIDE_SCOPE");
    }

    @Test
    void aNoteIsTaxedLikeTheSupplyItCorrects() {
        String partner = partnerIn("CH", "SELL_THROUGH");
        Statements.View issued = issue(partner,
                RatedUsageEvents.rated("off-share", usage()).charge("200.06").share(partner, "50").build(),
                RatedUsageEvents.rated("off-wholesale", usage()).allocation("RESELL").charge("50.02")
                        .wholesale(partner).build());

        CorrectionNotes.View credit = notes.draft(issued.id(), "CREDIT_NOTE", "share under-counted",
                List.of(new CorrectionNotes.DraftLine("Revenue share missed", new java.math.BigDecimal("1.00"), 1)),
                "finance");
        CorrectionNotes.View debit = notes.draft(issued.id(), "DEBIT_NOTE", "wholesale under-charged",
                List.of(new CorrectionNotes.DraftLine("Wholesale missed", new java.math.BigDecimal("1.00"), 2)),
                "finance");

        assertThat(credit.taxAmount()).isEqualByComparingTo("0");
        assertThat(credit.taxNote()).isEqualTo(RC);
        assertThat(debit.taxAmount()).isEqualByComparingTo("0");
        assertThat(debit.taxNote()).isEqualTo(OUTSIDE);
    }

    @Test
    void aPartnerInTheEuKeepsTheAgreementsTreatment() {
        String partner = partnerIn("DE", "SELL_THROUGH");

        Statements.View issued = issue(partner, RatedUsageEvents.rated("off-share", usage()).charge("200.00")
                .share(partner, "50").build());

        assertThat(issued.taxNote()).isNull();
        assertThat(issued.taxLines()).singleElement().satisfies(tax -> assertThat(tax.category()).isEqualTo("VAT"));
    }

    /** A partner in {@code country} under a zero-rated agreement (what onboarding derives outside the EU). */
    private String partnerIn(String country, String businessModel) {
        String partner = fixtures.partnerWith(businessModel, clock.instant().minus(Duration.ofDays(200)), ZERO_RATED);
        SettlementFixtures.send(Topics.PARTNER_EVENTS, partner, "PartnerActivated", partner, 1L, """
                {"eventId":"%s","occurredAt":"2026-01-02T00:00:00Z","partnerId":"%s","legalName":"Alpen Media AG",
                 "partnerType":"OTT_CONTENT","businessModel":"%s","country":"%s",
                 "settlementCurrency":"EUR","taxId":"CHE-123.456.789",
                 "address":{"street1":"Bahnhofstrasse 1","street2":null,"city":"Zürich","postCode":"8001"},
                 "bankAccount":{"iban":"CH9300762011623852957","bic":"UBSWCHZH80A"}}
                """.formatted(UUID.randomUUID(), partner, businessModel, country));
        await().atMost(StatementFixtures.PATIENCE).until(() -> partners.legalData(UUID.fromString(partner))
                .map(PartnerTerms.LegalData::country).filter(country::equals).isPresent());
        return partner;
    }

    private Instant usage() {
        return clock.instant().minus(Duration.ofDays(40));
    }

    private Statements.View issue(String partner, io.accord.contracts.usage.UsageRated... usage) {
        UUID partnerId = UUID.fromString(partner);
        UUID period = periods.periodFor(partnerId, usage()).orElseThrow().period().id();
        RatedUsageEvents.send(usage);
        await().atMost(StatementFixtures.PATIENCE).until(() -> sums.ofPeriod(period).size() == usage.length);
        periods.startClosing(period);
        Statements.View drafted = statements.draft(partnerId, period, "finance");
        return statements.issue(statements.approve(drafted.id(), "finance-b").id());
    }

    private TestHttp tmf() {
        return TestHttp.localPort(port).as(TestJwt.staff("alex", Roles.AUDITOR));
    }

    private JsonNode document(Statements.View issued, String accept) {
        return TestHttp.localPort(port).as(TestJwt.staff("fiona", Roles.FINANCE)).header("Accept", accept)
                .get("/api/settlement/statements/" + issued.id() + "/document").json();
    }

    private String pdf(Statements.View issued) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/settlement/statements/" + issued.id() + "/document"))
                .header("Authorization", "Bearer " + TestJwt.staff("fiona", Roles.FINANCE))
                .header("Accept", "application/pdf").GET().build();
        byte[] body;
        try (HttpClient client = HttpClient.newHttpClient()) {
            body = client.send(request, HttpResponse.BodyHandlers.ofByteArray()).body();
        }
        PdfReader reader = new PdfReader(body);
        StringBuilder text = new StringBuilder();
        PdfTextExtractor extractor = new PdfTextExtractor(reader);
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            text.append(extractor.getTextFromPage(page)).append('\n');
        }
        return text.toString();
    }
}
