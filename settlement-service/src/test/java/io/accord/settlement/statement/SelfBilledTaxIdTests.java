package io.accord.settlement.statement;

import io.accord.contracts.Roles;
import io.accord.settlement.SettlementFixtures;
import io.accord.settlement.StatementFixtures;
import io.accord.settlement.partner.PartnerTerms;
import io.accord.settlement.period.SettlementPeriods;
import io.accord.settlement.usage.UsageSums;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.RatedUsageEvents;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestJwt;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A self-billed statement is never approved or issued without the partner's tax id: a warning while it is unknown,
 * 409 on approval, and the step succeeds once onboarding's PartnerTaxIdChanged arrived. A credit or debit note on a
 * self-billed statement is a self-billed document too, held to the same rule.
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
    private final JdbcClient jdbc;
    private final StatementFixtures statementFixtures;

    SelfBilledTaxIdTests(StatementFixtures statementFixtures, Statements statements, SettlementPeriods periods,
                         UsageSums sums, SettlementFixtures fixtures, PartnerTerms partners, Clock clock,
                         JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.statementFixtures = statementFixtures;
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
        // a note on our own invoice is ours too
        String note = note(drafted.id(), "CREDIT_NOTE");
        assertThat(staff("finance-b").post(NOTES + note + "/approval", "").status()).isEqualTo(200);
        assertThat(staff("finance").post(NOTES + note + "/issue", "").json().path("state").asString())
                .isEqualTo("ISSUED");
    }

    @Test
    void refusesToApproveOrIssueANoteOnASelfBilledStatementWhileThePartnersTaxIdIsUnknown() {
        String partner = statementFixtures.partner();
        UUID partnerId = UUID.fromString(partner);
        Statements.View issued = statementFixtures.issued(partner, "20.00");
        assertThat(issued.documentType()).isEqualTo("REVENUE_SHARE_STATEMENT");
        String credit = note(issued.id(), "CREDIT_NOTE");
        String debit = note(issued.id(), "DEBIT_NOTE");
        TestHttp approver = staff("finance-b");
        assertThat(approver.post(NOTES + debit + "/approval", "").status()).isEqualTo(200);
        // settlement does not know the partner's tax id, as for a partner known before it kept tax ids (data of then)
        jdbc.sql("update partner_legal_view set tax_id = null, tax_sequence = null where partner_id = :partner")
                .param("partner", partnerId).update();

        TestHttp.Response refused = approver.post(NOTES + credit + "/approval", "");
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.header("Content-Type")).contains("application/problem+json");
        assertThat(refused.json().path("detail").asString()).contains("approve credit note " + credit,
                issued.id().toString(), "self-billed", "tax id", partner, "organizationIdentification",
                "nothing was changed");
        JsonNode unapproved = approver.get(NOTES + credit).json();
        assertThat(unapproved.path("state").asString()).isEqualTo("DRAFT");
        assertThat(unapproved.path("approvedBy").isNull()).isTrue();
        TestHttp.Response notIssued = staff("finance").post(NOTES + debit + "/issue", "");
        assertThat(notIssued.status()).as(notIssued.body()).isEqualTo(409);
        assertThat(notIssued.json().path("detail").asString()).contains("issue debit note " + debit, "self-billed",
                "tax id", partner, "nothing was changed");
        JsonNode unissued = approver.get(NOTES + debit).json();
        assertThat(unissued.path("state").asString()).isEqualTo("APPROVED");
        assertThat(unissued.path("documentNumber").isNull()).isTrue();

        SettlementFixtures.taxIdChanged(partner, "DE136695976", 9L);
        await().atMost(Duration.ofSeconds(30)).until(() -> partners.legalData(partnerId)
                .map(PartnerTerms.LegalData::taxId).isPresent());

        assertThat(approver.post(NOTES + credit + "/approval", "").json().path("state").asString())
                .isEqualTo("APPROVED");
        TestHttp.Response issuedNote = staff("finance").post(NOTES + debit + "/issue", "");
        assertThat(issuedNote.status()).as(issuedNote.body()).isEqualTo(200);
        assertThat(issuedNote.json().path("state").asString()).isEqualTo("ISSUED");
    }

    private static final String NOTES = "/api/settlement/notes/";

    /** A note of {@code type} drafted by finance on the issued statement, its id. */
    private String note(UUID statementId, String type) {
        TestHttp.Response drafted = staff("finance").post("/api/settlement/statements/" + statementId + "/notes", """
                {"type": "%s", "reason": "S66 correction", "lines": [{"label": "Correction", "amount": "1.00"}]}
                """.formatted(type));
        assertThat(drafted.status()).as(drafted.body()).isEqualTo(201);
        return drafted.json().path("id").asString();
    }

    private TestHttp staff(String user) {
        return TestHttp.localPort(port).as(TestJwt.staff(user, Roles.FINANCE));
    }
}
