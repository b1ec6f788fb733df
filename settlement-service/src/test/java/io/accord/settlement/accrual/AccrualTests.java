package io.accord.settlement.accrual;

import io.accord.contracts.Roles;
import io.accord.settlement.StatementFixtures;
import io.accord.settlement.period.SettlementPeriods;
import io.accord.settlement.statement.Statements;
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
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Month-end accruals: the usage sums of periods not issued at asOf, per partner × currency × direction, equal to the
 * stored sums; an issued statement's period leaves later accruals (not earlier ones); staff only; bad input 400.
 */
@AccordServiceTest
class AccrualTests {

    private static final String PATH = "/api/settlement/accruals";

    @LocalServerPort
    int port;

    private final StatementFixtures fixtures;
    private final SettlementPeriods periods;
    private final UsageSums sums;
    private final Statements statements;
    private final Clock clock;

    AccrualTests(StatementFixtures fixtures, SettlementPeriods periods, UsageSums sums, Statements statements,
                 Clock clock) {
        this.fixtures = fixtures;
        this.periods = periods;
        this.sums = sums;
        this.statements = statements;
        this.clock = clock;
    }

    @Test
    void accruesTheUsageSumsOfPeriodsNotIssuedAtAsOfUntilTheStatementIsIssued() {
        String partner = fixtures.partner();
        UUID partnerId = UUID.fromString(partner);
        Statements.View drafted = fixtures.drafted(partner, "20.000002", "7.000001");
        Instant now = clock.instant();
        UUID open = periods.periodFor(partnerId, now).orElseThrow().period().id();
        RatedUsageEvents.send(
                RatedUsageEvents.rated("off-now", now).charge("3.33333").share(partner, "30").build(),
                RatedUsageEvents.rated("off-resold", now).allocation("RESELL").charge("4.100001").wholesale(partner)
                        .build(),
                RatedUsageEvents.rated("off-usd", now).currency("USD").charge("9.99").share(partner, "50").build());
        await().atMost(StatementFixtures.PATIENCE).until(() -> sums.ofPeriod(open).size() == 3);
        Instant beforeIssue = clock.instant();
        TestHttp finance = TestHttp.localPort(port).as(TestJwt.staff("fiona", Roles.FINANCE));

        TestHttp.Response response = finance.get(PATH + "?asOf=" + beforeIssue + "&partnerId=" + partner);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.header("X-Total-Count")).isEqualTo("3");
        JsonNode eurPayable = row(response, "EUR", "PAYABLE");
        assertThat(amount(eurPayable)).isEqualByComparingTo(stored(List.of(drafted.periodId(), open), "EUR",
                "PAYABLE_TO_PARTNER")).isEqualByComparingTo("14.500000"); // 10.000001 + 3.500000 + 0.999999
        assertThat(response.body()).as("exact, 6 decimals").contains("\"amount\":14.500000");
        assertThat(eurPayable.path("recordCount").asLong()).isEqualTo(3);
        assertThat(eurPayable.path("periods").valueStream().map(period -> period.path("periodId").asString() + "/"
                + period.path("status").asString() + "/" + period.path("statementId").asString()))
                .containsExactly(drafted.periodId() + "/CLOSED_NOT_ISSUED/" + drafted.id(), open + "/OPEN/");
        assertThat(amount(row(response, "EUR", "RECEIVABLE"))).isEqualByComparingTo("4.100001")
                .isEqualByComparingTo(stored(List.of(open), "EUR", "OWED_BY_PARTNER"));
        assertThat(amount(row(response, "USD", "PAYABLE"))).isEqualByComparingTo("4.995")
                .isEqualByComparingTo(stored(List.of(open), "USD", "PAYABLE_TO_PARTNER"));
        JsonNode eur = total(response, "EUR");
        assertThat(new BigDecimal(eur.path("payable").path("amount").asString())).isEqualByComparingTo("14.500000");
        assertThat(new BigDecimal(eur.path("receivable").path("amount").asString())).isEqualByComparingTo("4.100001");
        assertThat(eur.path("receivable").path("recordCount").asLong()).isEqualTo(1);
        assertThat(finance.get(PATH + "?asOf=" + beforeIssue + "&partnerId=" + partner + "&currency=USD").json()
                .path("accruals")).hasSize(1);
        TestHttp.Response page = finance.get(PATH + "?asOf=" + beforeIssue + "&partnerId=" + partner + "&limit=1");
        assertThat(page.json().path("accruals")).hasSize(1);
        assertThat(page.json().path("totals")).hasSize(2);
        assertThat(page.header("X-Result-Count")).isEqualTo("1");

        statements.issue(statements.approve(drafted.id(), "finance-b").id());
        Instant afterIssue = clock.instant().plusSeconds(1);

