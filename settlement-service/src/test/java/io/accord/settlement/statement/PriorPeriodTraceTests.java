package io.accord.settlement.statement;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import io.accord.contracts.Roles;
import io.accord.contracts.usage.UsageRated;
import io.accord.settlement.StatementFixtures;
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
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A revenue-assurance analyst's findings: a prior-period usage line said {@code reference: null} instead of what it
 * adjusts, and a statement did not say which usage it covers nor where its period's late records went. Now the line
 * names the closed period, its late record count, that period's statement and the line it corrects (in the API, the
 * lines CSV and the document), and each statement says up to which rated sequence and from which cut-off it billed,
 * which late records of which period it carries and which of its own were carried later.
 */
@AccordServiceTest
class PriorPeriodTraceTests {

    private static final String STATEMENTS = "/api/settlement/statements/";

    @LocalServerPort
    int port;

    private final StatementFixtures fixtures;
    private final Statements statements;
    private final SettlementPeriods periods;
    private final UsageSums sums;
    private final Clock clock;

    PriorPeriodTraceTests(StatementFixtures statementFixtures, SettlementPeriods periods, UsageSums sums,
                          Statements statements, Clock clock) {
        this.fixtures = statementFixtures;
        this.statements = statements;
        this.periods = periods;
        this.sums = sums;
        this.clock = clock;
    }

    @Test
    void aPriorPeriodLineNamesTheClosedStatementAndLineItAdjustsAndBothStatementsSayWhichRecordsTheyBill()
            throws Exception {
        String partner = fixtures.partner();
        UUID partnerId = UUID.fromString(partner);
        Instant usageAt = clock.instant().minus(Duration.ofDays(40));
        SettlementPeriods.Period closed = periods.periodFor(partnerId, usageAt).orElseThrow().period();
        String offering = "off-trace-" + UUID.randomUUID();
        UsageRated onTime = RatedUsageEvents.rated(offering, usageAt).usageType("VOICE").charge("20.00")
                .share(partner, "50").build();
        RatedUsageEvents.send(onTime);
        await().atMost(StatementFixtures.PATIENCE).until(() -> sums.ofPeriod(closed.id()).size() == 1);
        periods.startClosing(closed.id());
        Statements.View first = issue(statements.draft(partnerId, closed.id(), "finance"));

        // two records of the closed period rated after it was cut: the next open period carries them
        UsageRated lateOne = RatedUsageEvents.rated(offering, usageAt).usageType("VOICE").charge("2.00")
                .share(partner, "50").build();
        UsageRated lateTwo = RatedUsageEvents.rated(offering, usageAt).usageType("VOICE").charge("4.00")
                .share(partner, "50").build();
        RatedUsageEvents.send(lateOne, lateTwo);
        SettlementPeriods.Placement placement = periods.periodFor(partnerId, usageAt).orElseThrow();
        assertThat(placement.priorPeriodAdjustment()).isTrue();
        SettlementPeriods.Period carrying = placement.period();
        await().atMost(StatementFixtures.PATIENCE).until(() -> sums.ofPeriod(carrying.id()).stream()
                .filter(UsageSums.Sum::priorPeriod).mapToLong(UsageSums.Sum::recordCount).sum() == 2);
        if (carrying.endAt().isAfter(clock.instant())) {
            assertThat(finance().post("/api/settlement/periods/" + carrying.id() + "/early-close",
                    "{\"reason\": \"late usage of a closed period\"}").status()).isEqualTo(200);
        }
        periods.startClosing(carrying.id());
        Statements.View second = statements.draft(partnerId, carrying.id(), "finance");

        String expected = "period " + date(closed.startAt()) + " – " + date(closed.endAt()) + " (2 late records): "
                + "statement " + first.documentNumber() + ", line " + first.lineId(1);
        JsonNode secondJson = finance().get(STATEMENTS + second.id()).json();
        JsonNode prior = line(secondJson, "PRIOR_PERIOD_ADJUSTMENT");
        assertThat(prior.path("rounded").decimalValue()).isEqualByComparingTo("3.00");
        assertThat(prior.path("reference").asString()).isEqualTo(expected);
        assertThat(first.lines().getFirst().offeringId()).isEqualTo(offering);

        // which usage each statement bills
        JsonNode billed = secondJson.path("billedUsage");
        assertThat(billed.path("toSequence").asLong()).isEqualTo(Math.max(lateOne.sequence(), lateTwo.sequence()));
        assertThat(billed.path("cutOffAt").asString()).isEqualTo(closingAt(partnerId, carrying).toString());
        assertThat(billed.path("lateIncluded")).singleElement().satisfies(late -> {
            assertThat(late.path("periodId").asString()).isEqualTo(closed.id().toString());
            assertThat(late.path("periodStart").asString()).isEqualTo(closed.startAt().toString());
            assertThat(late.path("recordCount").asLong()).isEqualTo(2);
            assertThat(late.path("statementId").asString()).isEqualTo(first.id().toString());
            assertThat(late.path("documentNumber").asString()).isEqualTo(first.documentNumber());
        });
        assertThat(billed.path("arrivedLater")).isEmpty();
        JsonNode firstBilled = finance().get(STATEMENTS + first.id()).json().path("billedUsage");
        assertThat(firstBilled.path("toSequence").asLong()).isEqualTo(onTime.sequence());
        assertThat(firstBilled.path("cutOffAt").asString()).isEqualTo(closingAt(partnerId, closed).toString());
        assertThat(firstBilled.path("lateIncluded")).isEmpty();
        assertThat(firstBilled.path("arrivedLater")).singleElement().satisfies(late -> {
            assertThat(late.path("periodId").asString()).isEqualTo(carrying.id().toString());
            assertThat(late.path("recordCount").asLong()).isEqualTo(2);
            assertThat(late.path("statementId").asString()).isEqualTo(second.id().toString());
        });

        // the lines CSV and, once issued, the document say it too
        assertThat(finance().get(STATEMENTS + second.id() + "/lines").body()).contains(expected);
        Statements.View issued = issue(second);
        JsonNode document = finance().header("Accept", "application/json")
                .get(STATEMENTS + issued.id() + "/document").json();
        assertThat(line(document, "PRIOR_PERIOD_ADJUSTMENT").path("adjusts").asString()).isEqualTo(expected);
        byte[] pdf = pdf(STATEMENTS + issued.id() + "/document");
        // the partner is German: so is what the PDF says it adjusts (compared without the white space of wrapping)
        java.time.format.DateTimeFormatter german = java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy");
        assertThat(pdfText(pdf).replaceAll("\\s+", "")).contains(("Korrigiert: Zeitraum "
                + date(closed.startAt()).format(german) + " – " + date(closed.endAt()).format(german)
                + " (2 nachträgliche Datensätze): Beleg " + first.documentNumber() + ", Position "
                + first.lineId(1)).replace(" ", "")).doesNotContain("period" + date(closed.startAt()), "laterecords", "statement" + first.documentNumber());
        // one agreement version in force during each period: each statement names it
        assertThat(first.agreements()).containsExactly(new Statements.AgreementVersion(closed.agreementId(), 1));
        assertThat(issued.agreements()).containsExactly(new Statements.AgreementVersion(carrying.agreementId(), 1));
    }

