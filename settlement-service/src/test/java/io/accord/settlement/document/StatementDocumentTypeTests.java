package io.accord.settlement.document;

import io.accord.contracts.Roles;
import io.accord.contracts.Topics;
import io.accord.contracts.events.DisputeResolved;
import io.accord.contracts.events.StatementIssued;
import io.accord.settlement.StatementFixtures;
import io.accord.settlement.adjustment.DisputeAdjustments;
import io.accord.settlement.period.SettlementPeriods;
import io.accord.settlement.product.PartnerProducts;
import io.accord.settlement.statement.Statements;
import io.accord.settlement.usage.UsageSums;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.DomainEvents;
import io.accord.testsupport.OrderEvents;
import io.accord.testsupport.RatedUsageEvents;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestJwt;
import io.accord.testsupport.TestKafka;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a statement's document is follows what the statement is for, not the sign of its total (the finance review):
 * a reseller's wholesale invoice that credits exceed stays a wholesale invoice with a credit balance, never a
 * self-billing statement; a revenue-share statement the partner owes on stays self-billed, with a debit balance. The
 * event, the document and TMF678 say the same. And the billing-on-behalf table names offerings, not their ids.
 */
@AccordServiceTest
class StatementDocumentTypeTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    private final StatementFixtures fixtures;
    private final Statements statements;
    private final SettlementPeriods periods;
    private final UsageSums sums;
    private final DisputeAdjustments adjustments;
    private final PartnerProducts products;
    private final Clock clock;

    StatementDocumentTypeTests(StatementFixtures statementFixtures, SettlementPeriods periods, UsageSums sums,
                               Statements statements, DisputeAdjustments adjustments, PartnerProducts products,
                               Clock clock) {
        this.fixtures = statementFixtures;
        this.statements = statements;
        this.periods = periods;
        this.sums = sums;
        this.adjustments = adjustments;
        this.products = products;
        this.clock = clock;
    }

    @Test
    void aResellersWholesaleInvoiceThatCreditsTurnPositiveIsAWholesaleInvoiceWithACreditBalanceNotSelfBilling()
            throws Exception {
        String partner = fixtures.partner();
        // wholesale 5.00 owed, a dispute credit of 20.00: net +15.00, total +17.85 in the reseller's favour
        Statements.View issued = issue(partner, RatedUsageEvents.rated("off-resold", usage()).allocation("RESELL")
                .charge("5.00").wholesale(partner).build(), "20.00", "CREDIT_PARTNER");

        assertThat(issued.totalAmount()).isEqualByComparingTo("17.85");
        assertThat(issued.direction()).isEqualTo("PAYABLE");
        assertThat(issued.documentType()).isEqualTo("WHOLESALE_INVOICE");
        assertThat(issuedEvent(issued).documentType()).isEqualTo("WHOLESALE_INVOICE");
        assertThat(tmfCategory(issued)).isEqualTo("WHOLESALE_INVOICE");
        JsonNode document = json(issued);
        assertThat(document.path("documentType").asString()).isEqualTo("WHOLESALE_INVOICE");
        assertThat(document.path("title").asString()).isEqualTo("Wholesale invoice (credit balance)");
        assertThat(document.path("legalNotes").toString()).doesNotContain("Self-billing").contains("Credit balance");
        String text = pdf(issued);
        // a German partner's PDF is German: our invoice, not a "Gutschrift" (its note says so)
        assertThat(text.replaceAll("\\s+", " ")).contains("Rechnung (Wholesale) (Saldo zu Ihren Gunsten)",
                "Gesamtbetrag zahlbar an den Partner", "Saldo zu Ihren Gunsten: die Gutschriften dieser Rechnung",
                "keine Gutschrift im Sinne des § 14 Abs. 2 Satz 2 UStG", "DE02120300000000202051");
        assertThat(text).doesNotContain("Self-billing", "Gutschrift –", "Abrechnung: Gutschrift");
    }

    @Test
    void aRevenueShareStatementThePartnerOwesOnStaysSelfBilledWithADebitBalanceNotAWholesaleInvoice()
            throws Exception {
        String partner = fixtures.partner();
        // a revenue share of 2.00, a dispute debit of 10.00: net −8.00, total −9.52 owed by the partner
        Statements.View issued = issue(partner, RatedUsageEvents.rated("off-shared", usage()).charge("4.00")
                .share(partner, "50").build(), "10.00", "DEBIT_PARTNER");

        assertThat(issued.totalAmount()).isEqualByComparingTo("-9.52");
        assertThat(issued.direction()).isEqualTo("RECEIVABLE");
        assertThat(issued.documentType()).isEqualTo("REVENUE_SHARE_STATEMENT");
        assertThat(issuedEvent(issued).documentType()).isEqualTo("REVENUE_SHARE_STATEMENT");
        assertThat(tmfCategory(issued)).isEqualTo("REVENUE_SHARE_STATEMENT");
        String text = pdf(issued);
        assertThat(text.replaceAll("\\s+", " ")).contains(
                "Gutschrift – Abrechnung der Umsatzbeteiligung (Saldo zu Ihren Lasten)",
                "Gutschrift: Abrechnung durch den Leistungsempfänger", "Saldo zu Ihren Lasten:",
                "Gesamtbetrag zahlbar durch den Partner");
        assertThat(text).doesNotContain("Rechnung (Wholesale)");
    }

    @Test
    void theBillingOnBehalfTableNamesEachOfferingAndKeepsItsIdForMachines() throws Exception {
        String partner = fixtures.partner();
        // short enough not to wrap in its table cell
        String offering = "off-bob-" + UUID.randomUUID().toString().substring(0, 8);
        OrderEvents.send(OrderEvents.product("bob-" + UUID.randomUUID(), offering).ownedBy(partner)
                .category("video").valid(clock.instant().minus(Duration.ofDays(60)), null).activated(), 1L);
        await().atMost(StatementFixtures.PATIENCE).until(() -> !products.namesOf(List.of(offering)).isEmpty());
        Statements.View issued = issue(partner, RatedUsageEvents.rated(offering, usage()).usageType("VOICE")
                .charge("6.00").customer("cust-named").share(partner, "50").build(), null, null);

        JsonNode item = json(issued).path("billingOnBehalf").path("items").get(0);
        assertThat(item.path("offeringId").asString()).isEqualTo(offering);
        assertThat(item.path("offeringName").asString()).isEqualTo("Offering " + offering);
        // the id alone is no longer what the table prints: the name is
        assertThat(pdf(issued)).contains("Offering " + offering + " × VOICE");

        JsonNode line = finance().get("/api/settlement/statements/" + issued.id() + "/billing-on-behalf").json()
                .get(0).path("lines").get(0);
        assertThat(line.path("offeringId").asString()).isEqualTo(offering);
        assertThat(line.path("offeringName").asString()).isEqualTo("Offering " + offering);
    }

    private Instant usage() {
        return clock.instant().minus(Duration.ofDays(40));
    }

    /** The partner's period 40 days back with the usage and, if any, a pending dispute adjustment: issued. */
    private Statements.View issue(String partner, io.accord.contracts.usage.UsageRated usage, String adjustment,
                                  String direction) {
        UUID partnerId = UUID.fromString(partner);
        UUID period = periods.periodFor(partnerId, usage.usageTime().toInstant()).orElseThrow().period().id();
        RatedUsageEvents.send(usage);
        if (adjustment != null) {
            Instant now = clock.instant();
            DomainEvents.send(Topics.DISPUTE_EVENTS, new DisputeResolved(UUID.randomUUID(), now,
                    "dsp-" + UUID.randomUUID(), partner, "ACCEPTED", "fiona", now, "review",
                    new DisputeResolved.Adjustment("adj-" + UUID.randomUUID(), null, null, adjustment, "EUR",
                            direction, "review")), null);
            await().atMost(StatementFixtures.PATIENCE).until(() -> !adjustments.ofPartner(partnerId).isEmpty());
        }
        await().atMost(StatementFixtures.PATIENCE).until(() -> sums.ofPeriod(period).size() == 1);
        periods.startClosing(period);
        Statements.View drafted = statements.draft(partnerId, period, "finance");
        return statements.issue(statements.approve(drafted.id(), "finance-b").id());
    }

    private StatementIssued issuedEvent(Statements.View issued) throws Exception {
        return JSON.readValue(TestKafka.value(TestKafka.awaitRecords(Topics.SETTLEMENT_EVENTS,
                record -> issued.id().toString().equals(record.key())
                        && "StatementIssued".equals(TestKafka.header(record, "ce_type")), 1, Duration.ofSeconds(30))
                .getFirst()), StatementIssued.class);
    }

    private String tmfCategory(Statements.View issued) {
        return finance().get("/tmf-api/customerBillManagement/v4/customerBill/" + issued.id()).json()
                .path("category").asString();
    }

    private JsonNode json(Statements.View issued) {
        return finance().header("Accept", "application/json")
                .get("/api/settlement/statements/" + issued.id() + "/document").json();
    }

    private String pdf(Statements.View issued) throws Exception {
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                        "http://localhost:" + port + "/api/settlement/statements/" + issued.id() + "/document"))
                .header("Authorization", "Bearer " + TestJwt.staff("fiona", Roles.FINANCE))
                .header("Accept", "application/pdf").GET().build();
        try (java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient()) {
            return StatementDocumentTests.text(client.send(request,
                    java.net.http.HttpResponse.BodyHandlers.ofByteArray()).body());
        }
    }

    private TestHttp finance() {
        return TestHttp.localPort(port).as(TestJwt.staff("fiona", Roles.FINANCE));
    }
}
