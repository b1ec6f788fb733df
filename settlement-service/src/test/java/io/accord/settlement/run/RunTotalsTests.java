package io.accord.settlement.run;

import io.accord.contracts.Roles;
import io.accord.settlement.SettlementFixtures;
import io.accord.settlement.period.SettlementPeriods;
import io.accord.settlement.statement.Statements;
import io.accord.settlement.usage.UsageSums;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.RatedUsageEvents;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestJwt;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A run's totals per currency and per partner (exact sums of its statements' own figures, by direction, discarded ones
 * apart) and its items as CSV; before, neither existed (totals) or answered 406 (CSV).
 */
@AccordServiceTest
class RunTotalsTests {

    private static final String RUNS = "/api/settlement/runs";

    @LocalServerPort
    int port;

    private final SettlementPeriods periods;
    private final Statements statements;
    private final UsageSums sums;
    private final SettlementFixtures fixtures;
    private final Clock clock;
    private final JdbcClient jdbc;

    RunTotalsTests(SettlementPeriods periods, Statements statements, UsageSums sums, SettlementFixtures fixtures,
                   Clock clock, JdbcClient jdbc) {
        this.periods = periods;
        this.statements = statements;
        this.sums = sums;
        this.fixtures = fixtures;
        this.clock = clock;
        this.jdbc = jdbc;
    }

    @Test
    void aRunsTotalsAreTheExactSumsOfItsStatementsByDirectionAndADiscardedOneCountsApart() {
        Instant usage = clock.instant().minus(Duration.ofDays(40));
        String sellThrough = fixtures.partnerInForceFrom(clock.instant().minus(Duration.ofDays(200)), "MONTHLY");
        String reseller = fixtures.partnerInForceFrom(clock.instant().minus(Duration.ofDays(200)), "MONTHLY");
        UUID sellThroughPeriod = periods.periodFor(UUID.fromString(sellThrough), usage).orElseThrow().period().id();
        UUID resellPeriod = periods.periodFor(UUID.fromString(reseller), usage).orElseThrow().period().id();
        RatedUsageEvents.send(
                RatedUsageEvents.rated("off-video", usage).charge("12.345").share(sellThrough, "70").build(),
                RatedUsageEvents.rated("off-music", usage).charge("0.015").share(sellThrough, "70").build(),
                RatedUsageEvents.rated("off-data", usage).usageType("DATA").allocation("RESELL").charge("3.3333")
                        .wholesale(reseller).build());
        await().atMost(Duration.ofSeconds(30)).until(() -> sums.ofPeriod(sellThroughPeriod).size() == 2
                && sums.ofPeriod(resellPeriod).size() == 1);
        TestHttp finance = TestHttp.localPort(port).as(TestJwt.staff("fiona", Roles.FINANCE));
        String location = finance.post(RUNS, """
                {"partnerIds": ["%s", "%s"]}""".formatted(sellThrough, reseller)).header("Location");
        JsonNode run = await().atMost(Duration.ofSeconds(60)).until(() -> finance.get(location).json(),
                done -> !"RUNNING".equals(done.path("state").asString()));
        assertThat(run.path("state").asString()).isEqualTo("COMPLETED");
        List<Statements.View> drafted = new ArrayList<>();
        finance.get(location + "/items?limit=500").json().valueStream().forEach(item -> drafted.add(
                statements.find(UUID.fromString(item.path("statement").path("id").asString())).orElseThrow()));
        List<Statements.View> payable = drafted.stream().filter(s -> s.direction().equals("PAYABLE")).toList();
        List<Statements.View> receivable = drafted.stream().filter(s -> s.direction().equals("RECEIVABLE")).toList();
        assertThat(receivable).isNotEmpty();
        assertThat(payable).anyMatch(statement -> statement.netAmount().signum() > 0);

        JsonNode totals = finance.get(location + "/totals").json();

        assertThat(totals.path("state").asString()).isEqualTo("COMPLETED");
        assertThat(totals.path("currencies")).singleElement().satisfies(eur -> {
            assertThat(eur.path("currency").asString()).isEqualTo("EUR");
            assertThat(eur.path("statementCount").asInt()).isEqualTo(drafted.size());
            assertSums(eur.path("payable"), payable);
            assertSums(eur.path("receivable"), receivable);
            assertSums(eur.path("discarded"), List.of());
        });
        TestHttp.Response firstPartner = finance.get(location + "/totals/partners?limit=1");
        assertThat(firstPartner.header("X-Total-Count")).isEqualTo("2");
        JsonNode partners = finance.get(location + "/totals/partners").json();
        assertThat(partners).extracting(partner -> partner.path("partnerId").asString())
                .containsExactly(sellThrough.compareTo(reseller) < 0 ? new String[]{sellThrough, reseller}
                        : new String[]{reseller, sellThrough});
        assertThat(firstPartner.json().get(0)).isEqualTo(partners.get(0));
        for (JsonNode partner : partners) {
            UUID partnerId = UUID.fromString(partner.path("partnerId").asString());
            assertSums(partner.path("payable"), payable.stream().filter(s -> s.partnerId().equals(partnerId))
                    .toList());
            assertSums(partner.path("receivable"), receivable.stream().filter(s -> s.partnerId().equals(partnerId))
                    .toList());
        }

        // the sell-through partner's latest statement is discarded: it counts apart, in no direction
        Statements.View latest = drafted.stream().filter(s -> s.partnerId().toString().equals(sellThrough))
                .max(Comparator.comparing(Statements.View::periodStart)).orElseThrow();
        statements.discard(latest.id(), "wrong", "fiona");
        JsonNode after = finance.get(location + "/totals").json().path("currencies").get(0);
        assertThat(after.path("statementCount").asInt()).isEqualTo(drafted.size() - 1);
        assertSums(after.path("payable"), payable.stream().filter(s -> !s.id().equals(latest.id())).toList());
        assertSums(after.path("discarded"), List.of(latest));
        assertThat(finance.get(RUNS + "/" + UUID.randomUUID() + "/totals").status()).isEqualTo(404);
        assertThat(TestHttp.localPort(port).as(TestJwt.partner("pia", sellThrough, Roles.PARTNER_ADMIN))
                .get(location + "/totals").status()).isEqualTo(403);
    }

