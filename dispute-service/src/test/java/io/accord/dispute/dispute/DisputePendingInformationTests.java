package io.accord.dispute.dispute;

import io.accord.contracts.Roles;
import io.accord.dispute.SettlementFixtures;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestJwt;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Staff ask the partner for information formally: the dispute awaits the partner (pendingInformation) with the
 * resolution deadline paused, and the partner's answer takes it back into review. Staff could only comment and wait,
 * with the clock running against them.
 */
@AccordServiceTest
class DisputePendingInformationTests {

    private static final String QUESTION = "{\"question\": \"Please send the CDR extract for 12-14 March.\"}";

    @LocalServerPort
    int port;
    private final SettlementFixtures settlement;
    private final DisputeTimers timers;
    private final JdbcClient jdbc;

    DisputePendingInformationTests(SettlementFixtures settlement, DisputeTimers timers, JdbcClient jdbc) {
        this.settlement = settlement;
        this.timers = timers;
        this.jdbc = jdbc;
    }

    @Test
    void staffAskThePartnerAnswersAndTheDisputeIsBackInReviewWithItsDeadlineMovedOn() {
        Disputing as = new Disputing(port);
        String id = as.open(settlement.issue(as.partnerId, "100.00", Instant.now()), "5");
        TestHttp.Response early = as.step(as.finance, id, "information-request", QUESTION);
        assertThat(early.status()).as("only a dispute in review or escalated").isEqualTo(409);
        as.step(as.finance, id, "review", null);
        assertThat(as.step(as.finance, id, "information-request", "{}").status()).isEqualTo(400);
        assertThat(as.step(as.partner, id, "information-request", QUESTION).status()).isEqualTo(403);

        TestHttp.Response asked = as.step(as.finance, id, "information-request", QUESTION);
        assertThat(asked.status()).as(asked.body()).isEqualTo(200);
        assertThat(asked.json().path("status").asString()).isEqualTo("pendingInformation");
        assertThat(asked.json().path("sla").path("resolutionPausedAt").asString()).isNotBlank();
        JsonNode partnerView = as.partner.get(Disputing.TICKETS + "/" + id).json();
        assertThat(partnerView.path("statusChangeReason").asString()).isEqualTo(
                "Please send the CDR extract for 12-14 March.");
        assertThat(partnerView.path("statusChangeHistory").get(2).path("changedBy").asString()).isEqualTo("Accord");
        assertThat(statusEvents(id, "PENDING_INFORMATION")).isEqualTo(1);
        // it counts as open, is listed by its status, and waits for the partner: no proposal meanwhile
        assertThat(as.partner.get(Disputing.API + "/kpis").json().path("open").asInt()).isEqualTo(1);
        assertThat(as.finance.get(Disputing.TICKETS + "?partnerId=" + as.partnerId + "&status=pendingInformation")
                .json()).hasSize(1);
        assertThat(as.step(as.finance, id, "proposal", Disputing.proposal("5")).status()).isEqualTo(409);
        // another partner cannot answer it: it is not there for it
        TestHttp other = TestHttp.localPort(port).as(TestJwt.partner("other", UUID.randomUUID().toString(),
                Roles.PARTNER_ADMIN));
        assertThat(other.post(Disputing.API + "/" + id + "/information", "{\"text\": \"x\"}").status())
                .isEqualTo(404);

        // asked a week ago: the answer moves the resolution deadline on by the business days the dispute waited
        Instant due = Instant.parse(asked.json().path("sla").path("resolutionDue").asString());
        jdbc.sql("update dispute set resolution_paused_at = :at where id = :id")
                .param("at", OffsetDateTime.now(ZoneOffset.UTC).minusDays(7)).param("id", UUID.fromString(id))
                .update();
        TestHttp.Response answered = as.step(as.partner, id, "information", "{\"text\": \"Attached: CDR extract.\"}");
        assertThat(answered.status()).as(answered.body()).isEqualTo(200);
        assertThat(answered.json().path("status").asString()).isEqualTo("inReview");
        assertThat(answered.json().path("sla").path("resolutionPausedAt").isNull()).isTrue();
        assertThat(Instant.parse(answered.json().path("sla").path("resolutionDue").asString()))
                .isAfter(due.plus(4, ChronoUnit.DAYS));
        assertThat(answered.json().path("note").get(0).path("text").asString()).isEqualTo("Attached: CDR extract.");
        assertThat(answered.json().path("statusChangeHistory").get(3).path("changedBy").asString())
                .startsWith("pa-");
        assertThat(statusEvents(id, "IN_REVIEW")).isEqualTo(2);
        assertThat(as.step(as.partner, id, "information", "{\"text\": \"again\"}").status()).isEqualTo(409);
        assertThat(as.step(as.finance, id, "proposal", Disputing.proposal("5")).status()).isEqualTo(200);
    }

