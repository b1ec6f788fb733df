package io.accord.dispute.dispute;

import io.accord.contracts.Roles;
import io.accord.contracts.Topics;
import io.accord.contracts.events.DisputeResolved;
import io.accord.dispute.SettlementFixtures;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestJwt;
import io.accord.testsupport.TestKafka;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The paths of a partner-opened dispute through the real APIs, database and broker. */
@AccordServiceTest
class DisputeLifecycleTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    private final SettlementFixtures settlement;
    private final JdbcClient jdbc;

    DisputeLifecycleTests(SettlementFixtures settlement, JdbcClient jdbc) {
        this.settlement = settlement;
        this.jdbc = jdbc;
    }

    @Test
    void aPartnerOpensFinanceProposesThePartnerRejectsThenAcceptsAndTheAdjustmentIsPublished() {
        Disputing as = new Disputing(port);
        String statement = settlement.issue(as.partnerId, "1000.00", Instant.now().minus(5, ChronoUnit.DAYS));
        TestHttp.Response created = as.partner.post(Disputing.TICKETS, Disputing.ticket(statement, "line-a-" + port
                + System.nanoTime(), "125.40", "RATE"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().path("id").asString();
        assertThat(created.header("Location")).endsWith(Disputing.TICKETS + "/" + id);
        assertThat(created.json().path("status").asString()).isEqualTo("open");
        assertThat(created.json().path("ticketType").asString()).isEqualTo("BillingDispute");
        assertThat(created.json().path("disputedAmount").path("value").asString()).isEqualTo("125.400000");

        assertThat(as.step(as.finance, id, "review", null).json().path("status").asString()).isEqualTo("inReview");
        assertThat(as.step(as.finance, id, "proposal", Disputing.proposal("50.00")).json().path("status")
                .asString()).isEqualTo("resolutionProposed");
        TestHttp.Response rejected = as.step(as.partner, id, "rejection", "{\"reason\": \"the whole month\"}");
        assertThat(rejected.json().path("status").asString()).isEqualTo("inReview");
        // the rejected proposal stays on the ticket, with who rejected it, when and why; the partner's views never
        // name the staff user who proposed it, staff's do
        String rejectedBy = rejected.json().path("statusChangeHistory").get(3).path("changedBy").asString();
        for (JsonNode view : List.of(rejected.json(), as.partner.get(Disputing.TICKETS + "/" + id).json())) {
            JsonNode kept = view.path("proposal");
            assertThat(kept.path("state").asString()).isEqualTo("rejected");
            assertThat(kept.path("amount").path("value").asString()).isEqualTo("50.000000");
            assertThat(kept.path("reason").asString()).isEqualTo("re-rated");
            assertThat(kept.path("rejectionReason").asString()).isEqualTo("the whole month");
            assertThat(kept.path("rejectedBy").asString()).isNotBlank().isEqualTo(rejectedBy);
            assertThat(kept.path("rejectedAt").asString()).isEqualTo(view.path("statusChangeHistory").get(3)
                    .path("changeDate").asString());
            assertThat(kept.has("proposedBy")).as("a partner's view names no staff user").isFalse();
            assertThat(kept.path("proposedAt").asString()).isNotBlank();
        }
        JsonNode staffView = as.finance.get(Disputing.TICKETS + "/" + id).json().path("proposal");
        assertThat(staffView.path("state").asString()).isEqualTo("rejected");
        assertThat(staffView.path("proposedBy").asString()).isEqualTo("fin");
        assertThat(as.finance.get(Disputing.TICKETS + "?partnerId=" + as.partnerId + "&fields=proposal").json()
                .get(0).path("proposal").path("state").asString()).isEqualTo("rejected");

        JsonNode replaced = as.step(as.finance, id, "proposal", Disputing.proposal("125.40")).json().path("proposal");
        assertThat(replaced.path("state").asString()).isEqualTo("proposed");
        assertThat(replaced.path("amount").path("value").asString()).isEqualTo("125.400000");
        assertThat(replaced.has("rejectionReason")).isFalse();
        assertThat(replaced.has("rejectedBy")).isFalse();
        TestHttp.Response accepted = as.step(as.partner, id, "acceptance", null);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        JsonNode ticket = accepted.json();
        assertThat(ticket.path("status").asString()).isEqualTo("resolved");
        assertThat(ticket.path("outcome").asString()).isEqualTo("ACCEPTED");
        assertThat(ticket.path("proposal").path("state").asString()).isEqualTo("accepted");
        List<String> history = ticket.path("statusChangeHistory").valueStream()
                .map(change -> change.path("status").asString()).toList();
        assertThat(history).containsExactly("open", "inReview", "resolutionProposed", "rejected", "inReview",
                "resolutionProposed", "accepted", "resolved");
        assertThat(ticket.path("statusChangeHistory").get(3).path("changeReason").asString())
                .isEqualTo("the whole month");

        ConsumerRecord<String, byte[]> record = TestKafka.awaitRecords(Topics.DISPUTE_EVENTS,
                r -> id.equals(r.key()) && "DisputeResolved".equals(TestKafka.header(r, "ce_type")), 1,
                SettlementFixtures.PATIENCE).getFirst();
        DisputeResolved resolved = JSON.readValue(TestKafka.value(record), DisputeResolved.class);
        assertThat(resolved.partnerId()).isEqualTo(as.partnerId);
        assertThat(resolved.outcome()).isEqualTo("ACCEPTED");
        assertThat(resolved.adjustment().amount()).isEqualTo("125.400000");
        assertThat(resolved.adjustment().currency()).isEqualTo("EUR");
        assertThat(resolved.adjustment().direction()).isEqualTo("CREDIT_PARTNER");
        assertThat(resolved.adjustment().statementId()).isEqualTo(statement);
        assertThat(resolved.adjustment().periodReference()).isEqualTo("2026-11");
        assertThat(resolved.adjustment().adjustmentId()).isEqualTo(ticket.path("adjustmentId").asString());

        assertThat(as.step(as.finance, id, "closure", null).json().path("status").asString()).isEqualTo("closed");
    }

    @Test
    void aPartnerWithdrawsAnOpenDisputeAndItsLineIsFreeAgain() {
        Disputing as = new Disputing(port);
        String statement = settlement.issue(as.partnerId, "300.00", Instant.now());
        String line = "line-w-" + System.nanoTime();
        String id = as.partner.post(Disputing.TICKETS, Disputing.ticket(statement, line, "10", "TAX")).json()
                .path("id").asString();
        TestHttp.Response withdrawn = as.step(as.partner, id, "withdrawal", "{\"reason\": \"settled by phone\"}");
        assertThat(withdrawn.json().path("status").asString()).isEqualTo("withdrawn");
        assertThat(as.step(as.finance, id, "proposal", Disputing.proposal("1")).status()).isEqualTo(409);
        assertThat(as.partner.post(Disputing.TICKETS, Disputing.ticket(statement, line, "10", "TAX")).status())
                .isEqualTo(201);
        TestKafka.awaitRecords(Topics.DISPUTE_EVENTS, r -> id.equals(r.key())
                && "DisputeStatusChanged".equals(TestKafka.header(r, "ce_type"))
                && TestKafka.value(r).contains("WITHDRAWN"), 1, SettlementFixtures.PATIENCE);
    }

    @Test
    void aPartnerEscalatesToTheConfiguredRoleAndFinanceOnlyProposes() {
        Disputing as = new Disputing(port);
        String statement = settlement.issue(as.partnerId, "300.00", Instant.now());
        String id = as.open(statement, "20");
        TestHttp.Response escalated = as.step(as.partner, id, "escalation", "{\"reason\": \"no answer\"}");
        assertThat(escalated.json().path("status").asString()).isEqualTo("escalated");
        assertThat(escalated.json().path("escalatedTo").asString()).isEqualTo("partner-manager");
        assertThat(as.step(as.partner, id, "proposal", Disputing.proposal("1")).status()).isEqualTo(403);
        assertThat(as.step(as.finance, id, "proposal", Disputing.proposal("20.01")).status()).isEqualTo(422);
        assertThat(as.step(as.finance, id, "proposal", Disputing.proposal("20")).json().path("status").asString())
                .isEqualTo("resolutionProposed");
        assertThat(as.step(as.finance, id, "acceptance", null).status()).isEqualTo(403);
    }

    @Test
    void bothSidesCommentAndAStaffCommentIsTheFirstResponse() {
        Disputing as = new Disputing(port);
        String id = as.open(settlement.issue(as.partnerId, "300.00", Instant.now()), "20");
        as.step(as.partner, id, "comments", "{\"text\": \"see our CDRs\"}");
        TestHttp.Response answered = as.step(as.finance, id, "comments", "{\"text\": \"looking into it\"}");
        assertThat(answered.json().path("note").valueStream().map(n -> n.path("text").asString()).toList())
                .containsExactly("see our CDRs", "looking into it");
        assertThat(answered.json().path("sla").path("firstRespondedAt").isString()).isTrue();
        assertThat(as.partner.get(Disputing.API + "/" + id + "/sla").json().path("firstResponseBreached")
                .asBoolean()).isFalse();
    }

    @Test
    void commentsAreRefusedOnceADisputeIsWithdrawnOrClosedAndNothingIsStoredOrNotified() {
        Disputing as = new Disputing(port);
        assertThat(as.partner.post("/tmf-api/troubleTicket/v4/hub", "{\"callback\": \"http://127.0.0.1:9/l\"}")
                .status()).isEqualTo(201);
        String statement = settlement.issue(as.partnerId, "300.00", Instant.now());
        String withdrawn = as.open(statement, "20");
        as.step(as.partner, withdrawn, "withdrawal", "{\"reason\": \"settled by phone\"}");
        long notified = hubEvents(withdrawn);
        assertThat(notified).isPositive();
        for (TestHttp side : List.of(as.finance, as.partner)) {
            TestHttp.Response refused = as.step(side, withdrawn, "comments", "{\"text\": \"too late\"}");
            assertThat(refused.status()).as(refused.body()).isEqualTo(409);
            assertThat(refused.json().path("detail").asString()).contains("is withdrawn");
        }
        JsonNode ticket = as.partner.get(Disputing.TICKETS + "/" + withdrawn).json();
        assertThat(ticket.path("note")).isEmpty();
        // a staff comment on a never-answered dispute used to set the first response after the fact
        assertThat(ticket.path("sla").path("firstRespondedAt").isNull()).isTrue();
        assertThat(hubEvents(withdrawn)).isEqualTo(notified);

        String closed = as.open(statement, "10");
        as.step(as.finance, closed, "review", null);
        as.step(as.finance, closed, "proposal", Disputing.proposal("10"));
        as.step(as.partner, closed, "acceptance", null);
        // resolved, not yet closed: the thread is still open (the adjustment is still to be settled)
        assertThat(as.step(as.partner, closed, "comments", "{\"text\": \"thanks\"}").status()).isEqualTo(200);
        as.step(as.finance, closed, "closure", null);
        notified = hubEvents(closed);
        TestHttp.Response refused = as.step(as.partner, closed, "comments", "{\"text\": \"one more thing\"}");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().path("detail").asString()).contains("is closed");
        assertThat(as.partner.get(Disputing.TICKETS + "/" + closed).json().path("note").valueStream()
                .map(note -> note.path("text").asString()).toList()).containsExactly("thanks");
        assertThat(hubEvents(closed)).isEqualTo(notified);
        // TMF has no other way in for a comment: a note in a merge patch is not changeable
        assertThat(as.partner.send("PATCH", Disputing.TICKETS + "/" + closed, "{\"note\": [{\"text\": \"x\"}]}",
                "application/merge-patch+json").status()).isEqualTo(400);
    }

    private long hubEvents(String disputeId) {
        return jdbc.sql("select count(*) from hub_event where payload like :id").param("id", "%" + disputeId + "%")
                .query(Long.class).single();
    }

    @Test
    void aMergePatchChangesTheDescriptionOnly() {
        Disputing as = new Disputing(port);
        String id = as.open(settlement.issue(as.partnerId, "300.00", Instant.now()), "20");
        TestHttp patched = as.partner;
        TestHttp.Response changed = patched.send("PATCH", Disputing.TICKETS + "/" + id,
                "{\"description\": \"the whole of March\"}", "application/merge-patch+json");
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().path("description").asString()).isEqualTo("the whole of March");
        TestHttp.Response status = patched.send("PATCH", Disputing.TICKETS + "/" + id,
                "{\"status\": \"closed\"}", "application/merge-patch+json");
        assertThat(status.status()).isEqualTo(400);
        assertThat(as.partner.get(Disputing.TICKETS + "/" + id).json().path("status").asString()).isEqualTo("open");
    }

    @Test
    void onlyThePartnerRewritesItsClaimStaffAreToldToCommentInstead() {
        Disputing as = new Disputing(port);
        String id = as.open(settlement.issue(as.partnerId, "300.00", Instant.now()), "20");
        for (TestHttp staff : List.of(as.finance, TestHttp.localPort(port).as(TestJwt.staff(
                "pm", Roles.PARTNER_MANAGER)))) {
            TestHttp.Response refused = staff.send("PATCH", Disputing.TICKETS + "/" + id,
                    "{\"description\": \"nothing to see here\"}", "application/merge-patch+json");
            assertThat(refused.status()).as(refused.body()).isEqualTo(403);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            assertThat(refused.json().path("detail").asString()).contains("only the disputing partner")
                    .contains("Comment instead");
        }
        JsonNode ticket = as.partner.get(Disputing.TICKETS + "/" + id).json();
        assertThat(ticket.path("description").asString()).isEqualTo("rated at the old rate");
        assertThat(ticket.path("lastUpdate").asString()).isEqualTo(ticket.path("creationDate").asString());
    }

    @Test
    void aDisputeOpenedToSixDecimalsIsFullyAcceptedAtItsAmountInMinorUnits() {
        Disputing as = new Disputing(port);
        String id = as.open(settlement.issue(as.partnerId, "300.00", Instant.now()), "50.123456");
        as.step(as.finance, id, "review", null);
        TestHttp.Response over = as.step(as.finance, id, "proposal", Disputing.proposal("50.13"));
        assertThat(over.status()).as(over.body()).isEqualTo(422);
        assertThat(over.json().path("detail").asString()).contains("in minor units 50.12");
        TestHttp.Response whole = as.step(as.finance, id, "proposal", Disputing.proposal("50.12"));
        assertThat(whole.status()).as(whole.body()).isEqualTo(200);
        JsonNode accepted = as.step(as.partner, id, "acceptance", null).json();
        assertThat(accepted.path("status").asString()).isEqualTo("resolved");
        assertThat(accepted.path("outcome").asString()).isEqualTo("ACCEPTED");
    }

    @Test
    void aProposalFinerThanTheCurrencysMinorUnitIsA400NamingTheAmount() {
        Disputing as = new Disputing(port);
        String id = as.open(settlement.issue(as.partnerId, "300.00", Instant.now()), "5");
        as.step(as.finance, id, "review", null);
        TestHttp.Response refused = as.step(as.finance, id, "proposal", Disputing.proposal("1.225"));
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().path("violations").get(0).path("field").asString()).isEqualTo("amount");
        assertThat(refused.json().path("detail").asString()).contains("EUR's minor unit (2 decimals)");
        assertThat(as.partner.get(Disputing.TICKETS + "/" + id).json().path("status").asString())
                .isEqualTo("inReview");

        assertThat(as.step(as.finance, id, "proposal", Disputing.proposal("1.220000")).status()).isEqualTo(200);
        as.step(as.partner, id, "acceptance", null);
        assertThat(as.partner.get(Disputing.API + "/kpis").json().path("amounts").path("EUR").path("adjusted")
                .asString()).isEqualTo("1.220000");
    }

    @Test
    void kpisCountAPartnersOwnDisputesAndTheAdjustedAmount() {
        Disputing as = new Disputing(port);
        String statement = settlement.issue(as.partnerId, "300.00", Instant.now());
        String resolved = as.open(statement, "40");
        as.open(statement, "10");
        as.step(as.finance, resolved, "review", null);
        as.step(as.finance, resolved, "proposal", Disputing.proposal("30"));
        as.step(as.partner, resolved, "acceptance", null);

        JsonNode kpis = as.partner.get(Disputing.API + "/kpis").json();
        assertThat(kpis.path("total").asInt()).isEqualTo(2);
        assertThat(kpis.path("open").asInt()).isEqualTo(1);
        assertThat(kpis.path("resolved").asInt()).isEqualTo(1);
        assertThat(kpis.path("openByAge").path("0-7d").asInt()).isEqualTo(1);
        assertThat(kpis.path("amounts").path("EUR").path("disputed").asString()).isEqualTo("50.000000");
        assertThat(kpis.path("amounts").path("EUR").path("adjusted").asString()).isEqualTo("30.000000");
        assertThat(kpis.path("openByPartner").properties()).hasSize(1);
        assertThat(as.finance.get(Disputing.API + "/kpis").json().path("total").asInt()).isGreaterThanOrEqualTo(2);
    }
}
