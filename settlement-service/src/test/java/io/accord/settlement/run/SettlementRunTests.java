package io.accord.settlement.run;

import io.accord.contracts.Roles;
import io.accord.settlement.SettlementFixtures;
import io.accord.settlement.period.PeriodState;
import io.accord.settlement.period.SettlementPeriods;
import io.accord.settlement.statement.Statements;
import io.accord.settlement.usage.UsageSums;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.RatedUsageEvents;
import io.accord.testsupport.TestInfrastructure;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestJwt;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Runs close the ended periods of selected partners into one statement each, resumably and idempotently. */
@AccordServiceTest
class SettlementRunTests {

    private static final String RUNS = "/api/settlement/runs";

    @LocalServerPort
    int port;

    private final SettlementPeriods periods;
    private final Statements statements;
    private final UsageSums sums;
    private final SettlementFixtures fixtures;
    private final Clock clock;
    private final MeterRegistry meters;

    SettlementRunTests(SettlementPeriods periods, Statements statements, UsageSums sums, SettlementFixtures fixtures,
                       Clock clock, MeterRegistry meters) {
        this.meters = meters;
        this.periods = periods;
        this.statements = statements;
        this.sums = sums;
        this.fixtures = fixtures;
        this.clock = clock;
    }

    @Test
    void aRunSettlesSellThroughAndResellPartnersOnceAndResumesAPeriodAnInterruptedRunDrafted() {
        Instant now = clock.instant();
        Instant usage = now.minus(Duration.ofDays(40));
        String sellThrough = fixtures.partnerInForceFrom(now.minus(Duration.ofDays(200)), "MONTHLY");
        String reseller = fixtures.partnerInForceFrom(now.minus(Duration.ofDays(200)), "MONTHLY");
        UUID sellThroughPeriod = periods.periodFor(UUID.fromString(sellThrough), usage).orElseThrow().period().id();
        UUID resellPeriod = periods.periodFor(UUID.fromString(reseller), usage).orElseThrow().period().id();
        RatedUsageEvents.send(
                RatedUsageEvents.rated("off-video", usage).charge("12.345").share(sellThrough, "70").build(),
                RatedUsageEvents.rated("off-data", usage).usageType("DATA").allocation("RESELL").charge("3.3333")
                        .wholesale(reseller).build());
        await().atMost(Duration.ofSeconds(30)).until(() -> sums.ofPeriod(sellThroughPeriod).size() == 1
                && sums.ofPeriod(resellPeriod).size() == 1);
        // an earlier run drafted the reseller's statement and crashed before closing the period
        periods.startClosing(resellPeriod);
        UUID draftedBeforeCrash = statements.draft(UUID.fromString(reseller), resellPeriod, "fiona").id();
        TestHttp finance = TestHttp.localPort(port).as(TestJwt.staff("fiona", Roles.FINANCE));

        TestHttp.Response started = finance.post(RUNS, """
                {"partnerIds": ["%s", "%s"]}""".formatted(sellThrough, reseller));

        assertThat(started.status()).isEqualTo(202);
        String location = started.header("Location");
        JsonNode run = awaitFinished(finance, location);
        assertThat(run.get("state").asString()).isEqualTo("COMPLETED");
        assertThat(run.get("done").asInt()).isEqualTo(run.get("total").asInt()).isPositive();
        Statements.View payable = statements.ofPeriod(UUID.fromString(sellThrough), sellThroughPeriod).orElseThrow();
        // the run is listed, and its items name the statements it drafted
        assertThat(finance.get(RUNS + "?limit=500").json()).extracting(listed -> listed.get("id").asString())
                .contains(run.get("id").asString());
        TestHttp.Response items = finance.get(location + "/items");
        assertThat(items.header("X-Total-Count")).isEqualTo(String.valueOf(run.get("total").asInt()));
        JsonNode item = java.util.stream.StreamSupport.stream(items.json().spliterator(), false)
                .filter(candidate -> candidate.get("periodId").asString().equals(sellThroughPeriod.toString()))
                .findFirst().orElseThrow();
        assertThat(item.get("status").asString()).isEqualTo("DONE");
        assertThat(item.get("partnerId").asString()).isEqualTo(sellThrough);
        assertThat(item.get("periodStart").isNull()).isFalse();
        assertThat(item.get("statement").get("id").asString()).isEqualTo(payable.id().toString());
        assertThat(item.get("statement").get("state").asString()).isEqualTo("DRAFT");
        assertThat(item.get("statement").get("totalAmount").decimalValue()).isEqualByComparingTo(payable.totalAmount());
        assertThat(payable.direction()).isEqualTo("PAYABLE");
        assertThat(payable.netAmount()).isEqualByComparingTo("8.64"); // 8.6415
        assertThat(payable.preparedBy()).isEqualTo("fiona");
        Statements.View receivable = statements.ofPeriod(UUID.fromString(reseller), resellPeriod).orElseThrow();
        assertThat(receivable.id()).isEqualTo(draftedBeforeCrash);
        assertThat(receivable.direction()).isEqualTo("RECEIVABLE");
        assertThat(receivable.netAmount()).isEqualByComparingTo("-3.33");
        assertThat(periods.ofPartner(UUID.fromString(sellThrough)).stream()
                .filter(period -> period.id().equals(sellThroughPeriod)).findFirst().orElseThrow().state())
                .isEqualTo(PeriodState.CLOSED);

        JsonNode again = awaitFinished(finance, finance.post(RUNS, """
                {"partnerIds": ["%s", "%s"]}""".formatted(sellThrough, reseller)).header("Location"));

        assertThat(again.get("total").asInt()).isZero();
        assertThat(statements.ofPeriod(UUID.fromString(sellThrough), sellThroughPeriod).orElseThrow().id())
                .isEqualTo(payable.id());
        // the start is audited (who, which partners, which periods), and the run's drafts are fiona's, not system's
        TestHttp auditor = TestHttp.localPort(port).as(TestJwt.staff("audrey", Roles.AUDITOR));
        JsonNode start = auditor.get("/api/settlement/audit?resourceType=SettlementRun&resourceId="
                + run.get("id").asString()).json();
        assertThat(start).singleElement().satisfies(entry -> {
            assertThat(entry.path("action").asString()).isEqualTo("started");
            assertThat(entry.path("actor").asString()).isEqualTo("fiona");
            assertThat(entry.path("after").path("requestedBy").asString()).isEqualTo("fiona");
            assertThat(entry.path("after").path("partnerIds").valueStream().map(JsonNode::asString))
                    .containsExactly(sellThrough, reseller);
            assertThat(entry.path("after").path("periods").valueStream()
                    .map(period -> period.path("periodId").asString()))
                    .hasSize(run.get("total").asInt())
                    .contains(sellThroughPeriod.toString(), resellPeriod.toString());
            assertThat(entry.path("after").path("periods").valueStream()
                    .filter(period -> period.path("periodId").asString().equals(sellThroughPeriod.toString()))
                    .map(period -> period.path("periodEnd").asString()))
                    .singleElement().isNotNull().isNotEqualTo("");
        });
        JsonNode drafted = auditor.get("/api/settlement/audit?resourceType=SettlementStatement&action=drafted"
                + "&actor=fiona&resourceId=" + payable.id()).json();
        // ... under her id too (the token's sub; the worker thread has none of its own), as her own requests are
        String fionasId = start.get(0).path("actorId").asString();
        assertThat(fionasId).isEqualTo(UUID.nameUUIDFromBytes("fiona".getBytes()).toString());
        assertThat(drafted).singleElement().satisfies(entry -> {
            assertThat(entry.path("actor").asString()).isEqualTo("fiona");
            assertThat(entry.path("actorId").asString()).isEqualTo(fionasId);
        });
    }