    @Test
    void aPartnersCommentAnswersAStaffCommentDoesNotAndWithdrawalStaysOpen() {
        Disputing as = new Disputing(port);
        String statement = settlement.issue(as.partnerId, "100.00", Instant.now());
        String id = as.open(statement, "5");
        as.step(as.finance, id, "review", null);
        as.step(as.finance, id, "information-request", QUESTION);

        as.step(as.finance, id, "comments", "{\"text\": \"the extract of March, please\"}");
        assertThat(as.finance.get(Disputing.TICKETS + "/" + id).json().path("status").asString())
                .isEqualTo("pendingInformation");
        TestHttp.Response answered = as.step(as.partner, id, "comments", "{\"text\": \"here it is\"}");
        assertThat(answered.json().path("status").asString()).as(answered.body()).isEqualTo("inReview");
        assertThat(answered.json().path("statusChangeReason").asString()).isEqualTo("information provided");

        String withdrawn = as.open(statement, "6");
        as.step(as.finance, withdrawn, "review", null);
        as.step(as.finance, withdrawn, "information-request", QUESTION);
        TestHttp.Response gone = as.step(as.partner, withdrawn, "withdrawal", "{\"reason\": \"no longer needed\"}");
        assertThat(gone.json().path("status").asString()).as(gone.body()).isEqualTo("withdrawn");
    }

    /** While the partner is asked, the resolution deadline is paused: its passing breaches and escalates nothing. */
    @Test
    void theResolutionDeadlineDoesNotBreachWhileThePartnerIsAskedAndRunsAgainAfterStaffTakeItBack() {
        Disputing as = new Disputing(port);
        String id = as.open(settlement.issue(as.partnerId, "100.00", Instant.now()), "5");
        as.step(as.finance, id, "review", null);
        as.step(as.finance, id, "information-request", QUESTION);
        Instant due = Instant.parse(as.finance.get(Disputing.API + "/" + id + "/sla").json().path("resolutionDue")
                .asString());

        timers.runOnce(due.plusSeconds(1));
        JsonNode paused = as.finance.get(Disputing.TICKETS + "/" + id).json();
        assertThat(paused.path("status").asString()).isEqualTo("pendingInformation");
        assertThat(paused.path("sla").path("resolutionBreached").asBoolean()).isFalse();

        // staff take the question back without an answer: the clock runs again (moved on by no day: the same day)
        TestHttp.Response back = as.step(as.finance, id, "review", null);
        assertThat(back.json().path("status").asString()).as(back.body()).isEqualTo("inReview");
        assertThat(Instant.parse(back.json().path("sla").path("resolutionDue").asString())).isEqualTo(due);
        timers.runOnce(due.plusSeconds(1));
        JsonNode running = as.finance.get(Disputing.TICKETS + "/" + id).json();
        assertThat(running.path("sla").path("resolutionBreached").asBoolean()).isTrue();
        assertThat(running.path("status").asString()).isEqualTo("escalated");
    }

    /**
     * sort=dueBy orders a paused dispute by its resolution deadline as it would stand were the partner to answer now:
     * it ordered by the deadline from before the pause, so a dispute awaiting the partner for weeks came first.
     */
    @Test
    void aDisputeAwaitingThePartnerIsOrderedByItsDeadlineMovedOnByThePause() {
        Disputing as = new Disputing(port);
        String statement = settlement.issue(as.partnerId, "100.00", Instant.now());
        String paused = as.open(statement, "5");
        String running = as.open(statement, "6");
        as.step(as.finance, paused, "review", null);
        as.step(as.finance, running, "review", null);
        as.step(as.finance, paused, "information-request", QUESTION);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        // asked four weeks ago with a day to go: some 20 business days later were it answered now
        jdbc.sql("update dispute set resolution_due = :due, resolution_paused_at = :at where id = :id")
                .param("due", now.plusDays(1)).param("at", now.minusDays(28)).param("id", UUID.fromString(paused))
                .update();
        jdbc.sql("update dispute set resolution_due = :due where id = :id")
                .param("due", now.plusDays(5)).param("id", UUID.fromString(running)).update();

        JsonNode list = as.finance.get(Disputing.TICKETS + "?partnerId=" + as.partnerId + "&sort=dueBy").json();
        assertThat(list.valueStream().map(ticket -> ticket.path("id").asString()).toList())
                .containsExactly(running, paused);
        JsonNode latestFirst = as.finance.get(Disputing.TICKETS + "?partnerId=" + as.partnerId + "&sort=-dueBy")
                .json();
        assertThat(latestFirst.valueStream().map(ticket -> ticket.path("id").asString()).toList())
                .containsExactly(paused, running);
    }

    private long statusEvents(String disputeId, String toState) {
        return jdbc.sql("""
                        select count(*) from outbox_event where message_key = :id and event_type = 'DisputeStatusChanged'
                          and cast(payload as text) like :state
                        """).param("id", disputeId).param("state", "%\"toState\":\"" + toState + "\"%")
                .query(Long.class).single();
    }
}
