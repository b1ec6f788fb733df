package io.accord.settlement.statement;

import io.accord.contracts.Roles;
import io.accord.settlement.SettlementFixtures;
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

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A self-billed statement is never approved or issued without the partner's tax id: a warning while it is unknown,
 * 409 on approval, and the step succeeds once onboarding's PartnerTaxIdChanged arrived.
 */
@AccordServiceTest
class SelfBilledTaxIdTests {

    @LocalServerPort
    int port;

    private final Statements statements;
    private final SettlementPeriods periods;
    private final UsageSums sums;
    private final SettlementFixtures fixtures;
    private final PartnerTerms partners;
    private final Clock clock;

    SelfBilledTaxIdTests(Statements statements, SettlementPeriods periods, UsageSums sums,
                         SettlementFixtures fixtures, PartnerTerms partners, Clock clock) {
        this.statements = statements;
        this.periods = periods;
        this.sums = sums;
        this.fixtures = fixtures;
        this.partners = partners;
        this.clock = clock;
    }

    @Test
    void refusesToApproveARevenueShareStatementWithoutTheTaxIdUntilOnboardingSendsIt() {
        Instant now = clock.instant();
        String partner = fixtures.partnerWithoutTaxIdInForceFrom(now.minus(Duration.ofDays(200)), "MONTHLY");
        UUID partnerId = UUID.fromString(partner);
        Instant usage = now.minus(Duration.ofDays(40));
        UUID period = periods.periodFor(partnerId, usage).orElseThrow().period().id();
        RatedUsageEvents.send(RatedUsageEvents.rated("off-video", usage).charge("20.00").share(partner, "50").build());
        await().atMost(Duration.ofSeconds(30)).until(() -> sums.ofPeriod(period).size() == 1);
        periods.startClosing(period);
        Statements.View drafted = statements.draft(partnerId, period, "finance");
        assertThat(drafted.documentType()).isEqualTo("REVENUE_SHARE_STATEMENT");

        TestHttp approver = TestHttp.localPort(port).as(TestJwt.staff("finance-b", Roles.FINANCE));
        String path = "/api/settlement/statements/" + drafted.id();
        JsonNode warning = approver.get(path).json().path("warnings").get(0);
        assertThat(warning.path("code").asString()).isEqualTo("PARTNER_TAX_ID_MISSING");
        assertThat(warning.path("message").asString()).contains("tax id", partner,
                "PATCH /tmf-api/party/v4/organization/" + partner);

        TestHttp.Response refused = approver.post(path + "/approval", "");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.header("Content-Type")).contains("application/problem+json");
        assertThat(refused.json().path("detail").asString()).contains("tax id", "self-billed", partner,
                "organizationIdentification", "nothing was changed");
        Statements.View unchanged = statements.find(drafted.id()).orElseThrow();
        assertThat(unchanged.state()).isEqualTo("DRAFT");
        assertThat(unchanged.approvedBy()).isNull();

        SettlementFixtures.taxIdChanged(partner, "DE136695976", 7L);
        await().atMost(Duration.ofSeconds(30)).until(() -> partners.legalData(partnerId)
                .map(PartnerTerms.LegalData::taxId).isPresent());

        assertThat(approver.get(path).json().path("warnings")).isEmpty();
        TestHttp.Response approved = approver.post(path + "/approval", "");
        assertThat(approved.status()).isEqualTo(200);
        assertThat(approved.json().path("state").asString()).isEqualTo("APPROVED");
        TestHttp.Response issued = approver.post(path + "/issue", "");
        assertThat(issued.status()).isEqualTo(200);
        assertThat(issued.json().path("state").asString()).isEqualTo("ISSUED");
    }

    @Test
    void aWholesaleInvoiceNeedsNoTaxIdOfThePartner() {
        Instant now = clock.instant();
        String partner = fixtures.partnerWithoutTaxIdInForceFrom(now.minus(Duration.ofDays(200)), "MONTHLY");
        UUID partnerId = UUID.fromString(partner);
        Instant usage = now.minus(Duration.ofDays(40));
        UUID period = periods.periodFor(partnerId, usage).orElseThrow().period().id();
        RatedUsageEvents.send(RatedUsageEvents.rated("off-data", usage).usageType("DATA").allocation("RESELL")
                .charge("20.00").wholesale(partner).build());
        await().atMost(Duration.ofSeconds(30)).until(() -> sums.ofPeriod(period).size() == 1);
        periods.startClosing(period);
        Statements.View drafted = statements.draft(partnerId, period, "finance");

        assertThat(drafted.documentType()).isEqualTo("WHOLESALE_INVOICE");
        assertThat(drafted.warnings()).isEmpty();
        assertThat(statements.issue(statements.approve(drafted.id(), "finance-b").id()).state()).isEqualTo("ISSUED");
    }
}
