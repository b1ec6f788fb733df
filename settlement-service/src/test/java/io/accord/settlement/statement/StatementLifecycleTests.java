package io.accord.settlement.statement;

import io.accord.contracts.Roles;
import io.accord.contracts.Topics;
import io.accord.platform.problem.ConflictException;
import io.accord.settlement.SettlementFixtures;
import io.accord.settlement.period.SettlementPeriods;
import io.accord.settlement.usage.UsageSums;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.RatedUsageEvents;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestJwt;
import io.accord.testsupport.TestKafka;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** A period's usage drafted once into a statement, approved four-eyes, issued with a gap-free number. */
@AccordServiceTest
class StatementLifecycleTests {

    @LocalServerPort
    int port;

    private final Statements statements;
    private final SettlementPeriods periods;
    private final UsageSums sums;
    private final SettlementFixtures fixtures;
    private final Clock clock;

    StatementLifecycleTests(Statements statements, SettlementPeriods periods, UsageSums sums,
                            SettlementFixtures fixtures, Clock clock) {
        this.statements = statements;
        this.periods = periods;
        this.sums = sums;
        this.fixtures = fixtures;
        this.clock = clock;
    }

    @Test
    void draftsOneStatementPerPartnerAndPeriodThenApprovesFourEyesAndIssuesWithANumber() {
        Instant now = clock.instant();
        String partner = fixtures.partnerInForceFrom(now.minus(Duration.ofDays(200)), "MONTHLY");
        UUID partnerId = UUID.fromString(partner);
        Instant usage = now.minus(Duration.ofDays(40));
        UUID period = periods.periodFor(partnerId, usage).orElseThrow().period().id();
        RatedUsageEvents.send(
                RatedUsageEvents.rated("off-video", usage).charge("10.015").share(partner, "50").build(),
                RatedUsageEvents.rated("off-video", usage).usageType("SMS").charge("0.50").share(partner, "70").build(),
                RatedUsageEvents.rated("off-data", usage).usageType("DATA").allocation("RESELL").charge("1.00")
                        .wholesale(partner).build());
        await().atMost(Duration.ofSeconds(30)).until(() -> sums.ofPeriod(period).size() == 3);
        periods.startClosing(period);

        Statements.View drafted = statements.draft(partnerId, period, "finance");
        Statements.View again = statements.draft(partnerId, period, "finance-b");

        assertThat(again.id()).isEqualTo(drafted.id());
        assertThat(drafted.state()).isEqualTo("DRAFT");
        assertThat(drafted.lines()).hasSize(3);
        // 5.0075 → 5.01, 0.35, −1.00: net 4.36; 19 % tax 0.83; total 5.19
        assertThat(drafted.netAmount()).isEqualByComparingTo("4.36");
        assertThat(drafted.taxAmount()).isEqualByComparingTo("0.83");
        assertThat(drafted.totalAmount()).isEqualByComparingTo("5.19");
        assertThat(drafted.roundingDifference()).isEqualByComparingTo("0.0025");
        assertThat(drafted.lines().stream().map(Statements.Line::rounded).reduce(java.math.BigDecimal::add)
                .orElseThrow()).isEqualByComparingTo(drafted.netAmount());

        TestHttp preparer = TestHttp.localPort(port).as(TestJwt.staff("finance", Roles.FINANCE));
        TestHttp second = TestHttp.localPort(port).as(TestJwt.staff("finance-b", Roles.FINANCE));
        String path = "/api/settlement/statements/" + drafted.id();
        TestHttp.Response refused = preparer.post(path + "/approval", "");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body()).contains("four-eyes");
        assertThat(statements.find(drafted.id()).orElseThrow().state()).isEqualTo("DRAFT");
        assertThat(second.post(path + "/issue", "").status()).isEqualTo(409);
        assertThat(second.post(path + "/approval", "").json().get("approvedBy").asString()).isEqualTo("finance-b");
        TestHttp.Response issuing = preparer.post(path + "/issue", "");
        assertThat(issuing.status()).isEqualTo(200);
        Statements.View issued = statements.find(drafted.id()).orElseThrow();

