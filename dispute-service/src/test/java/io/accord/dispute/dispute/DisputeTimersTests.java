package io.accord.dispute.dispute;

import io.accord.contracts.Topics;
import io.accord.contracts.events.DisputeResolved;
import io.accord.contracts.events.DisputeSlaBreached;
import io.accord.dispute.SettlementFixtures;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestKafka;
import io.accord.testsupport.TestMultipart;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SLA and silence timers, run at a chosen moment against the real database and broker; a dispute that cannot be
 * handled stopping no other.
 */
@AccordServiceTest
class DisputeTimersTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    private final SettlementFixtures settlement;
    private final DisputeTimers timers;
    private final JdbcClient jdbc;
    private final MeterRegistry meters;

    DisputeTimersTests(SettlementFixtures settlement, DisputeTimers timers, JdbcClient jdbc, MeterRegistry meters) {
        this.meters = meters;
        this.settlement = settlement;
        this.timers = timers;
        this.jdbc = jdbc;
    }

    @Test
    void aDisputeThatCannotBeHandledStopsNoOtherAndIsPutOff() {
        Disputing as = new Disputing(port);
        String broken = as.open(settlement.issue(as.partnerId, "100.00", Instant.now()), "5");
        String healthy = as.open(settlement.issue(as.partnerId, "100.00", Instant.now()), "5");
        Instant due = Instant.parse(as.partner.get(Disputing.API + "/" + healthy + "/sla").json()
                .path("firstResponseDue").asString());
        // opened first, so taken first: a row its repository cannot read
        jdbc.sql("update dispute set proposal = '[\"not\", \"a proposal\"]' where id = :id")
                .param("id", UUID.fromString(broken)).update();
        try {
            timers.runOnce(due.plusSeconds(1));

            assertThat(as.partner.get(Disputing.TICKETS + "/" + healthy).json().path("status").asString())
                    .isEqualTo("escalated");
            Map<String, Object> failure = jdbc.sql("select attempts, last_error from job_item_failure"
                            + " where job = :job and item_id = :id")
                    .param("job", DisputeTimers.JOB).param("id", broken).query().singleRow();
            assertThat(((Number) failure.get("attempts")).intValue()).isEqualTo(1);
            assertThat((String) failure.get("last_error")).isNotBlank();
            assertThat(jdbc.sql("select first_response_breached from dispute where id = :id")
                    .param("id", UUID.fromString(broken)).query(Boolean.class).single()).isFalse();
            // put off: the next round's selection leaves it out, so it takes no place of another dispute
            timers.runOnce(due.plusSeconds(2));
            assertThat(jdbc.sql("select attempts from job_item_failure where job = :job and item_id = :id")
                    .param("job", DisputeTimers.JOB).param("id", broken).query(Integer.class).single())
                    .isEqualTo(1);
        } finally {
            jdbc.sql("update dispute set proposal = null where id = :id").param("id", UUID.fromString(broken))
                    .update();
            jdbc.sql("delete from job_item_failure where job = :job").param("job", DisputeTimers.JOB).update();
        }
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

        // other tests' disputes share the table: the counter moves by the breaches flagged, this one among them
        double countedBefore = breachesCounted();
        long flaggedBefore = breachesFlagged();
        timers.runOnce(due.plusSeconds(1));
        timers.runOnce(due.plusSeconds(2));
        assertThat(breachesCounted() - countedBefore).isEqualTo(breachesFlagged() - flaggedBefore)
                .isGreaterThanOrEqualTo(1);
        assertThat(TestHttp.localPort(port).get("/actuator/prometheus").body())
                .contains("accord_dispute_sla_breached_total{timer=\"FIRST_RESPONSE\"}");
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

    private double breachesCounted() {
        return meters.get(DisputeTimers.BREACHED).tag("timer", DisputeTimers.FIRST_RESPONSE).counter().count();
    }

    private long breachesFlagged() {
        return jdbc.sql("select count(*) from dispute where first_response_breached").query(Long.class).single();
    }

    /**
     * Any staff step the partner sees answers it: our evidence or an escalation stops the first-response clock (an
     * upload did not, so a dispute answered with our CDRs breached its SLA and was escalated); an internal note, which
     * the partner never sees, and the partner's own upload do not.
     */
    @Test
    void staffEvidenceOrAStaffEscalationIsTheFirstResponseAnInternalNoteIsNot() {
        Disputing as = new Disputing(port);
        String id = as.open(settlement.issue(as.partnerId, "100.00", Instant.now()), "5");
        Instant due = Instant.parse(as.partner.get(Disputing.API + "/" + id + "/sla").json()
                .path("firstResponseDue").asString());
        assertThat(upload(as.partner, id).status()).isEqualTo(201);
        assertThat(as.step(as.finance, id, "internal-notes", "{\"text\": \"checking the CDRs\"}").status())
                .isEqualTo(201);
        assertThat(firstRespondedAt(as, id)).as("no answer the partner sees yet").isNull();

        TestHttp.Response ours = upload(as.finance, id);
        assertThat(ours.status()).as(ours.body()).isEqualTo(201);
        assertThat(firstRespondedAt(as, id)).isNotNull();
        timers.runOnce(due.plusSeconds(1));
        JsonNode ticket = as.partner.get(Disputing.TICKETS + "/" + id).json();
        assertThat(ticket.path("status").asString()).isEqualTo("open");
        assertThat(ticket.path("sla").path("firstResponseBreached").asBoolean()).isFalse();

        String escalated = as.open(settlement.issue(as.partnerId, "100.00", Instant.now()), "5");
        assertThat(as.step(as.finance, escalated, "escalation", "{}").status()).isEqualTo(200);
        assertThat(firstRespondedAt(as, escalated)).isNotNull();
        timers.runOnce(due.plusSeconds(2));
        assertThat(as.partner.get(Disputing.API + "/" + escalated + "/sla").json().path("firstResponseBreached")
                .asBoolean()).isFalse();
    }

    private static TestHttp.Response upload(TestHttp by, String id) {
        return by.postMultipart(Disputing.API + "/" + id + "/attachments", new TestMultipart()
                .file("file", "cdrs.pdf", "application/pdf", "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII)));
    }

    private static String firstRespondedAt(Disputing as, String id) {
        JsonNode responded = as.partner.get(Disputing.API + "/" + id + "/sla").json().path("firstRespondedAt");
        return responded.isMissingNode() || responded.isNull() ? null : responded.asString();
    }

    @Test
    void aProposalLeftUnansweredIsAcceptedAfterTheConfiguredSilence() {
        Disputing as = new Disputing(port);
        String id = as.open(settlement.issue(as.partnerId, "100.00", Instant.now()), "60");
        as.step(as.finance, id, "review", null);
        as.step(as.finance, id, "proposal", Disputing.proposal("25.5"));

        // the partner is told when its silence becomes acceptance: the moment the timer accepts it
        JsonNode pending = as.partner.get(Disputing.TICKETS + "/" + id).json().path("proposal");
        Instant respondBy = Instant.parse(pending.path("respondBy").asString());
        assertThat(respondBy).isEqualTo(Instant.parse(pending.path("proposedAt").asString())
                .plus(14, ChronoUnit.DAYS));
        assertThat(as.finance.get(Disputing.TICKETS + "/" + id).json().path("proposal").path("respondBy")
                .asString()).isEqualTo(pending.path("respondBy").asString());

        timers.runOnce(respondBy.minusSeconds(1));
        assertThat(as.partner.get(Disputing.TICKETS + "/" + id).json().path("status").asString())
                .isEqualTo("resolutionProposed");
        timers.runOnce(respondBy);
        JsonNode ticket = as.partner.get(Disputing.TICKETS + "/" + id).json();
        assertThat(ticket.path("status").asString()).isEqualTo("resolved");
        assertThat(ticket.path("proposal").path("state").asString()).isEqualTo("accepted");
        assertThat(ticket.path("proposal").has("respondBy")).isFalse();
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

    @Test
    void aChargeIsNeverAcceptedBySilenceItWaitsForThePartnersOwnAcceptance() {
        Disputing as = new Disputing(port);
        String id = as.open(settlement.issue(as.partnerId, "100.00", Instant.now()), "60");
        as.step(as.finance, id, "review", null);
        TestHttp.Response proposed = as.step(as.finance, id, "proposal",
                "{\"direction\": \"DEBIT_PARTNER\", \"amount\": \"3.33\", \"reason\": \"usage confirmed\"}");
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(200);
        assertThat(proposed.json().path("proposal").has("respondBy")).as("no deadline silence accepts by")
                .isFalse();

        timers.runOnce(Instant.now().plus(15, ChronoUnit.DAYS));
        timers.runOnce(Instant.now().plus(60, ChronoUnit.DAYS));
        JsonNode waiting = as.partner.get(Disputing.TICKETS + "/" + id).json();
        assertThat(waiting.path("status").asString()).isEqualTo("resolutionProposed");
        assertThat(waiting.path("proposal").path("state").asString()).isEqualTo("proposed");
        // the resolution deadline still runs: its breach is reported
        assertThat(waiting.path("sla").path("resolutionBreached").asBoolean()).isTrue();

        JsonNode accepted = as.step(as.partner, id, "acceptance", null).json();
        assertThat(accepted.path("status").asString()).isEqualTo("resolved");
        assertThat(accepted.path("outcome").asString()).isEqualTo("COUNTER_CHARGED");
        DisputeResolved resolved = JSON.readValue(TestKafka.value(TestKafka.awaitRecords(Topics.DISPUTE_EVENTS,
                r -> id.equals(r.key()) && "DisputeResolved".equals(TestKafka.header(r, "ce_type")), 1,
                SettlementFixtures.PATIENCE).getFirst()), DisputeResolved.class);
        assertThat(resolved.outcome()).isEqualTo("COUNTER_CHARGED");
        assertThat(resolved.adjustment().direction()).isEqualTo("DEBIT_PARTNER");
        assertThat(resolved.resolvedBy()).isEqualTo("fin");
    }
}
