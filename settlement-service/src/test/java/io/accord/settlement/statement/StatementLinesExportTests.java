package io.accord.settlement.statement;

import io.accord.contracts.Roles;
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

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A statement's lines as CSV for accountants (visible as the statement is, formula-guarded), and the statement's
 * period bounds and due date in its JSON.
 */
@AccordServiceTest
class StatementLinesExportTests {

    private static final String STATEMENTS = "/api/settlement/statements/";

    @LocalServerPort
    int port;

    private final StatementFixtures fixtures;
    private final Statements statements;
    private final SettlementPeriods periods;
    private final UsageSums sums;
    private final Clock clock;

    StatementLinesExportTests(StatementFixtures statementFixtures, SettlementPeriods periods, UsageSums sums,
                              Statements statements, Clock clock) {
        this.fixtures = statementFixtures;
        this.statements = statements;
        this.periods = periods;
        this.sums = sums;
        this.clock = clock;
    }

    @Test
    void theLinesExportAsCsvGuardedAgainstFormulasToStaffAndOnceIssuedToTheirPartnerOnly() {
        String partner = fixtures.partner();
        UUID partnerId = UUID.fromString(partner);
        Instant usage = clock.instant().minus(Duration.ofDays(40));
        SettlementPeriods.Period period = periods.periodFor(partnerId, usage).orElseThrow().period();
        RatedUsageEvents.send(RatedUsageEvents.rated("=HYPERLINK(\"http://x\")", usage).charge("20.01")
                        .share(partner, "50").build(),
                RatedUsageEvents.rated("off-plain", usage).charge("0.99").share(partner, "50").build());
        await().atMost(StatementFixtures.PATIENCE).until(() -> sums.ofPeriod(period.id()).size() == 2);
        periods.startClosing(period.id());
        Statements.View approved = statements.approve(statements.draft(partnerId, period.id(), "finance").id(),
                "finance-b");
        String lines = STATEMENTS + approved.id() + "/lines";
        TestHttp finance = TestHttp.localPort(port).as(TestJwt.staff("fiona", Roles.FINANCE));
        TestHttp own = TestHttp.localPort(port).as(TestJwt.partner("pia", partner, Roles.PARTNER_USER));
        TestHttp other = TestHttp.localPort(port).as(TestJwt.partner("olga", UUID.randomUUID().toString(),
                Roles.PARTNER_USER));

        TestHttp.Response draft = finance.get(lines);
        assertThat(draft.status()).as(draft.body()).isEqualTo(200);
        assertThat(draft.header("Content-Disposition")).contains(approved.id() + "-lines.csv");
        // an approved statement is no document yet: to the partner it does not exist
        assertThat(own.get(lines).status()).isEqualTo(404);

        Statements.View issued = statements.issue(approved.id());
        TestHttp.Response csv = own.get(lines);

        assertThat(csv.status()).as(csv.body()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).contains(issued.documentNumber() + "-lines.csv");
        List<String> rows = csv.body().lines().toList();
        assertThat(rows).hasSize(1 + issued.lines().size());
        List<String> header = Arrays.asList(rows.getFirst().split(","));
        assertThat(header).contains("lineNumber", "type", "description", "offeringId", "usageType", "quantity",
                "amount", "taxAmount", "currency", "sourceAmount", "sourceCurrency", "fxRate", "periodStart",
                "periodEnd");
        // a text a spreadsheet would run as a formula is written after a quote
        assertThat(csv.body()).contains(",\"'=HYPERLINK(\"\"http://x\"\")\",").doesNotContain(",=HYPERLINK");
        String plain = rows.stream().filter(row -> row.contains("off-plain")).findFirst().orElseThrow();
        List<String> cells = Arrays.asList(plain.split(",", -1));
        assertThat(cells.get(header.indexOf("amount"))).isEqualTo("0.50");
        assertThat(cells.get(header.indexOf("currency"))).isEqualTo("EUR");
        assertThat(cells.get(header.indexOf("documentNumber"))).isEqualTo(issued.documentNumber());
        assertThat(cells.get(header.indexOf("periodStart"))).isEqualTo(period.startAt().toString());
        assertThat(cells.get(header.indexOf("periodEnd"))).isEqualTo(period.endAt().toString());
        assertThat(cells.get(header.indexOf("taxRatePercent"))).isEqualTo("19");
        // 50 % of 0.99: the exact amount at 6 decimals, as the JSON's; then the share rate and, last, the FX rate id
        assertThat(cells.get(header.indexOf("exactAmount"))).isEqualTo("0.495000");
        assertThat(header.getLast()).isEqualTo("fxRateId");
        assertThat(header.subList(header.size() - 5, header.size()))
                .containsExactly("unit", "recordCount", "unitPrice", "shareRate", "fxRateId");
        assertThat(cells.get(header.indexOf("shareRate"))).isEqualTo("50");
        assertThat(cells.getLast()).as("not converted").isEmpty();
        // the lines' taxes add up to the statement's tax exactly
        BigDecimal taxes = rows.stream().skip(1).map(row -> Arrays.asList(row.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)",
                -1)).get(header.indexOf("taxAmount"))).map(BigDecimal::new).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(taxes).isEqualByComparingTo(issued.taxAmount());
        assertThat(other.get(lines).status()).isEqualTo(404);
        assertThat(finance.header("Accept", "application/pdf").get(lines).status()).isEqualTo(406);
        assertThat(finance.get(STATEMENTS + UUID.randomUUID() + "/lines").status()).isEqualTo(404);
    }

    @Test
    void theStatementSaysItsPeriodAndOnceIssuedItsDueDate() {
        String partner = fixtures.partner();
        Statements.View approved = fixtures.approved(partner, "20.00");
        SettlementPeriods.Period period = periods.ofPartner(UUID.fromString(partner)).stream()
                .filter(candidate -> candidate.id().equals(approved.periodId())).findFirst().orElseThrow();
        TestHttp finance = TestHttp.localPort(port).as(TestJwt.staff("fiona", Roles.FINANCE));

        JsonNode before = finance.get(STATEMENTS + approved.id()).json();

        assertThat(before.path("periodStart").asString()).isEqualTo(period.startAt().toString());
        assertThat(before.path("periodEnd").asString()).isEqualTo(period.endAt().toString());
        assertThat(before.path("dueDate").isNull()).isTrue();

        Statements.View issued = statements.issue(approved.id());
        String due = LocalDate.ofInstant(issued.issuedAt(), ZoneOffset.UTC).plusDays(30).toString();
        JsonNode ownView = TestHttp.localPort(port).as(TestJwt.partner("pia", partner, Roles.PARTNER_USER))
                .get(STATEMENTS + issued.id()).json();
        assertThat(ownView.path("dueDate").asString()).isEqualTo(due);
        assertThat(ownView.path("periodStart").asString()).isEqualTo(period.startAt().toString());
        assertThat(finance.get("/api/settlement/statements?partnerId=" + partner).json().get(0).path("dueDate")
                .asString()).isEqualTo(due);
        // as the document says
        assertThat(finance.header("Accept", "application/json").get(STATEMENTS + issued.id() + "/document").json()
                .path("dueDate").asString()).isEqualTo(due);
    }
}
