package io.accord.dispute.dispute;

import io.accord.contracts.Topics;
import io.accord.contracts.events.DisputeResolved;
import io.accord.contracts.events.DisputeSlaBreached;
import io.accord.dispute.SettlementFixtures;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.TestKafka;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The SLA and silence timers, run at a chosen moment against the real database and broker. */
@AccordServiceTest
class DisputeTimersTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    private final SettlementFixtures settlement;
    private final DisputeTimers timers;

    DisputeTimersTests(SettlementFixtures settlement, DisputeTimers timers) {
        this.settlement = settlement;
        this.timers = timers;
    }

    @Test
    void anUnansweredDisputeBreachesItsFirstResponseSlaOnceAndIsEscalated() {
        Disputing as = new Disputing(port);
        String id = as.open(settlement.issue(as.partnerId, "100.00", Instant.now()), "5");
        JsonNode before = as.partner.get(Disputing.API + "/" + id + "/sla").json();
        Instant due = Instant.parse(before.path("firstResponseDue").asString());
        assertThat(due).isAfter(Instant.now().plus(1, ChronoUnit.DAYS));

        timers.runOnce(due.minusSeconds(1));
        assertThat(as.partner.get(Disputing.TICKETS + "/" + id).json().path("status").asString()).isEqualTo("open");

        timers.runOnce(due.plusSeconds(1));
        timers.runOnce(due.plusSeconds(2));
        JsonNode ticket = as.partner.get(Disputing.TICKETS + "/" + id).json();
        assertThat(ticket.path("status").asString()).isEqualTo("escalated");
        assertThat(ticket.path("escalatedTo").asString()).isEqualTo("partner-manager");
        assertThat(ticket.path("sla").path("firstResponseBreached").asBoolean()).isTrue();
        assertThat(ticket.path("statusChangeHistory").valueStream().filter(change -> "escalated"
                .equals(change.path("status").asString())).count()).isEqualTo(1);

        DisputeSlaBreached breach = JSON.readValue(TestKafka.value(TestKafka.awaitRecords(Topics.DISPUTE_EVENTS,
                r -> id.equals(r.key()) && "DisputeSlaBreached".equals(TestKafka.header(r, "ce_type")), 1,
                SettlementFixtures.PATIENCE).getFirst()), DisputeSlaBreached.class);
        assertThat(breach.timer()).isEqualTo("FIRST_RESPONSE");
        assertThat(breach.escalatedTo()).isEqualTo("partner-manager");
        assertThat(breach.dueAt()).isEqualTo(due);
    }

    @Test
    void aProposalLeftUnansweredIsAcceptedAfterTheConfiguredSilence() {
        Disputing as = new Disputing(port);
        String id = as.open(settlement.issue(as.partnerId, "100.00", Instant.now()), "60");
        as.step(as.finance, id, "review", null);
        as.step(as.finance, id, "proposal", Disputing.proposal("25.5"));

        timers.runOnce(Instant.now().plus(13, ChronoUnit.DAYS));
        assertThat(as.partner.get(Disputing.TICKETS + "/" + id).json().path("status").asString())
                .isEqualTo("resolutionProposed");
        timers.runOnce(Instant.now().plus(15, ChronoUnit.DAYS));
        JsonNode ticket = as.partner.get(Disputing.TICKETS + "/" + id).json();
        assertThat(ticket.path("status").asString()).isEqualTo("resolved");
        assertThat(ticket.path("outcome").asString()).isEqualTo("PARTIALLY_ACCEPTED");
        List<String> acceptedBy = ticket.path("statusChangeHistory").valueStream()
                .filter(change -> "accepted".equals(change.path("status").asString()))
                .map(change -> change.path("changedBy").asString()).toList();
        assertThat(acceptedBy).containsExactly("system");

        DisputeResolved resolved = JSON.readValue(TestKafka.value(TestKafka.awaitRecords(Topics.DISPUTE_EVENTS,
                r -> id.equals(r.key()) && "DisputeResolved".equals(TestKafka.header(r, "ce_type")), 1,
                SettlementFixtures.PATIENCE).getFirst()), DisputeResolved.class);
        assertThat(resolved.outcome()).isEqualTo("PARTIALLY_ACCEPTED");
        assertThat(resolved.adjustment().amount()).isEqualTo("25.500000");
    }
}