    @Test
    void aPeriodMissingSeveralRatesNamesEveryCurrencyAndTheLinesNeedingItAtOnce() {
        Instant usage = clock.instant().minus(Duration.ofDays(40));
        String partner = fixtures.partnerInForceFrom(clock.instant().minus(Duration.ofDays(200)), "MONTHLY");
        UUID period = periods.periodFor(UUID.fromString(partner), usage).orElseThrow().period().id();
        RatedUsageEvents.send(
                RatedUsageEvents.rated("off-gold", usage).currency("XAU").charge("2").share(partner, "50").build(),
                RatedUsageEvents.rated("off-palladium", usage).usageType("DATA").currency("XPD").charge("3")
                        .share(partner, "50").build(),
                RatedUsageEvents.rated("off-euro", usage).charge("3").share(partner, "50").build());
        await().atMost(Duration.ofSeconds(30)).until(() -> sums.ofPeriod(period).size() == 3);
        periods.startClosing(period);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> statements.draft(UUID.fromString(partner), period,
                        "fiona"))
                .isInstanceOf(io.accord.platform.problem.ConflictException.class)
                .hasMessageContaining("2 currencies")
                .hasMessageContaining("XAU→EUR (for Revenue share: off-gold × VOICE)")
                .hasMessageContaining("XPD→EUR (for Revenue share: off-palladium × DATA)")
                .hasMessageNotContaining("off-euro");
    }

    @Test
    void aPeriodTheDatabaseRefusesFailsItsItemWithTheKindOfErrorOnlyAndTheOthersAreSettled() {
        Instant usage = clock.instant().minus(Duration.ofDays(40));
        String refused = fixtures.partnerInForceFrom(clock.instant().minus(Duration.ofDays(200)), "MONTHLY");
        String settled = fixtures.partnerInForceFrom(clock.instant().minus(Duration.ofDays(200)), "MONTHLY");
        UUID refusedPeriod = periods.periodFor(UUID.fromString(refused), usage).orElseThrow().period().id();
        UUID settledPeriod = periods.periodFor(UUID.fromString(settled), usage).orElseThrow().period().id();
        RatedUsageEvents.send(
                RatedUsageEvents.rated("off-video", usage).charge("10").share(refused, "70").build(),
                RatedUsageEvents.rated("off-video", usage).charge("10").share(settled, "70").build());
        await().atMost(Duration.ofSeconds(30)).until(() -> sums.ofPeriod(refusedPeriod).size() == 1
                && sums.ofPeriod(settledPeriod).size() == 1);
        // the database refuses this partner's statement (a column's limit, say): simulated by a trigger
        TestInfrastructure.RefusedRows refusal = TestInfrastructure.refuseRows("test_settlement", "statement",
                "new.partner_id = '%s'".formatted(refused), "22001");
        TestHttp finance = TestHttp.localPort(port).as(TestJwt.staff("fiona", Roles.FINANCE));
        double failedBefore = itemsFailed();
        JsonNode run;
        String location;
        try {
            location = finance.post(RUNS, """
                    {"partnerIds": ["%s", "%s"]}""".formatted(refused, settled)).header("Location");
            run = awaitFinished(finance, location);
        } finally {
            refusal.close();
        }

        assertThat(run.get("state").asString()).isEqualTo("FAILED");
        JsonNode items = finance.get(location + "/items").json();
        JsonNode failed = java.util.stream.StreamSupport.stream(items.spliterator(), false)
                .filter(item -> item.get("periodId").asString().equals(refusedPeriod.toString()))
                .findFirst().orElseThrow();
        assertThat(failed.get("status").asString()).isEqualTo("FAILED");
        // its kind only: the database's message names our tables and quotes the row (it is in the log)
        assertThat(failed.get("error").asString())
                .isEqualTo("database error, SQL state 22001 (details in the settlement service's log under this job's id)");
        assertThat(statements.ofPeriod(UUID.fromString(settled), settledPeriod)).isPresent();
        // each failed period counted once (the refused partner has more than one ended period)
        assertThat(run.get("failed").asInt()).isPositive();
        assertThat(itemsFailed()).isEqualTo(failedBefore + run.get("failed").asInt());
        assertThat(TestHttp.localPort(port).get("/actuator/prometheus").body())
                .contains("accord_settlement_run_items_failed_total");

        // ops find the failed runs: filtered by state, this one among them and only FAILED ones
        TestHttp.Response failedRuns = finance.get(RUNS + "?state=FAILED&limit=500");
        assertThat(failedRuns.status()).as(failedRuns.toString()).isEqualTo(200);
        assertThat(failedRuns.json().valueStream().map(found -> found.get("state").asString())).containsOnly("FAILED");
        assertThat(failedRuns.json().valueStream().map(found -> found.get("id").asString()))
                .contains(run.get("id").asString());
        assertThat(finance.get(RUNS + "?state=COMPLETED&limit=500").json().valueStream()
                .map(found -> found.get("id").asString())).doesNotContain(run.get("id").asString());
        TestHttp.Response unknown = finance.get(RUNS + "?state=BROKEN");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(unknown.body()).contains("state", "BROKEN", "FAILED");
    }

    private double itemsFailed() {
        return meters.get("accord.settlement.run.items.failed").counter().count();
    }

    @Test
    void onlyFinanceStartsRunsAndAnUnknownRunIsNotFound() {
        TestHttp auditor = TestHttp.localPort(port).as(TestJwt.staff("audrey", Roles.AUDITOR));

        assertThat(auditor.post(RUNS, "{}").status()).isEqualTo(403);
        TestHttp finance = TestHttp.localPort(port).as(TestJwt.staff("fiona", Roles.FINANCE));
        TestHttp.Response nullPartner = finance.post(RUNS, "{\"partnerIds\": [null]}");
        assertThat(nullPartner.status()).as("a run over no period at all was started").isEqualTo(400);
        assertThat(nullPartner.body()).contains("partnerIds");
        assertThat(auditor.get(RUNS + "/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(auditor.get(RUNS + "/" + UUID.randomUUID() + "/items").status()).isEqualTo(404);
        assertThat(auditor.get(RUNS).status()).isEqualTo(200);
        assertThat(TestHttp.localPort(port).as(TestJwt.partner("pia", UUID.randomUUID().toString(),
                Roles.PARTNER_ADMIN)).get(RUNS).status()).isEqualTo(403);
    }

    @Test
    void aRunNamingAPartnerSettlementDoesNotKnowIsA400NamingItAndStartsNothing() {
        String known = fixtures.partnerInForceFrom(clock.instant().minus(Duration.ofDays(200)), "MONTHLY");
        String unknown = "99999999-9999-4999-8999-999999999999";
        String requester = "fiona-" + UUID.randomUUID();
        TestHttp finance = TestHttp.localPort(port).as(TestJwt.staff(requester, Roles.FINANCE));

        TestHttp.Response refused = finance.post(RUNS, """
                {"partnerIds": ["%s", "%s"]}""".formatted(known, unknown));

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().path("violations").get(0).path("field").asString()).isEqualTo("partnerIds[1]");
        assertThat(refused.json().path("detail").asString()).contains(unknown, "not known to settlement");
        assertThat(refused.header("Location")).isNull();
        assertThat(finance.get(RUNS + "?limit=500").json()).extracting(run -> run.get("requestedBy").asString())
                .doesNotContain(requester);
    }

    private static JsonNode awaitFinished(TestHttp finance, String location) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> finance.get(location).json(),
                run -> !"RUNNING".equals(run.get("state").asString()));
    }
}