    private Statements.View issue(Statements.View draft) {
        return statements.issue(statements.approve(draft.id(), "finance-b").id());
    }

    private Instant closingAt(UUID partnerId, SettlementPeriods.Period period) {
        return periods.ofPartner(partnerId).stream().filter(each -> each.id().equals(period.id())).findFirst()
                .orElseThrow().closingAt();
    }

    private static JsonNode line(JsonNode statement, String type) {
        for (JsonNode line : statement.path("lines")) {
            if (type.equals(line.path("type").asString())) {
                return line;
            }
        }
        throw new AssertionError("no " + type + " line: " + statement);
    }

    private static LocalDate date(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }

    private byte[] pdf(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + TestJwt.staff("fiona", Roles.FINANCE))
                .header("Accept", "application/pdf").GET().build();
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).isEqualTo(200);
            return response.body();
        }
    }

    private static String pdfText(byte[] pdf) throws Exception {
        PdfReader reader = new PdfReader(pdf);
        StringBuilder text = new StringBuilder();
        PdfTextExtractor extractor = new PdfTextExtractor(reader);
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            text.append(extractor.getTextFromPage(page)).append('\n');
        }
        reader.close();
        return text.toString();
    }

    private TestHttp finance() {
        return TestHttp.localPort(port).as(TestJwt.staff("fiona", Roles.FINANCE));
    }
}
