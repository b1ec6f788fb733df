package io.accord.settlement.reconciliation;

import io.accord.contracts.Roles;
import io.accord.contracts.Topics;
import io.accord.contracts.events.ReconciliationCompleted;
import io.accord.contracts.events.ReconciliationDiscrepancyFound;
import io.accord.settlement.SettlementFixtures;
import io.accord.settlement.period.SettlementPeriods;
import io.accord.settlement.statement.Statements;
import io.accord.settlement.usage.UsageSums;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.RatedUsageEvents;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestJwt;
import io.accord.testsupport.TestKafka;
import io.accord.testsupport.TestMultipart;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A partner's invoice against our issued statement, through the API: every line outcome (one exactly at the
 * agreement's tolerance of 5.00 or 0.5 %), the events the dispute service opens disputes from, tenancy, and bad input
 * refused with every problem named and nothing stored.
 */
@AccordServiceTest
class ReconciliationApiTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String INVOICES = "/api/settlement/partner-invoices";

    @LocalServerPort
    int port;

    private final Statements statements;
    private final SettlementPeriods periods;
    private final UsageSums sums;
    private final SettlementFixtures fixtures;
    private final JdbcClient jdbc;
    private final Clock clock;

    ReconciliationApiTests(Statements statements, SettlementPeriods periods, UsageSums sums,
                           SettlementFixtures fixtures, JdbcClient jdbc, Clock clock) {
        this.statements = statements;
        this.periods = periods;
        this.sums = sums;
        this.fixtures = fixtures;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A partner whose last month's statement is issued: VOICE 500.00, SMS 70.00, music 10.00, wholesale −30.00. */
    private record Issued(String partner, UUID period, Statements.View statement) {
    }

    private Issued issuedStatement() {
        return issuedStatement((partner, usage) -> List.of(
                RatedUsageEvents.rated("off-video", usage).charge("1000.00").share(partner, "50").build(),
                RatedUsageEvents.rated("off-video", usage).usageType("SMS").charge("100.00").share(partner, "70")
                        .build(),
                RatedUsageEvents.rated("off-music", usage).charge("20.00").share(partner, "50").build(),
                RatedUsageEvents.rated("off-data", usage).usageType("DATA").allocation("RESELL").charge("30.00")
                        .wholesale(partner).build()));
    }

    /** A partner whose last month's statement, of the given rated usage (one usage sum each), is issued. */
    private Issued issuedStatement(java.util.function.BiFunction<String, Instant,
            List<io.accord.contracts.usage.UsageRated>> usageOf) {
        Instant now = clock.instant();
        String partner = fixtures.partnerInForceFrom(now.minus(Duration.ofDays(200)), "MONTHLY");
        UUID partnerId = UUID.fromString(partner);
        Instant usage = now.minus(Duration.ofDays(40));
        UUID period = periods.periodFor(partnerId, usage).orElseThrow().period().id();
        List<io.accord.contracts.usage.UsageRated> rated = usageOf.apply(partner, usage);
        RatedUsageEvents.send(rated.toArray(io.accord.contracts.usage.UsageRated[]::new));
        await().atMost(Duration.ofSeconds(30)).until(() -> sums.ofPeriod(period).size() == rated.size());
        periods.startClosing(period);
        Statements.View drafted = statements.draft(partnerId, period, "finance");
        statements.approve(drafted.id(), "finance-b");
        return new Issued(partner, period, statements.issue(drafted.id()));
    }

    @Test
    void reconcilesAPartnersInvoiceOnSubmissionWithEveryOutcomeAndPublishesTheDiscrepancies() {
        Issued issued = issuedStatement();
        TestHttp partner = TestHttp.localPort(port).as(TestJwt.partner("pia", issued.partner(), Roles.PARTNER_USER));
        String number = "INV-" + UUID.randomUUID();

        TestHttp.Response submitted = partner.post(INVOICES, """
                {"periodId":"%s","invoiceNumber":"%s","invoiceDate":"2026-04-03","currency":"EUR","lines":[
                 {"offeringId":"off-video","usageType":"VOICE","amount":"500.00"},
                 {"offeringId":"off-video","usageType":"SMS","amount":"75.00","description":"exactly 5.00 more"},
                 {"offeringId":"off-music","usageType":"VOICE","amount":"25.00"},
                 {"offeringId":"off-extra","usageType":"VOICE","amount":"9.00"}]}
                """.formatted(issued.period(), number));

        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        JsonNode invoice = submitted.json();
        assertThat(submitted.header("Location")).isEqualTo(INVOICES + "/" + invoice.get("id").asString());
        assertThat(invoice.get("totalAmount").decimalValue()).isEqualByComparingTo("609.00");
        assertThat(invoice.get("submittedBy").asString()).isEqualTo("pia");
        JsonNode summary = invoice.get("latestReconciliation");
        assertThat(summary.get("discrepancies").asBoolean()).isTrue();
        for (String outcome : List.of("MATCHED", "WITHIN_TOLERANCE", "MISMATCH", "MISSING_ON_INVOICE",
                "MISSING_ON_STATEMENT")) {
            assertThat(summary.get("outcomes").get(outcome).asInt()).as(outcome).isEqualTo(1);
        }

        JsonNode reconciliation = partner.get(summary.get("href").asString()).json();
        assertThat(reconciliation.get("statementId").asString()).isEqualTo(issued.statement().id().toString());
        assertThat(reconciliation.get("keys").valueStream().map(JsonNode::asString).toList())
                .containsExactly("OFFERING", "USAGE_TYPE", "PERIOD", "SIDE");
        assertThat(reconciliation.get("statementTotal").decimalValue()).isEqualByComparingTo("550.00");
        assertThat(reconciliation.get("invoiceTotal").decimalValue()).isEqualByComparingTo("609.00");
        JsonNode lines = reconciliation.get("lines");
        assertThat(line(lines, "off-video", "SMS").get("outcome").asString()).isEqualTo("WITHIN_TOLERANCE");
        assertThat(line(lines, "off-video", "SMS").get("difference").decimalValue()).isEqualByComparingTo("5.00");
        assertThat(line(lines, "off-video", "SMS").get("tolerance").decimalValue()).isEqualByComparingTo("5.00");
        JsonNode mismatch = line(lines, "off-music", "VOICE");
        assertThat(mismatch.get("outcome").asString()).isEqualTo("MISMATCH");
        assertThat(mismatch.get("statementAmount").decimalValue()).isEqualByComparingTo("10.00");
        assertThat(mismatch.get("invoiceAmount").decimalValue()).isEqualByComparingTo("25.00");
        assertThat(line(lines, "off-data", "DATA").get("outcome").asString()).isEqualTo("MISSING_ON_INVOICE");
        assertThat(line(lines, "off-extra", "VOICE").get("outcome").asString()).isEqualTo("MISSING_ON_STATEMENT");

        String reconciliationId = reconciliation.get("id").asString();
        ReconciliationCompleted completed = JSON.readValue(TestKafka.value(TestKafka.awaitRecords(
                Topics.SETTLEMENT_EVENTS, record -> reconciliationId.equals(record.key())
                        && "ReconciliationCompleted".equals(TestKafka.header(record, "ce_type")), 1,
                Duration.ofSeconds(30)).getFirst()), ReconciliationCompleted.class);
        assertThat(completed.partnerInvoiceNumber()).isEqualTo(number);
        assertThat(completed.outcomes()).containsEntry("MISMATCH", 1).containsEntry("MATCHED", 1);
        assertThat(completed.statementTotal()).isEqualTo("550.00");
        assertThat(completed.invoiceTotal()).isEqualTo("609.00");
        assertThat(completed.difference()).isEqualTo("59.00");
        assertThat(completed.discrepancies()).isTrue();

        // as the dispute service reads it: one line per discrepancy, our statement line named with its amount
        ReconciliationDiscrepancyFound found = JSON.readValue(TestKafka.value(TestKafka.awaitRecords(
                Topics.SETTLEMENT_EVENTS, record -> reconciliationId.equals(record.key())
                        && "ReconciliationDiscrepancyFound".equals(TestKafka.header(record, "ce_type")), 1,
                Duration.ofSeconds(30)).getFirst()), ReconciliationDiscrepancyFound.class);
        assertThat(found.partnerId()).isEqualTo(issued.partner());
        assertThat(found.statementId()).isEqualTo(issued.statement().id().toString());
        assertThat(found.documentNumber()).isEqualTo(issued.statement().documentNumber());
        assertThat(found.currency()).isEqualTo("EUR");
        assertThat(found.lines()).extracting(ReconciliationDiscrepancyFound.Discrepancy::outcome)
                .containsExactlyInAnyOrder("MISMATCH", "MISSING_ON_INVOICE", "MISSING_ON_STATEMENT");
        ReconciliationDiscrepancyFound.Discrepancy music = found.lines().stream()
                .filter(line -> "off-music".equals(line.offeringId())).findFirst().orElseThrow();
        assertThat(music.statementLineId()).startsWith(issued.statement().id() + "-");
        assertThat(music.statementAmount()).isEqualTo("10.00");
        assertThat(music.invoiceAmount()).isEqualTo("25.00");
        assertThat(music.difference()).isEqualTo("15.00");
        assertThat(music.tolerance()).isEqualTo("5.00");
        // the difference's identity, the same whichever invoice found it, with the key's period and side
        assertThat(music.statementLineIds()).containsExactly(music.statementLineId());
        assertThat(music.side()).isEqualTo("REVENUE_SHARE");
        assertThat(music.period()).isNotNull();
        assertThat(music.discrepancyKey()).startsWith(issued.statement().id() + "/off-music/")
                .doesNotContain(found.partnerInvoiceId()).endsWith("/" + music.period() + "/REVENUE_SHARE/*");
        ReconciliationDiscrepancyFound.Discrepancy extra = found.lines().stream()
                .filter(line -> "off-extra".equals(line.offeringId())).findFirst().orElseThrow();
        assertThat(extra.statementLineId()).isNull();
        assertThat(extra.statementAmount()).isNull();
        // 9.00 + 15.00 + 30.00 (−30.00 missing on the invoice counts +30.00)
        assertThat(found.totalDifference()).isEqualTo("54.00");
        assertThat(jdbc.sql("select count(*) from audit_event where resource_id = :id and action = 'RECONCILED'")
                .param("id", reconciliationId).query(Integer.class).single()).isEqualTo(1);

        // reconciled again by reference only: no invoice line names a statement line, so nothing matches
        TestHttp finance = TestHttp.localPort(port).as(TestJwt.staff("fiona", Roles.FINANCE));
        TestHttp.Response byReference = finance.post(INVOICES + "/" + invoice.get("id").asString()
                + "/reconciliations", "{\"keys\":[\"REFERENCE\"]}");
        assertThat(byReference.status()).as(byReference.body()).isEqualTo(201);
        assertThat(byReference.json().get("outcomes").get("MATCHED").asInt()).isZero();
        assertThat(byReference.json().get("reconciledBy").asString()).isEqualTo("fiona");
        // no keys at all is a 400, not the default keys in silence
        TestHttp.Response byNothing = finance.post(INVOICES + "/" + invoice.get("id").asString()
                + "/reconciliations", "{\"keys\":[]}");
        assertThat(byNothing.status()).isEqualTo(400);
        assertThat(fields(byNothing)).containsExactly("keys");
    }

    /**
     * A partner that earns a share of an offering and also buys it (as partner A of the finance review): its revenue
     * share and our wholesale of the same offering and usage type are compared each on its side, not netted.
     */
    @Test
    void comparesThePartnersRevenueShareAndOurWholesaleOfOneOfferingEachOnItsSide() {
        Issued issued = issuedStatement((partner, usage) -> List.of(
                RatedUsageEvents.rated("off-video", usage).charge("1000.00").share(partner, "50").build(),
                RatedUsageEvents.rated("off-video", usage).allocation("RESELL").charge("142.10").wholesale(partner)
                        .build()));
        TestHttp partner = TestHttp.localPort(port).as(TestJwt.partner("pia", issued.partner(), Roles.PARTNER_USER));

        // its own supply only, the side left to the sign (old invoice files stay valid)
        TestHttp.Response ownSupply = partner.postMultipart(INVOICES + "/upload", form(issued,
                "INV-" + UUID.randomUUID()).file("file", "lines.csv", "text/csv",
                "offeringId,usageType,amount\noff-video,VOICE,500.00\n".getBytes(StandardCharsets.UTF_8)));

        assertThat(ownSupply.status()).as(ownSupply.body()).isEqualTo(201);
        JsonNode reconciliation = partner.get(ownSupply.json().get("latestReconciliation").get("href").asString())
                .json();
        JsonNode share = side(reconciliation.get("lines"), "REVENUE_SHARE");
        assertThat(share.get("outcome").asString()).isEqualTo("MATCHED");
        assertThat(share.get("statementAmount").decimalValue()).isEqualByComparingTo("500.00");
        assertThat(share.get("statementLineIds")).hasSize(1);
        JsonNode wholesale = side(reconciliation.get("lines"), "WHOLESALE");
        assertThat(wholesale.get("outcome").asString()).isEqualTo("MISSING_ON_INVOICE");
        assertThat(wholesale.get("statementAmount").decimalValue()).isEqualByComparingTo("-142.10");
        assertThat(share.get("discrepancyKey").asString()).isEqualTo(issued.statement().id()
                + "/off-video/VOICE/CURRENT/REVENUE_SHARE/*");
        assertThat(ownSupply.json().get("lines").get(0).get("side").asString()).isEqualTo("REVENUE_SHARE");

        // both supplies, the wholesale stated as such and one cent off
        TestHttp.Response both = partner.post(INVOICES, """
                {"periodId":"%s","invoiceNumber":"%s","invoiceDate":"2026-04-03","currency":"EUR","lines":[
                 {"offeringId":"off-video","usageType":"VOICE","amount":"500.00","side":"revenue_share"},
                 {"offeringId":"off-video","usageType":"VOICE","amount":"-142.11","side":"WHOLESALE"}]}
                """.formatted(issued.period(), "INV-" + UUID.randomUUID()));
        assertThat(both.status()).as(both.body()).isEqualTo(201);
        JsonNode lines = partner.get(both.json().get("latestReconciliation").get("href").asString()).json()
                .get("lines");
        assertThat(lines).hasSize(2);
        assertThat(side(lines, "REVENUE_SHARE").get("outcome").asString()).isEqualTo("MATCHED");
        assertThat(side(lines, "WHOLESALE").get("outcome").asString()).isEqualTo("WITHIN_TOLERANCE");
        assertThat(side(lines, "WHOLESALE").get("difference").decimalValue()).isEqualByComparingTo("-0.01");

        // netted as before only when asked for: by offering and usage type without the side
        TestHttp.Response netted = partner.post(both.json().get("href").asString() + "/reconciliations",
                "{\"keys\":[\"OFFERING\",\"USAGE_TYPE\"]}");
        assertThat(netted.status()).as(netted.body()).isEqualTo(201);
        assertThat(netted.json().get("lines")).singleElement().satisfies(line -> {
            assertThat(line.get("statementAmount").decimalValue()).isEqualByComparingTo("357.90");
            assertThat(line.get("side").isNull()).isTrue();
        });

        TestHttp.Response badSide = partner.post(INVOICES, """
                {"periodId":"%s","invoiceNumber":"%s","invoiceDate":"2026-04-03","currency":"EUR","lines":[
                 {"offeringId":"off-video","usageType":"VOICE","amount":"500.00","side":"SHARE"}]}
                """.formatted(issued.period(), "INV-" + UUID.randomUUID()));
        assertThat(fields(badSide)).containsExactly("lines[0].side");
    }

    /**
     * The partner sent the same invoice under a second number (S65-R8-INV-001/-002): each opened a dispute for the
     * same differences. The same lines again are refused naming the earlier invoice; a corrected invoice supersedes
     * the earlier one, which is no longer reconciled, and names the same discrepancies by the same identity.
     */
    @Test
    void theSameInvoiceUnderAnotherNumberIsRefusedAndACorrectedOneSupersedesTheEarlier() {
        Issued issued = issuedStatement();
        TestHttp partner = TestHttp.localPort(port).as(TestJwt.partner("pia", issued.partner(), Roles.PARTNER_USER));
        String first = "INV-" + UUID.randomUUID();
        String lines = """
                [{"offeringId":"off-video","usageType":"VOICE","amount":"500.00","description":"voice"},
                 {"offeringId":"off-music","usageType":"VOICE","amount":"25.00"}]""";
        TestHttp.Response submitted = partner.post(INVOICES, invoice(issued, first, lines));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        String earlier = submitted.json().get("href").asString();

        String second = "INV-" + UUID.randomUUID();
        String reordered = """
                [{"offeringId":"off-music","usageType":"VOICE","amount":"25.0"},
                 {"offeringId":"off-video","usageType":"VOICE","amount":"500.00","description":"voice again"}]""";
        TestHttp.Response again = partner.post(INVOICES, invoice(issued, second, reordered));
        assertThat(again.status()).as(again.body()).isEqualTo(409);
        assertThat(again.body()).contains(first).contains("nothing was stored");
        assertThat(jdbc.sql("select count(*) from partner_invoice where invoice_number = :n").param("n", second)
                .query(Integer.class).single()).isZero();

        String corrected = "INV-" + UUID.randomUUID();
        TestHttp.Response correction = partner.post(INVOICES, invoice(issued, corrected, """
                [{"offeringId":"off-video","usageType":"VOICE","amount":"500.00"},
                 {"offeringId":"off-music","usageType":"VOICE","amount":"24.00"}]"""));
        assertThat(correction.status()).as(correction.body()).isEqualTo(201);
        assertThat(correction.json().get("state").asString()).isEqualTo("SUBMITTED");
        JsonNode old = partner.get(earlier).json();
        assertThat(old.get("state").asString()).isEqualTo("SUPERSEDED");
        assertThat(old.get("supersededBy").get("invoiceNumber").asString()).isEqualTo(corrected);
        TestHttp.Response reconcileOld = partner.post(earlier + "/reconciliations", "");
        assertThat(reconcileOld.status()).isEqualTo(409);
        assertThat(reconcileOld.body()).contains("superseded by invoice " + corrected);
        assertThat(jdbc.sql("select count(*) from audit_event where resource_id = :id and action = 'SUPERSEDED'")
                .param("id", old.get("id").asString()).query(Integer.class).single()).isEqualTo(1);

        // the music difference of both invoices is one discrepancy of the statement, whichever invoice found it
        JsonNode before = partner.get(submitted.json().get("latestReconciliation").get("href").asString()).json();
        JsonNode after = partner.get(correction.json().get("latestReconciliation").get("href").asString()).json();
        String key = line(before.get("lines"), "off-music", "VOICE").get("discrepancyKey").asString();
        assertThat(key).isEqualTo(issued.statement().id() + "/off-music/VOICE/CURRENT/REVENUE_SHARE/*")
                .doesNotContain(old.get("id").asString());
        assertThat(line(after.get("lines"), "off-music", "VOICE").get("discrepancyKey").asString()).isEqualTo(key);
    }

    private static String invoice(Issued issued, String number, String lines) {
        return """
                {"periodId":"%s","invoiceNumber":"%s","invoiceDate":"2026-04-03","currency":"EUR","lines":%s}
                """.formatted(issued.period(), number, lines);
    }

    private static JsonNode side(JsonNode lines, String side) {
        return lines.valueStream().filter(line -> side.equals(line.get("side").asString())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + side + " line in " + lines));
    }

    @Test
    void anotherPartnerSeesNeitherTheInvoiceNorItsReconciliationAndCannotSubmitForIt() {
        Issued issued = issuedStatement();
        TestHttp finance = TestHttp.localPort(port).as(TestJwt.staff("fiona", Roles.FINANCE));
        TestHttp.Response onBehalf = finance.post(INVOICES, invoiceJson(issued.partner(), issued.period(),
                "INV-" + UUID.randomUUID(), "500.00"));
        assertThat(onBehalf.status()).as(onBehalf.body()).isEqualTo(201);
        assertThat(onBehalf.json().get("partnerId").asString()).isEqualTo(issued.partner());
        String invoice = onBehalf.json().get("href").asString();
        String reconciliation = onBehalf.json().get("latestReconciliation").get("href").asString();

        String stranger = UUID.randomUUID().toString();
        TestHttp other = TestHttp.localPort(port).as(TestJwt.partner("otto", stranger, Roles.PARTNER_ADMIN));
        assertThat(other.get(invoice).status()).isEqualTo(404);
        assertThat(other.get(reconciliation).status()).isEqualTo(404);
        assertThat(other.post(invoice + "/reconciliations", "").status()).isEqualTo(404);
        TestHttp.Response forSomeoneElse = other.post(INVOICES, invoiceJson(issued.partner(), issued.period(),
                "INV-" + UUID.randomUUID(), "1.00"));
        assertThat(forSomeoneElse.status()).isEqualTo(400);
        assertThat(fields(forSomeoneElse)).contains("partnerId", "periodId");
        TestHttp own = TestHttp.localPort(port).as(TestJwt.partner("pia", issued.partner(), Roles.PARTNER_USER));
        assertThat(own.get(invoice).json().get("submittedBy").asString()).isEqualTo("fiona");
        assertThat(own.get(reconciliation).status()).isEqualTo(200);
        TestHttp auditor = TestHttp.localPort(port).as(TestJwt.staff("audrey", Roles.AUDITOR));
        assertThat(auditor.post(INVOICES, invoiceJson(issued.partner(), issued.period(), "INV-x", "1")).status())
                .isEqualTo(403);

        // the list: staff filter by partner, a partner sees only its own whatever it asks for
        TestHttp.Response listed = auditor.get(INVOICES + "?partnerId=" + issued.partner());
        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        assertThat(listed.header("X-Total-Count")).isEqualTo("1");
        JsonNode first = listed.json().get(0);
        assertThat(first.get("href").asString()).isEqualTo(invoice);
        assertThat(first.get("latestReconciliation").get("href").asString()).isEqualTo(reconciliation);
        assertThat(first.get("lines")).isEmpty();
        assertThat(own.get(INVOICES).json()).extracting(item -> item.get("href").asString()).contains(invoice);
        // a partner naming another partner gets nothing, not its own invoices under that name
        assertThat(own.get(INVOICES + "?partnerId=" + UUID.randomUUID()).json()).isEmpty();
        TestHttp.Response strangers = other.get(INVOICES + "?partnerId=" + issued.partner());
        assertThat(strangers.json()).isEmpty();
        assertThat(strangers.header("X-Total-Count")).isEqualTo("0");
        assertThat(fields(auditor.get(INVOICES + "?partnerId=nope"))).containsExactly("partnerId");
    }

    @Test
    void aRoleThatMayNotSubmitIsRefusedWhateverContentTypeItSends() {
        for (String role : List.of(Roles.AUDITOR, Roles.OPS)) {
            TestHttp reader = TestHttp.localPort(port).as(TestJwt.staff("reader", role));
            for (String contentType : List.of("application/json", "text/csv", "multipart/form-data; boundary=x")) {
                TestHttp.Response upload = reader.send("POST", INVOICES + "/upload", "{}", contentType);
                assertThat(upload.status()).as(role + " upload " + contentType + ": " + upload.body())
                        .isEqualTo(403);
                TestHttp.Response usageFile = reader.send("PUT", INVOICES + "/" + UUID.randomUUID() + "/usage-file",
                        "{}", contentType);
                assertThat(usageFile.status()).as(role + " usage file " + contentType + ": " + usageFile.body())
                        .isEqualTo(403);
                assertThat(usageFile.contentType()).startsWith("application/problem+json");
            }
        }
    }

    @Test
    void refusesBadInputNamingEveryFieldAndRowAndStoresNothing() {
        Issued issued = issuedStatement();
        TestHttp partner = TestHttp.localPort(port).as(TestJwt.partner("pia", issued.partner(), Roles.PARTNER_USER));
        String number = "INV-" + UUID.randomUUID();

        TestHttp.Response unknownPeriod = partner.post(INVOICES, """
                {"periodId":"%s","invoiceNumber":"%s","invoiceDate":"03.04.2026","currency":"EUR","lines":[
                 {"offeringId":"off-video","usageType":"VOICE","amount":"500.001"},
                 {"offeringId":"off-video","usageType":"SMS"}]}
                """.formatted(UUID.randomUUID(), number));
        assertThat(unknownPeriod.status()).isEqualTo(400);
        assertThat(unknownPeriod.contentType()).startsWith("application/problem+json");
        assertThat(fields(unknownPeriod)).containsExactlyInAnyOrder("periodId", "invoiceDate", "lines[0].amount",
                "lines[1].amount");

        TestHttp.Response wrongCurrency = partner.post(INVOICES, """
                {"periodId":"%s","invoiceNumber":"%s","invoiceDate":"2026-04-03","currency":"USD","lines":[
                 {"offeringId":"off-video","usageType":"VOICE","amount":"500.00"}]}
                """.formatted(issued.period(), number));
        assertThat(fields(wrongCurrency)).containsExactly("currency");
        TestHttp.Response postDated = partner.post(INVOICES, """
                {"periodId":"%s","invoiceNumber":"%s","invoiceDate":"2099-01-01","currency":"EUR","lines":[
                 {"offeringId":"off-video","usageType":"VOICE","amount":"500.00"}]}
                """.formatted(issued.period(), number));
        assertThat(fields(postDated)).containsExactly("invoiceDate");
        assertThat(postDated.body()).contains("is in the future");

        String csv = """
                offeringId,usageType,periodStart,reference,description,quantity,amount
                off-video,VOICE,,,voice,1200,500.00
                off-video,SMS,,,sms,,seventy
                off-music,VOICE,2999-01-01,,future,,10.00
                """;
        TestHttp.Response badRows = partner.postMultipart(INVOICES + "/upload", form(issued, number)
                .file("file", "lines.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)));
        assertThat(badRows.status()).isEqualTo(400);
        JsonNode violations = badRows.json().get("violations");
        assertThat(violations).hasSize(2);
        assertThat(violations.get(0).get("field").asString()).isEqualTo("amount");
        assertThat(violations.get(0).get("row").asInt()).isEqualTo(2);
        assertThat(violations.get(0).get("line").asInt()).isEqualTo(3);
        assertThat(violations.get(1).get("field").asString()).isEqualTo("periodStart");
        assertThat(violations.get(1).get("row").asInt()).isEqualTo(3);

        String good = "offeringId,usageType,amount\noff-video,VOICE,500.00\noff-video,SMS,70.00\n";
        TestHttp.Response notAPdf = partner.postMultipart(INVOICES + "/upload", form(issued, number)
                .file("file", "lines.csv", "text/csv", good.getBytes(StandardCharsets.UTF_8))
                .file("pdf", "invoice.pdf", "application/pdf", "MZ\u0090\u0000 not a pdf".getBytes(
                        StandardCharsets.ISO_8859_1)));
        assertThat(notAPdf.status()).isEqualTo(400);
        assertThat(fields(notAPdf)).containsExactly("pdf");
        assertThat(notAPdf.json().get("violations").get(0).get("message").asString()).contains("executable")
                .contains("only a PDF is accepted").doesNotContain("PNG");
        // an image is a file the upload check accepts elsewhere, but not as the invoice's pdf: one message for both
        TestHttp.Response png = partner.postMultipart(INVOICES + "/upload", form(issued, number)
                .file("file", "lines.csv", "text/csv", good.getBytes(StandardCharsets.UTF_8))
                .file("pdf", "invoice.png", "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a,
                        '\n', 0, 0}));
        assertThat(png.status()).isEqualTo(400);
        assertThat(png.json().get("violations").get(0).get("message").asString()).contains("PNG", "not a PDF",
                "only a PDF is accepted");

        TestHttp.Response badHeader = partner.postMultipart(INVOICES + "/upload", form(issued, number)
                .file("file", "lines.csv", "text/csv", "offering,amount\nx,1\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(fields(badHeader)).containsExactly("file");

        assertThat(jdbc.sql("select count(*) from partner_invoice where invoice_number = :n").param("n", number)
                .query(Integer.class).single()).isZero();

        byte[] pdf = "%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        TestHttp.Response uploaded = partner.postMultipart(INVOICES + "/upload", form(issued, number)
                .file("file", "lines.csv", "text/csv", good.getBytes(StandardCharsets.UTF_8))
                .file("pdf", "invoice.pdf", "application/pdf", pdf));
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
        assertThat(uploaded.json().get("lineCount").asInt()).isEqualTo(2);
        assertThat(uploaded.json().get("latestReconciliation").get("outcomes").get("MATCHED").asInt()).isEqualTo(2);
        TestHttp.Response download = partner.get(uploaded.json().get("pdf").get("href").asString());
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.contentType()).isEqualTo("application/pdf");
        assertThat(download.body()).startsWith("%PDF-");
        assertThat(partner.postMultipart(INVOICES + "/upload", form(issued, number)
                .file("file", "lines.csv", "text/csv", good.getBytes(StandardCharsets.UTF_8))).status())
                .isEqualTo(409);
        assertThat(fields(partner.post(uploaded.json().get("href").asString() + "/reconciliations",
                "{\"keys\":[\"OFFERING\",\"colour\"]}"))).containsExactly("keys[1]");
    }

    @Test
    void anInvoiceForAPeriodWithoutAnIssuedStatementWaitsAndReconcilingItIsAConflict() {
        Issued issued = issuedStatement();
        UUID partnerId = UUID.fromString(issued.partner());
        SettlementPeriods.Period current = periods.periodFor(partnerId, clock.instant()).orElseThrow().period();
        TestHttp partner = TestHttp.localPort(port).as(TestJwt.partner("pia", issued.partner(), Roles.PARTNER_USER));

        TestHttp.Response submitted = partner.post(INVOICES, invoiceJson(null, current.id(),
                "INV-" + UUID.randomUUID(), "12.00"));

        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        assertThat(submitted.json().get("latestReconciliation").isNull()).isTrue();
        TestHttp.Response reconcile = partner.post(submitted.json().get("href").asString() + "/reconciliations", "");
        assertThat(reconcile.status()).isEqualTo(409);
        assertThat(reconcile.body()).contains("no issued statement");
    }

    @Test
    void storesTheCdrFileAllOrNothingAndRecordsAUsageMatchThatCannotReachRating() {
        Issued issued = issuedStatement();
        TestHttp partner = TestHttp.localPort(port).as(TestJwt.partner("pia", issued.partner(), Roles.PARTNER_USER));
        String invoice = partner.post(INVOICES, invoiceJson(null, issued.period(), "INV-" + UUID.randomUUID(),
                "500.00")).json().get("href").asString();
        String start = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC) + "T10:00:00Z";

        TestHttp.Response bad = partner.send("PUT", invoice + "/usage-file", """
                usageId,subscriberId,startTime,usageType,quantity,amount
                cdr-1,4917001,%s,VOICE,60,0.50
                cdr-2,4917001,yesterday,VOICE,60,0.50
                cdr-3,,%s,VOICE,sixty,0.50
                """.formatted(start, start), "text/csv");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("violations").valueStream().map(v -> v.get("field").asString() + "@"
                + v.get("row").asInt()).toList()).containsExactly("startTime@2", "subscriberId@3", "quantity@3");
        assertThat(partner.get(invoice).json().get("usageFile").isNull()).isTrue();
        TestHttp.Response duplicate = partner.send("PUT", invoice + "/usage-file",
                "usageId,subscriberId,startTime,quantity\nc-1,s,%s,1\nc-1,s,%s,2\n".formatted(start, start),
                "text/csv");
        assertThat(duplicate.status()).isEqualTo(400);
        assertThat(duplicate.body()).contains("c-1");
        assertThat(partner.post(invoice + "/usage-matches", "").status()).isEqualTo(409);

        StringBuilder file = new StringBuilder("usageId,subscriberId,startTime,usageType,quantity,amount\n");
        for (int i = 0; i < 5_000; i++) {
            file.append("cdr-").append(i).append(",4917").append(i % 50).append(',').append(start)
                    .append(",VOICE,60,0.500000\n");
        }
        TestHttp.Response stored = partner.send("PUT", invoice + "/usage-file?fileName=march.csv", file.toString(),
                "text/csv");
        assertThat(stored.status()).as(stored.body()).isEqualTo(200);
        assertThat(stored.json().get("usageFile").get("rows").asLong()).isEqualTo(5_000);
        assertThat(stored.json().get("usageFile").get("fileName").asString()).isEqualTo("march.csv");

        TestHttp.Response started = partner.post(invoice + "/usage-matches", "{\"mode\":\"KEYS\"}");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String match = started.header("Location");
        assertThat(started.json().get("mode").asString()).isEqualTo("KEYS");
        // the period's statement took its usage after V70: ours is what it billed (StatementUsageMatchTests)
        assertThat(started.json().get("basis").asString()).isEqualTo("STATEMENT");
        await().atMost(Duration.ofSeconds(30)).until(() -> !"RUNNING".equals(partner.get(match).json()
                .get("state").asString()));
        JsonNode failed = partner.get(match).json();
        assertThat(failed.get("state").asString()).isEqualTo("FAILED");
        JsonNode latestMatch = partner.get(invoice).json().get("latestUsageMatch");
        assertThat(latestMatch.get("href").asString()).isEqualTo(match);
        assertThat(latestMatch.get("state").asString()).isEqualTo("FAILED");
        assertThat(failed.get("error").asString()).contains("cannot be reached");
        assertThat(partner.get(match + "/unmatched").status()).isEqualTo(409);
        assertThat(TestHttp.localPort(port).as(TestJwt.partner("otto", UUID.randomUUID().toString(),
                Roles.PARTNER_USER)).get(match).status()).isEqualTo(404);
        assertThat(fields(partner.post(invoice + "/usage-matches", "{\"mode\":\"FUZZY\"}"))).containsExactly("mode");
    }

    @Test
    void everyProblemOfACdrFileIsAnsweredAtOnceDuplicateUsageIdsIncluded() {
        Issued issued = issuedStatement();
        TestHttp partner = TestHttp.localPort(port).as(TestJwt.partner("pia", issued.partner(), Roles.PARTNER_USER));
        String invoice = partner.post(INVOICES, invoiceJson(null, issued.period(), "INV-" + UUID.randomUUID(),
                "500.00")).json().get("href").asString();
        String start = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC) + "T10:00:00Z";

        // the duplicates were answered only once every other row was right, one at a time and without its row
        TestHttp.Response rejected = partner.send("PUT", invoice + "/usage-file", """
                usageId,subscriberId,startTime,quantity,amount
                c-1,s,%1$s,60,0.50
                c-2,s,%1$s,1e3,0.50
                c-1,s,%1$s,60,0.50
                c-3,s,yesterday,60,0.50
                c-2,s,%1$s,60,5e-1
                c-1,s,%1$s,60,0.50
                """.formatted(start), "text/csv");

        assertThat(rejected.status()).as(rejected.body()).isEqualTo(400);
        assertThat(rejected.json().get("detail").asString()).startsWith("The CDR file has 6 problem(s);");
        JsonNode violations = rejected.json().get("violations");
        assertThat(violations.valueStream().map(v -> v.get("field").asString() + "@" + v.get("row").asInt()
                + "/" + v.get("line").asInt()).toList()).containsExactly("quantity@2/3", "usageId@3/4",
                "startTime@4/5", "amount@5/6", "usageId@5/6", "usageId@6/7");
        assertThat(violations.get(0).get("message").asString()).contains("plain decimal", "'1e3'");
        assertThat(violations.get(1).get("message").asString())
                .isEqualTo("row 3 (line 4): usageId 'c-1' appears more than once in the file (first in row 1); "
                        + "usage ids are unique per file");
        assertThat(violations.get(4).get("message").asString()).contains("'c-2'", "(first in row 2)");
        assertThat(partner.get(invoice).json().get("usageFile").isNull()).isTrue();

        // a file whose only problem is a repeated id: the unique index stops the first pass, the second lists it
        TestHttp.Response onlyDuplicates = partner.send("PUT", invoice + "/usage-file",
                "usageId,subscriberId,startTime,quantity\nc-1,s,%1$s,1\nc-2,s,%1$s,1\nc-1,s,%1$s,2\nc-2,s,%1$s,2\n"
                        .formatted(start), "text/csv");
        assertThat(onlyDuplicates.status()).isEqualTo(400);
        assertThat(onlyDuplicates.json().get("violations").valueStream().map(v -> v.get("field").asString() + "@"
                + v.get("row").asInt()).toList()).containsExactly("usageId@3", "usageId@4");

        // more problems than are listed: the first 100 by row, and how many there are
        StringBuilder many = new StringBuilder("usageId,subscriberId,startTime,quantity\n");
        for (int i = 0; i < 150; i++) {
            many.append(i % 3 == 0 ? "same" : "cdr-" + i).append(",s,").append(start).append(',')
                    .append(i % 3 == 1 ? "x" : "1").append('\n');
        }
        TestHttp.Response capped = partner.send("PUT", invoice + "/usage-file", many.toString(), "text/csv");
        assertThat(capped.status()).isEqualTo(400);
        assertThat(capped.json().get("detail").asString())
                .startsWith("The CDR file has 99 problem(s);");   // 49 repeated ids, 50 bad quantities
        StringBuilder more = new StringBuilder("usageId,subscriberId,startTime,quantity\n");
        for (int i = 0; i < 300; i++) {
            more.append(i % 2 == 0 ? "same" : "cdr-" + i).append(",s,").append(start).append(",1\n");
        }
        TestHttp.Response overCap = partner.send("PUT", invoice + "/usage-file", more.toString(), "text/csv");
        assertThat(overCap.json().get("detail").asString())
                .startsWith("The CDR file has 149 problem(s) (the first 100 by row are listed);");
        assertThat(overCap.json().get("violations")).hasSize(100);
        assertThat(overCap.json().get("violations").get(99).get("row").asInt()).isEqualTo(201);

        // a clean file after all that is stored whole
        TestHttp.Response stored = partner.send("PUT", invoice + "/usage-file",
                "usageId,subscriberId,startTime,quantity,amount\nc-1,s,%1$s,60,0.50\nc-2,s,%1$s,30,0.25\n"
                        .formatted(start), "text/csv");
        assertThat(stored.status()).as(stored.body()).isEqualTo(200);
        assertThat(stored.json().get("usageFile").get("rows").asLong()).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from partner_usage_record where invoice_id = :id")
                .param("id", UUID.fromString(invoice.substring(invoice.lastIndexOf('/') + 1)))
                .query(Long.class).single()).isEqualTo(2);
        assertThat(fields(partner.post(invoice + "/usage-matches", "{\"amountTolerance\":\"1e-3\"}")))
                .containsExactly("amountTolerance");
        // a file with problems replaces nothing: the stored one stays as it was
        String sha256 = stored.json().get("usageFile").get("sha256").asString();
        assertThat(partner.send("PUT", invoice + "/usage-file", "usageId,subscriberId,startTime,quantity\n"
                + "c-9,s,%1$s,1\nc-9,s,%1$s,1\n".formatted(start), "text/csv").status()).isEqualTo(400);
        TestHttp.Response twice = partner.send("PUT", invoice + "/usage-file",
                "usageId,subscriberId,startTime,quantity,usageId\n", "text/csv");
        assertThat(fields(twice)).containsExactly("file");
        assertThat(twice.json().get("detail").asString()).isEqualTo("The CDR header names the column 'usageId' twice");
        JsonNode kept = partner.get(invoice).json().get("usageFile");
        assertThat(kept.get("rows").asLong()).isEqualTo(2);
        assertThat(kept.get("sha256").asString()).isEqualTo(sha256);
    }

    @Test
    void invoiceAmountsWithAnExponentAndMisshapenCsvRowsAreReportedWithEveryOtherProblem() {
        Issued issued = issuedStatement();
        TestHttp partner = TestHttp.localPort(port).as(TestJwt.partner("pia", issued.partner(), Roles.PARTNER_USER));
        String number = "INV-" + UUID.randomUUID();

        TestHttp.Response json = partner.post(INVOICES, """
                {"periodId":"%s","invoiceNumber":"%s","invoiceDate":"2026-04-03","currency":"EUR","lines":[
                 {"offeringId":"off-video","usageType":"VOICE","amount":"1E+2","quantity":"5e-1"},
                 {"offeringId":"off-video","usageType":"SMS","amount":"70.00"}]}
                """.formatted(issued.period(), number));
        assertThat(fields(json)).containsExactly("lines[0].quantity", "lines[0].amount");
        assertThat(json.json().get("violations").get(1).get("message").asString())
                .contains("plain decimal", "at most 2 decimals", "'1E+2'");

        // a row with the wrong number of fields ended the check at once; it is one problem among the others now
        String csv = """
                offeringId,usageType,amount
                off-video,VOICE,500.00,extra
                off-video,SMS,1e2
                """;
        TestHttp.Response rows = partner.postMultipart(INVOICES + "/upload", form(issued, number)
                .file("file", "lines.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)));
        assertThat(rows.status()).as(rows.body()).isEqualTo(400);
        assertThat(rows.json().get("violations").valueStream().map(v -> v.get("field").asString() + "@"
                + v.get("row").asInt()).toList()).containsExactly("file@1", "amount@2");
        // an unclosed quote hid every other problem, in the parser's words ("org.apache.commons.csv.CSVException:
        // (startline 4) EOF reached before encapsulated token finished"): the rows before it are checked too
        String unclosed = "offeringId,usageType,amount\noff-video,VOICE,1e2\noff-video,SMS,1.005\n"
                + "off-video,\"DATA,3.00\noff-video,SMS,4.00\n";
        TestHttp.Response quote = partner.postMultipart(INVOICES + "/upload", form(issued, number)
                .file("file", "lines.csv", "text/csv", unclosed.getBytes(StandardCharsets.UTF_8)));
        assertThat(quote.status()).as(quote.body()).isEqualTo(400);
        assertThat(quote.json().get("violations").valueStream().map(v -> v.get("field").asString() + "@"
                + v.get("row").asInt()).toList()).containsExactly("amount@1", "amount@2", "file@3");
        assertThat(quote.json().get("violations").get(2).get("message").asString())
                .contains("cannot be read as CSV from here on", "a quoted value starting on line 4 is not closed")
                .doesNotContain("Exception", "encapsulated");
        assertThat(jdbc.sql("select count(*) from partner_invoice where invoice_number = :n").param("n", number)
                .query(Integer.class).single()).isZero();
    }

    @Test
    void aMatchLeftRunningByARestartIsFailedSoTheInvoiceIsNotStuck() {
        Issued issued = issuedStatement();
        TestHttp partner = TestHttp.localPort(port).as(TestJwt.partner("pia", issued.partner(), Roles.PARTNER_USER));
        JsonNode invoice = partner.post(INVOICES, invoiceJson(null, issued.period(), "INV-" + UUID.randomUUID(),
                "500.00")).json();
        UUID invoiceId = UUID.fromString(invoice.get("id").asString());
        UUID interrupted = UUID.randomUUID();
        UUID recent = UUID.randomUUID();
        for (UUID match : List.of(interrupted, recent)) {
            jdbc.sql("""
                            insert into usage_match (id, invoice_id, partner_id, mode, time_tolerance_seconds,
                                    quantity_tolerance, amount_tolerance, state, requested_by, requested_at)
                            values (:id, :invoice, :partner, 'USAGE_ID', 60, 0, 0, 'RUNNING', 'pia', :at)""")
                    .param("id", match).param("invoice", invoiceId).param("partner", UUID.fromString(issued.partner()))
                    .param("at", java.sql.Timestamp.from(clock.instant().minus(match == interrupted
                            ? Duration.ofHours(3) : Duration.ofMinutes(1)))).update();
        }
        String csv = "usageId,subscriberId,startTime,quantity\nc-1,s,2026-03-05T10:00:00Z,1\n";

        assertThat(partner.send("PUT", invoice.get("href").asString() + "/usage-file", csv, "text/csv").status())
                .as("a match started a minute ago is running").isEqualTo(409);
        jdbc.sql("delete from usage_match where id = :id").param("id", recent).update();
        assertThat(partner.send("PUT", invoice.get("href").asString() + "/usage-file", csv, "text/csv").status())
                .isEqualTo(200);
        JsonNode failed = partner.get("/api/settlement/usage-matches/" + interrupted).json();
        assertThat(failed.get("state").asString()).isEqualTo("FAILED");
        assertThat(failed.get("error").asString()).contains("Interrupted");
    }

    private static TestMultipart form(Issued issued, String number) {
        return new TestMultipart().field("periodId", issued.period().toString()).field("invoiceNumber", number)
                .field("invoiceDate", "2026-04-03").field("currency", "EUR");
    }

    private static String invoiceJson(String partnerId, UUID period, String number, String amount) {
        return """
                {%s"periodId":"%s","invoiceNumber":"%s","invoiceDate":"2026-04-03","currency":"EUR","lines":[
                 {"offeringId":"off-video","usageType":"VOICE","amount":"%s"}]}
                """.formatted(partnerId == null ? "" : "\"partnerId\":\"" + partnerId + "\",", period, number, amount);
    }

    private static List<String> fields(TestHttp.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        return response.json().get("violations").valueStream().map(v -> v.get("field").asString()).toList();
    }

    private static JsonNode line(JsonNode lines, String offering, String usageType) {
        return lines.valueStream().filter(line -> offering.equals(line.get("offeringId").asString())
                && usageType.equals(line.get("usageType").asString())).findFirst().orElseThrow();
    }
}
