package io.accord.settlement.document;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import io.accord.contracts.Roles;
import io.accord.contracts.Topics;
import io.accord.contracts.events.StatementAgreementVersion;
import io.accord.contracts.events.StatementDrafted;
import io.accord.contracts.events.StatementIssued;
import io.accord.contracts.usage.UsageRated;
import io.accord.settlement.SettlementFixtures;
import io.accord.settlement.StatementFixtures;
import io.accord.settlement.partner.PartnerTerms;
import io.accord.settlement.period.SettlementPeriods;
import io.accord.settlement.statement.Statements;
import io.accord.settlement.usage.UsageSums;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.RatedUsageEvents;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestJwt;
import io.accord.testsupport.TestKafka;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * At issue the statement's document is rendered (PDF and JSON with the legal fields), stored with its SHA-256, named by
 * {@code StatementIssued} with the lines, and downloadable by staff and the partner it belongs to.
 */
@AccordServiceTest
class StatementDocumentTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    private final StatementFixtures statements;
    private final Statements statementService;
    private final SettlementPeriods periods;
    private final UsageSums sums;
    private final Clock clock;
    private final PartnerTerms partners;

    StatementDocumentTests(StatementFixtures statementFixtures, SettlementPeriods periods, UsageSums sums,
                           Statements statements, Clock clock, PartnerTerms partners) {
        this.partners = partners;
        this.statements = statementFixtures;
        this.statementService = statements;
        this.periods = periods;
        this.sums = sums;
        this.clock = clock;
    }

    @Test
    void issuingStoresThePdfAndJsonWithTheLegalFieldsAndStatementIssuedCarriesTheirHashAndTheLines()
            throws Exception {
        String partner = statements.partner();
        Statements.View approved = statements.approved(partner, "20.01", "0.99");
        String path = "/api/settlement/statements/" + approved.id() + "/document";
        String finance = TestJwt.staff("fiona", Roles.FINANCE);
        assertThat(download(path, finance, "application/pdf").statusCode()).isEqualTo(404);

        Statements.View issued = statementService.issue(approved.id());

        HttpResponse<byte[]> pdf = download(path, finance, "application/pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/pdf"));
        assertThat(pdf.headers().firstValue("Content-Disposition").orElseThrow())
                .contains(issued.documentNumber() + ".pdf");
        String sha = SettlementDocuments.sha256(pdf.body());
        assertThat(pdf.headers().firstValue("X-Document-SHA256")).hasValue(sha);
        String text = text(pdf.body());
        // the partner is German: its document is a "Gutschrift" in German (§ 14 Abs. 4 Satz 1 Nr. 10 UStG)
        assertThat(text.replaceAll("\\s+", " ")).contains("Gutschrift – Abrechnung der Umsatzbeteiligung",
                issued.documentNumber(), "Accord Telecom Deutschland GmbH", "DE811907980", "Friedrichstraße 100",
                "Streamly Media GmbH", "DE136695976", "10117 Berlin", "USt 19 % auf 10,50", "2,00", "12,50",
                "DE02120300000000202051", "Gutschrift: Abrechnung durch den Leistungsempfänger im Namen und für "
                        + "Rechnung des leistenden Unternehmers");

        HttpResponse<byte[]> json = download(path, finance, "application/json");
        assertThat(json.statusCode()).isEqualTo(200);
        JsonNode document = JSON.readTree(json.body());
        assertThat(json.headers().firstValue("X-Document-SHA256")).hasValue(SettlementDocuments.sha256(json.body()));
        assertThat(document.path("documentNumber").asString()).isEqualTo(issued.documentNumber());
        assertThat(document.path("issuer").path("taxId").asString()).isEqualTo("DE811907980");
        assertThat(document.path("partner").path("legalName").asString()).isEqualTo("Streamly Media GmbH");
        assertThat(document.path("lines")).hasSize(2);
        assertThat(document.path("lines").get(0).path("amount").asString()).isEqualTo("10.00");
        assertThat(document.path("netAmount").asString()).isEqualTo("10.50");
        assertThat(document.path("taxLines").get(0).path("ratePercent").asString()).isEqualTo("19");
        assertThat(document.path("totalAmount").asString()).isEqualTo("12.50");
        assertThat(document.path("paymentAccount").path("iban").asString()).isEqualTo("DE02120300000000202051");
        assertThat(document.path("billingOnBehalf").path("items")).hasSize(2);
        assertThat(document.path("billingOnBehalf").path("items").get(0).path("grossCharged").asString())
                .isEqualTo("20.010000");
        assertThat(document.path("billingOnBehalf").path("missing").get(0).asString())
                .contains("per-customer breakdown");

        ConsumerRecord<String, byte[]> event = TestKafka.awaitRecords(Topics.SETTLEMENT_EVENTS,
                record -> issued.id().toString().equals(record.key())
                        && "StatementIssued".equals(TestKafka.header(record, "ce_type")), 1, Duration.ofSeconds(30))
                .getFirst();
        StatementIssued published = JSON.readValue(TestKafka.value(event), StatementIssued.class);
        assertThat(published.documentSha256()).isEqualTo(sha);
        assertThat(published.lines()).extracting(StatementIssued.Line::lineId)
                .containsExactly(issued.id() + "-1", issued.id() + "-2");
        assertThat(published.lines()).extracting(StatementIssued.Line::amount).containsExactly("10.00", "0.50");
        assertThat(published.lines().getFirst().offeringId()).isEqualTo("off-0");
        assertThat(published.lines().getFirst().usageType()).isEqualTo("VOICE");
        assertThat(published.lines().getFirst().currency()).isEqualTo("EUR");
    }

    @Test
    void aNettedStatementStatesTheVatOfEachSupplyOnItsOwnTaxLine() throws Exception {
        String partner = statements.partner();
        UUID partnerId = UUID.fromString(partner);
        Instant usage = clock.instant().minus(Duration.ofDays(40));
        UUID period = periods.periodFor(partnerId, usage).orElseThrow().period().id();
        // its revenue share 100.03 (the partner's supply, self-billed) and wholesale 50.02 it owes (ours)
        RatedUsageEvents.send(RatedUsageEvents.rated("off-share", usage).charge("200.06").share(partner, "50").build(),
                RatedUsageEvents.rated("off-wholesale", usage).allocation("RESELL").charge("50.02")
                        .wholesale(partner).build());
        await().atMost(StatementFixtures.PATIENCE).until(() -> sums.ofPeriod(period).size() == 2);
        periods.startClosing(period);
        Statements.View drafted = statementService.draft(partnerId, period, "finance");
        Statements.View issued = statementService.issue(statementService.approve(drafted.id(), "finance-b").id());

        // 19 % of 100.03 = 19.0057 → 19.01 and of −50.02 = −9.5038 → −9.50, each rounded once: 9.51 (on the net
        // 50.01 it was 9.50)
        assertThat(issued.documentType()).isEqualTo("SETTLEMENT_STATEMENT");
        assertThat(issued.netAmount()).isEqualByComparingTo("50.01");
        assertThat(issued.taxAmount()).isEqualByComparingTo("9.51");
        assertThat(issued.totalAmount()).isEqualByComparingTo("59.52");
        String path = "/api/settlement/statements/" + issued.id() + "/document";
        String finance = TestJwt.staff("fiona", Roles.FINANCE);
        JsonNode document = JSON.readTree(download(path, finance, "application/json").body());
        JsonNode taxLines = document.path("taxLines");
        assertThat(taxLines).hasSize(2);
        assertThat(taxLines.get(0).path("label").asString()).isEqualTo("VAT on your supply to us (self-billed)");
        assertThat(taxLines.get(0).path("ratePercent").asString()).isEqualTo("19");
        assertThat(taxLines.get(0).path("taxableAmount").asString()).isEqualTo("100.03");
        assertThat(taxLines.get(0).path("taxAmount").asString()).isEqualTo("19.01");
        assertThat(taxLines.get(1).path("label").asString()).isEqualTo("VAT on our supply to you");
        assertThat(taxLines.get(1).path("taxableAmount").asString()).isEqualTo("-50.02");
        assertThat(taxLines.get(1).path("taxAmount").asString()).isEqualTo("-9.50");
        assertThat(document.path("totalAmount").asString()).isEqualTo("59.52");
        String text = text(download(path, finance, "application/pdf").body());
        assertThat(text).contains("USt auf Ihre Leistung an uns (Gutschrift): 19 % auf 100,03", "19,01 EUR",
                "USt auf unsere Leistung an Sie: 19 % auf -50,02", "-9,50 EUR", "59,52 EUR");
    }

    @Test
    void aStatementNamesTheAgreementVersionsInForceInItsPeriodAsDraftedInItsApiAndItsDocument() throws Exception {
        String partner = statements.partner();
        UUID partnerId = UUID.fromString(partner);
        SettlementPeriods.Period period = periods.periodFor(partnerId, clock.instant().minus(Duration.ofDays(40)))
                .orElseThrow().period();
        String first = period.agreementId();
        // the agreement changed within the period: version 2 in force from its second day
        String second = "agr-v2-" + partner;
        Instant changed = period.startAt().plus(Duration.ofDays(1));
        SettlementFixtures.agreementSuperseded(partner, first, changed, 2L);
        SettlementFixtures.agreementActivated(partner, second, 2, changed, "MONTHLY", 3L);
        await().atMost(StatementFixtures.PATIENCE).until(() -> partners.agreements(partnerId).size() == 2
                && partners.agreements(partnerId).getFirst().inForceUntil() != null);

        Statements.View drafted = statements.drafted(partner, "20.00");

        List<Statements.AgreementVersion> both = List.of(new Statements.AgreementVersion(first, 1),
                new Statements.AgreementVersion(second, 2));
        assertThat(drafted.agreements()).isEqualTo(both);
        // kept as drafted: a version backdated into the period later does not change what the statement says
        String third = "agr-v3-" + partner;
        Instant changedAgain = period.startAt().plus(Duration.ofDays(2));
        SettlementFixtures.agreementSuperseded(partner, second, changedAgain, 4L);
        SettlementFixtures.agreementActivated(partner, third, 3, changedAgain, "MONTHLY", 5L);
        await().atMost(StatementFixtures.PATIENCE).until(() -> partners.agreements(partnerId).size() == 3);
        TestHttp finance = TestHttp.localPort(port).as(TestJwt.staff("fiona", Roles.FINANCE));
        JsonNode json = finance.get("/api/settlement/statements/" + drafted.id()).json();
        assertThat(json.path("agreements")).hasSize(2);
        assertThat(json.path("agreements").get(0).path("agreementId").asString()).isEqualTo(first);
        assertThat(json.path("agreements").get(0).path("version").asInt()).isEqualTo(1);
        assertThat(json.path("agreements").get(1).path("agreementId").asString()).isEqualTo(second);
        assertThat(json.path("agreements").get(1).path("version").asInt()).isEqualTo(2);
        JsonNode listed = finance.get("/api/settlement/statements?partnerId=" + partner).json();
        assertThat(listed).singleElement().satisfies(statement ->
                assertThat(statement.path("agreements")).hasSize(2));

        Statements.View issued = statementService.issue(statementService.approve(drafted.id(), "finance-b").id());
        String path = "/api/settlement/statements/" + issued.id() + "/document";
        String token = TestJwt.staff("fiona", Roles.FINANCE);
        JsonNode document = JSON.readTree(download(path, token, "application/json").body());
        assertThat(document.path("agreements").get(1).path("agreementId").asString()).isEqualTo(second);
        assertThat(document.path("agreements").get(1).path("version").asInt()).isEqualTo(2);
        // the partner is German: its PDF says so in German (compared without the white space its wrapping adds)
        assertThat(text(download(path, token, "application/pdf").body()).replaceAll("\\s+", ""))
                .contains(("Vereinbarungen: " + first + " (Version 1), " + second + " (Version 2)").replace(" ", ""))
                .doesNotContain(third);
        // the events name them too (since session 72)
        List<StatementAgreementVersion> named = List.of(new StatementAgreementVersion(first, 1),
                new StatementAgreementVersion(second, 2));
        StatementDrafted draftedEvent = JSON.readValue(TestKafka.value(TestKafka.awaitRecords(
                Topics.SETTLEMENT_EVENTS, record -> drafted.id().toString().equals(record.key())
                        && "StatementDrafted".equals(TestKafka.header(record, "ce_type")), 1, Duration.ofSeconds(30))
                .getFirst()), StatementDrafted.class);
        assertThat(draftedEvent.agreements()).isEqualTo(named);
        StatementIssued issuedEvent = JSON.readValue(TestKafka.value(TestKafka.awaitRecords(
                Topics.SETTLEMENT_EVENTS, record -> issued.id().toString().equals(record.key())
                        && "StatementIssued".equals(TestKafka.header(record, "ce_type")), 1, Duration.ofSeconds(30))
                .getFirst()), StatementIssued.class);
        assertThat(issuedEvent.agreements()).isEqualTo(named);
    }

    @Test
    void theBillingOnBehalfDataGroupsWhatWasBilledPerTaxCategoryInTheJsonAndThePdf() throws Exception {
        String partner = statements.partner();
        UUID partnerId = UUID.fromString(partner);
        Instant usage = clock.instant().minus(Duration.ofDays(40));
        UUID period = periods.periodFor(partnerId, usage).orElseThrow().period().id();
        RatedUsageEvents.send(onBehalf(partner, usage, "cust-1", "VOICE", "10.00", "STANDARD"),
                onBehalf(partner, usage, "cust-2", "VOICE", "3.00", "STANDARD"),
                onBehalf(partner, usage, "cust-1", "VOICE", "4.00", "REDUCED"),
                onBehalf(partner, usage, "cust-1", "SMS", "0.20", "STANDARD"),
                onBehalf(partner, usage, "cust-3", "SMS", "1.00", null));
        await().atMost(StatementFixtures.PATIENCE).until(() -> sums.ofPeriod(period).stream()
                .mapToLong(UsageSums.Sum::recordCount).sum() == 5);
        periods.startClosing(period);
        Statements.View drafted = statementService.draft(partnerId, period, "finance");
        Statements.View issued = statementService.issue(statementService.approve(drafted.id(), "finance-b").id());
        String path = "/api/settlement/statements/" + issued.id() + "/document";
        String finance = TestJwt.staff("fiona", Roles.FINANCE);

        JsonNode onBehalf = JSON.readTree(download(path, finance, "application/json").body()).path("billingOnBehalf");

        // per tax category, then offering × usage type; all customers together; none known last
        JsonNode items = onBehalf.path("items");
        assertThat(items).hasSize(4);
        assertThat(items.get(0).path("taxCategory").asString()).isEqualTo("REDUCED");
        assertThat(items.get(1).path("taxCategory").asString()).isEqualTo("STANDARD");
        assertThat(items.get(1).path("usageType").asString()).isEqualTo("SMS");
        assertThat(items.get(2).path("taxCategory").asString()).isEqualTo("STANDARD");
        assertThat(onBehalf.path("items").get(2).path("usageType").asString()).isEqualTo("VOICE");
        assertThat(onBehalf.path("items").get(2).path("grossCharged").asString()).isEqualTo("13.000000");
        assertThat(onBehalf.path("items").get(2).path("recordCount").asLong()).isEqualTo(2);
        assertThat(onBehalf.path("items").get(3).path("taxCategory").isNull()).isTrue();
        JsonNode categories = onBehalf.path("taxCategories");
        assertThat(categories).hasSize(3);
        assertThat(categories.get(0).path("taxCategory").asString()).isEqualTo("REDUCED");
        assertThat(categories.get(0).path("grossCharged").asString()).isEqualTo("4.000000");
        assertThat(categories.get(1).path("taxCategory").asString()).isEqualTo("STANDARD");
        assertThat(categories.get(1).path("grossCharged").asString()).isEqualTo("13.200000");
        assertThat(categories.get(1).path("recordCount").asLong()).isEqualTo(3);
        assertThat(categories.get(2).path("taxCategory").isNull()).isTrue();
        assertThat(onBehalf.path("missing")).hasSize(2);
        assertThat(onBehalf.path("missing").get(1).asString()).startsWith("tax category: not known");

        String text = text(download(path, finance, "application/pdf").body());
        assertThat(text.replaceAll("\\s+", " ")).contains("Abrechnung im Namen von Streamly Media GmbH", "Steuerkategorie", "REDUCED",
                "Summe REDUCED", "4,00 EUR", "Summe STANDARD", "13,20 EUR", "Summe (nicht bekannt)")
                .as("at the minor unit on the document").doesNotContain("13.200000", "13,200000");
    }

    private static UsageRated onBehalf(String partner, Instant usage, String customer, String usageType,
                                       String charge, String taxCategory) {
        return RatedUsageEvents.rated("off-bob-tax", usage).usageType(usageType).charge(charge).customer(customer)
                .taxCategory(taxCategory).share(partner, "50").build();
    }

    @Test
    void thePartnerDownloadsItsOwnAnotherPartnerGets404AndAnUnservableAcceptIs406() throws Exception {
        String partner = statements.partner();
        Statements.View issued = statements.issued(partner, "4.00");
        String path = "/api/settlement/statements/" + issued.id() + "/document";

        HttpResponse<byte[]> own = download(path, TestJwt.partner("pia", partner, Roles.PARTNER_USER), "*/*");
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(new String(own.body(), 0, 5)).isEqualTo("%PDF-");
        assertThat(download(path, TestJwt.partner("pat", UUID.randomUUID().toString(), Roles.PARTNER_USER),
                "application/pdf").statusCode()).isEqualTo(404);
        HttpResponse<byte[]> html = download(path, TestJwt.staff("fiona", Roles.FINANCE), "text/html");
        assertThat(html.statusCode()).isEqualTo(406);
        assertThat(download("/api/settlement/notes/" + issued.id() + "/document", TestJwt.staff("fiona",
                Roles.FINANCE), "application/pdf").statusCode()).isEqualTo(404);
        TestHttp auditor = TestHttp.localPort(port).as(TestJwt.staff("alex", Roles.AUDITOR));
        assertThat(auditor.header("Accept", "application/json").get(path).json().path("documentNumber").asString())
                .isEqualTo(issued.documentNumber());
    }

    private HttpResponse<byte[]> download(String path, String token, String accept) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).header("Accept", accept).GET().build();
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        }
    }

    static String text(byte[] pdf) throws Exception {
        PdfReader reader = new PdfReader(pdf);
        StringBuilder text = new StringBuilder();
        PdfTextExtractor extractor = new PdfTextExtractor(reader);
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            text.append(extractor.getTextFromPage(page)).append('\n');
        }
        reader.close();
        return text.toString();
    }
}