        JsonNode later = row(finance.get(PATH + "?asOf=" + afterIssue + "&partnerId=" + partner), "EUR", "PAYABLE");
        assertThat(amount(later)).isEqualByComparingTo(stored(List.of(open), "EUR", "PAYABLE_TO_PARTNER"))
                .isEqualByComparingTo("0.999999");
        assertThat(later.path("periods").valueStream().map(period -> period.path("periodId").asString()))
                .containsExactly(open.toString());
        // as of an instant before the issue the figures stay what they were: reproducible
        JsonNode earlier = row(finance.get(PATH + "?asOf=" + beforeIssue + "&partnerId=" + partner), "EUR",
                "PAYABLE");
        assertThat(amount(earlier)).isEqualByComparingTo("14.500000");
        assertThat(earlier.path("periods").get(0).path("statementIssuedAt").isNull()).isFalse();

        TestHttp.Response csv = finance.header("Accept", "text/csv")
                .get(PATH + "?asOf=" + afterIssue + "&partnerId=" + partner + "&currency=EUR");
        assertThat(csv.status()).as(csv.body()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.header("X-Total-Count")).isEqualTo("2");
        assertThat(csv.body().split("\r\n")).containsExactly(AccrualReport.CSV_HEADER,
                String.join(",", afterIssue.toString(), partner, "EUR", "PAYABLE", "0.999999", "1", "1", "0",
                        open.toString()),
                String.join(",", afterIssue.toString(), partner, "EUR", "RECEIVABLE", "4.100001", "1", "1", "0",
                        open.toString()));
    }

    @Test
    void isForFinancePlatformAdminsAndAuditorsOnlyAndRefusesBadParameters() {
        String partner = fixtures.partner();
        String asOf = "?asOf=2026-11-30T23:59:59Z";
        assertThat(TestHttp.localPort(port).as(TestJwt.staff("aud", Roles.AUDITOR)).get(PATH + asOf).status())
                .isEqualTo(200);
        assertThat(TestHttp.localPort(port).as(TestJwt.staff("pat", Roles.PLATFORM_ADMIN)).get(PATH + asOf)
                .status()).isEqualTo(200);
        for (String role : new String[] {Roles.PARTNER_ADMIN, Roles.PARTNER_USER}) {
            TestHttp own = TestHttp.localPort(port).as(TestJwt.partner("pia", partner, role));
            assertThat(own.get(PATH + asOf + "&partnerId=" + partner).status()).as(role).isEqualTo(403);
        }
        assertThat(TestHttp.localPort(port).as(TestJwt.staff("otto", Roles.OPS)).get(PATH + asOf).status())
                .isEqualTo(403);

        TestHttp finance = TestHttp.localPort(port).as(TestJwt.staff("fiona", Roles.FINANCE));
        String[][] refusals = {{"", "asOf"}, {"?asOf=2026-13-01T00:00:00Z", "asOf"}, {"?asOf=yesterday", "asOf"},
                {"?asOf=2026-11-30", "asOf"}, {asOf + "&partnerId=abc", "partnerId"},
                {asOf + "&currency=eur", "currency"}, {asOf + "&limit=0", "limit"}, {asOf + "&offset=-1", "offset"}};
        for (String[] bad : refusals) {
            TestHttp.Response refused = finance.get(PATH + bad[0]);
            assertThat(refused.status()).as(bad[0]).isEqualTo(400);
            assertThat(refused.contentType()).as(bad[0]).startsWith("application/problem+json");
            assertThat(refused.json().get("violations").valueStream().map(v -> v.get("field").asString()))
                    .as(bad[0]).containsExactly(bad[1]);
        }
    }

    @Test
    void apiDocsDescribeTheAccrualsAndTheirCsv() {
        JsonNode docs = TestHttp.localPort(port).get("/v3/api-docs").json();
        JsonNode get = docs.path("paths").path(PATH).path("get");
        assertThat(get.path("parameters").valueStream().map(parameter -> parameter.path("name").asString()))
                .contains("asOf", "partnerId", "currency", "offset", "limit");
        assertThat(get.path("responses").path("200").path("content").has("text/csv")).isTrue();
        JsonNode accrual = docs.path("components").path("schemas").path("SettlementAccrual").path("properties");
        assertThat(accrual.path("direction").path("enum").valueStream().map(JsonNode::asString))
                .containsExactly("PAYABLE", "RECEIVABLE");
        assertThat(accrual.path("periods").path("items").path("$ref").asString()).endsWith("/SettlementAccrualPeriod");
    }

    private BigDecimal stored(List<UUID> periodIds, String currency, String direction) {
        return periodIds.stream().flatMap(period -> sums.ofPeriod(period).stream())
                .filter(sum -> sum.currency().equals(currency) && sum.direction().equals(direction))
                .map(UsageSums.Sum::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static JsonNode row(TestHttp.Response response, String currency, String direction) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<JsonNode> rows = response.json().path("accruals").valueStream()
                .filter(row -> row.path("currency").asString().equals(currency)
                        && row.path("direction").asString().equals(direction)).toList();
        assertThat(rows).as(currency + " " + direction).hasSize(1);
        return rows.getFirst();
    }

    private static JsonNode total(TestHttp.Response response, String currency) {
        return response.json().path("totals").valueStream()
                .filter(total -> total.path("currency").asString().equals(currency)).findFirst().orElseThrow();
    }

    private static BigDecimal amount(JsonNode row) {
        return new BigDecimal(row.path("amount").asString());
    }
}