    @Test
    void aRunsItemsExportAsCsvWithTheirStatementsAndAnErrorQuotedAndGuarded() {
        Instant usage = clock.instant().minus(Duration.ofDays(40));
        String partner = fixtures.partnerInForceFrom(clock.instant().minus(Duration.ofDays(200)), "MONTHLY");
        UUID period = periods.periodFor(UUID.fromString(partner), usage).orElseThrow().period().id();
        RatedUsageEvents.send(RatedUsageEvents.rated("off-video", usage).charge("10").share(partner, "70").build());
        await().atMost(Duration.ofSeconds(30)).until(() -> sums.ofPeriod(period).size() == 1);
        TestHttp finance = TestHttp.localPort(port).as(TestJwt.staff("fiona", Roles.FINANCE));
        String location = finance.post(RUNS, """
                {"partnerIds": ["%s"]}""".formatted(partner)).header("Location");
        await().atMost(Duration.ofSeconds(60)).until(() -> finance.get(location).json(),
                done -> !"RUNNING".equals(done.path("state").asString()));
        JsonNode items = finance.get(location + "/items?limit=500").json();
        // an item that failed, as a run records it (its error is our code's message: commas, quotes)
        UUID runId = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
        String error = "-no rate for \"XAU\", load it";
        jdbc.sql("""
                        update settlement_run_item set status = 'FAILED', statement_id = null, error = :error
                        where run_id = :run and period_id = :period""")
                .param("error", error).param("run", runId).param("period", period).update();

        TestHttp.Response csv = finance.header("Accept", "text/csv").get(location + "/items");

        assertThat(csv.status()).as(csv.body()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.header("X-Total-Count")).isEqualTo(String.valueOf(items.size()));
        List<List<String>> rows = io.accord.settlement.statement.StatementCsvParsing.parse(csv.body());
        List<String> header = rows.getFirst();
        assertThat(header.subList(0, 3)).containsExactly("id", "documentNumber", "partnerId");
        assertThat(header.subList(header.size() - 2, header.size())).containsExactly("itemStatus", "itemError");
        assertThat(rows).hasSize(1 + items.size());
        Function<List<String>, String> periodOf = row -> row.get(header.indexOf("periodId"));
        List<String> failed = rows.stream().filter(row -> periodOf.apply(row).equals(period.toString())).findFirst()
                .orElseThrow();
        assertThat(failed.get(header.indexOf("id"))).isEmpty();
        assertThat(failed.get(header.indexOf("periodStart"))).isNotEmpty();
        assertThat(failed.get(header.indexOf("itemStatus"))).isEqualTo("FAILED");
        assertThat(failed.get(header.indexOf("itemError"))).isEqualTo("'" + error);
        assertThat(csv.body()).contains(",\"'-no rate for \"\"XAU\"\", load it\"\r\n");
        for (JsonNode item : items) {
            if (item.path("periodId").asString().equals(period.toString())) {
                continue;
            }
            List<String> row = rows.stream().filter(candidate -> periodOf.apply(candidate)
                    .equals(item.path("periodId").asString())).findFirst().orElseThrow();
            assertThat(row.get(header.indexOf("id"))).isEqualTo(item.path("statement").path("id").asString());
            assertThat(new BigDecimal(row.get(header.indexOf("totalAmount"))))
                    .isEqualByComparingTo(item.path("statement").path("totalAmount").decimalValue());
            assertThat(row.get(header.indexOf("itemStatus"))).isEqualTo("DONE");
        }
        assertThat(finance.header("Accept", "text/csv").get(location + "/items?limit=10001").status())
                .isEqualTo(400);
    }

    /** The totals' count and sums are exactly those of the statements' own figures. */
    private static void assertSums(JsonNode sums, List<Statements.View> of) {
        assertThat(sums.path("statementCount").asInt()).as(sums.toString()).isEqualTo(of.size());
        assertThat(sums.path("netAmount").decimalValue()).as(sums.toString())
                .isEqualByComparingTo(sum(of, Statements.View::netAmount));
        assertThat(sums.path("taxAmount").decimalValue()).as(sums.toString())
                .isEqualByComparingTo(sum(of, Statements.View::taxAmount));
        assertThat(sums.path("totalAmount").decimalValue()).as(sums.toString())
                .isEqualByComparingTo(sum(of, Statements.View::totalAmount));
    }

    private static BigDecimal sum(List<Statements.View> statements, Function<Statements.View, BigDecimal> figure) {
        return statements.stream().map(figure).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