        assertThat(issued.state()).isEqualTo("ISSUED");
        assertThat(issuing.json().get("documentNumber").asString()).isEqualTo(issued.documentNumber());
        assertThat(issued.documentNumber()).matches("ACD-\\d{4}-\\d{6}");
        TestHttp other = TestHttp.localPort(port).as(TestJwt.partner("pat", UUID.randomUUID().toString(),
                Roles.PARTNER_USER));
        assertThat(other.get(path).status()).isEqualTo(404);
        TestHttp own = TestHttp.localPort(port).as(TestJwt.partner("pia", partner, Roles.PARTNER_USER));
        assertThat(own.get(path).json().get("documentNumber").asString()).isEqualTo(issued.documentNumber());
        // each line as disputes, TMF678 and StatementIssued name it (<statement id>-<n>), with its number
        tools.jackson.databind.JsonNode lines = own.get(path).json().get("lines");
        assertThat(lines.valueStream().map(line -> line.path("id").asString()))
                .containsExactly(drafted.id() + "-1", drafted.id() + "-2", drafted.id() + "-3");
        assertThat(lines.valueStream().map(line -> line.path("lineNumber").asInt())).containsExactly(1, 2, 3);
        assertThat(preparer.get("/api/settlement/statements?partnerId=" + partner).json().get(0).path("lines")
                .get(2).path("id").asString()).isEqualTo(drafted.id() + "-3");
        assertThatThrownBy(() -> statements.issue(drafted.id())).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> statements.approve(drafted.id(), "finance-b"))
                .isInstanceOf(ConflictException.class);
        assertThat(statements.find(drafted.id()).orElseThrow().documentNumber()).isEqualTo(issued.documentNumber());
        TestKafka.awaitRecords(Topics.SETTLEMENT_EVENTS,
                record -> drafted.id().toString().equals(record.key())
                        && "StatementIssued".equals(TestKafka.header(record, "ce_type"))
                        && TestKafka.value(record).contains(issued.documentNumber()), 1, Duration.ofSeconds(30));
    }

    @Test
    void draftingApprovingAndIssuingAreAuditedWithTheStateBeforeAndAfterAndTheNumber() {
        Instant now = clock.instant();
        String partner = fixtures.partnerInForceFrom(now.minus(Duration.ofDays(200)), "MONTHLY");
        UUID partnerId = UUID.fromString(partner);
        Instant usage = now.minus(Duration.ofDays(40));
        UUID period = periods.periodFor(partnerId, usage).orElseThrow().period().id();
        RatedUsageEvents.send(RatedUsageEvents.rated("off-video", usage).charge("20.00").share(partner, "50").build());
        await().atMost(Duration.ofSeconds(30)).until(() -> sums.ofPeriod(period).size() == 1);
        periods.startClosing(period);
        Statements.View drafted = statements.draft(partnerId, period, "finance");
        statements.draft(partnerId, period, "finance"); // returns the same statement: nothing new to audit
        String path = "/api/settlement/statements/" + drafted.id();
        assertThat(TestHttp.localPort(port).as(TestJwt.staff("finance-b", Roles.FINANCE)).post(path + "/approval", "")
                .status()).isEqualTo(200);
        TestHttp.Response issuing = TestHttp.localPort(port).as(TestJwt.staff("finance", Roles.FINANCE))
                .post(path + "/issue", "");
        assertThat(issuing.status()).isEqualTo(200);

        tools.jackson.databind.JsonNode trail = TestHttp.localPort(port).as(TestJwt.staff("audrey", Roles.AUDITOR))
                .get("/api/settlement/audit?resourceType=SettlementStatement&resourceId=" + drafted.id()).json();

        assertThat(trail).extracting(entry -> entry.path("action").asString())
                .containsExactly("issued", "approved", "drafted");
        tools.jackson.databind.JsonNode issued = trail.get(0);
        assertThat(issued.path("actor").asString()).isEqualTo("finance");
        assertThat(issued.path("partnerId").asString()).isEqualTo(partner);
        assertThat(issued.path("before").path("state").asString()).isEqualTo("APPROVED");
        assertThat(issued.path("after").path("state").asString()).isEqualTo("ISSUED");
        assertThat(issued.path("after").path("documentNumber").asString())
                .isEqualTo(issuing.json().path("documentNumber").asString());
        assertThat(issued.path("after").path("issuingEntityId").asString()).isEqualTo("accord-de");
        tools.jackson.databind.JsonNode approved = trail.get(1);
        assertThat(approved.path("actor").asString()).isEqualTo("finance-b");
        assertThat(approved.path("before").path("state").asString()).isEqualTo("DRAFT");
        assertThat(approved.path("after").path("approvedBy").asString()).isEqualTo("finance-b");
        tools.jackson.databind.JsonNode draftedEntry = trail.get(2);
        assertThat(draftedEntry.path("before").isNull()).isTrue();
        assertThat(draftedEntry.path("after").path("state").asString()).isEqualTo("DRAFT");
        assertThat(draftedEntry.path("after").path("preparedBy").asString()).isEqualTo("finance");
        assertThat(draftedEntry.path("after").path("totalAmount").decimalValue()).isEqualByComparingTo("11.90");
    }
}
