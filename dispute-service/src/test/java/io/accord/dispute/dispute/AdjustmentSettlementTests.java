package io.accord.dispute.dispute;

import io.accord.contracts.Topics;
import io.accord.contracts.events.DisputeAdjustmentSettled;
import io.accord.contracts.events.StatementDiscarded;
import io.accord.contracts.events.StatementIssued;
import io.accord.dispute.SettlementFixtures;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.TestHttp;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The dispute shows where settlement settled its adjustment (issue 12): {@code DisputeAdjustmentSettled} on
 * {@code settlement.events.v1} names the statement line or the credit/debit note, and the note's number follows from
 * its {@code StatementIssued}; the partner sees where only once that document is issued (settlement shows it no
 * draft). A placement on a statement finance discarded
 * ({@code StatementDiscarded}) shows as pending until the next draft's placement, whatever order they arrive in.
 */
@AccordServiceTest
class AdjustmentSettlementTests {

    @LocalServerPort
    int port;
    private final SettlementFixtures settlement;

    AdjustmentSettlementTests(SettlementFixtures settlement) {
        this.settlement = settlement;
    }

    @Test
    void staffSeeTheCreditNoteThatSettledTheAdjustmentAtOnceThePartnerOnlyOnceTheNoteIsIssued() {
        Disputing as = new Disputing(port);
        String statement = settlement.issue(as.partnerId, "1000.00", Instant.now().minus(5, ChronoUnit.DAYS));
        String id = as.open(statement, "40.00");
        as.step(as.finance, id, "review", null);
        as.step(as.finance, id, "proposal", Disputing.proposal("40.00"));
        JsonNode resolved = as.step(as.partner, id, "acceptance", null).json();
        String adjustment = resolved.path("adjustmentId").asString();
        assertThat(resolved.path("adjustmentSettlement").isMissingNode()).isTrue();
        String note = UUID.randomUUID().toString();

        settlement.send(Topics.SETTLEMENT_EVENTS, new DisputeAdjustmentSettled(UUID.randomUUID(), Instant.now(), id,
                adjustment, as.partnerId, "CREDIT_NOTE", note, note + "-1", "40.00", "EUR"));

        await().atMost(SettlementFixtures.PATIENCE).until(() -> !ticket(as.partner, id)
                .path("adjustmentSettlement").isMissingNode());
        JsonNode staffView = ticket(as.finance, id).path("adjustmentSettlement");
        assertThat(staffView.path("status").asString()).isEqualTo("PLACED_ON_DRAFT");
        assertThat(staffView.path("documentId").asString()).isEqualTo(note);
        assertThat(staffView.path("lineId").asString()).isEqualTo(note + "-1");
        assertThat(staffView.path("documentNumber").isMissingNode()).isTrue();
        // settlement shows a partner no document before it is issued: nor does the dispute, in the ticket nor in the list
        for (JsonNode partnerView : List.of(ticket(as.partner, id).path("adjustmentSettlement"),
                as.partner.get(Disputing.TICKETS).json().get(0).path("adjustmentSettlement"))) {
            assertThat(partnerView.path("status").asString()).isEqualTo("PLACED_ON_DRAFT");
            assertThat(partnerView.path("settledOn").asString()).isEqualTo("CREDIT_NOTE");
            assertThat(partnerView.path("adjustmentId").asString()).isEqualTo(adjustment);
            assertThat(partnerView.path("amount").path("value").asString()).isEqualTo("40.000000");
            assertThat(partnerView.has("documentId")).isFalse();
            assertThat(partnerView.has("lineId")).isFalse();
            assertThat(partnerView.has("documentNumber")).isFalse();
        }
        assertThat(as.partner.get(Disputing.TICKETS).json().toString()).doesNotContain(note);

        Instant now = Instant.now();
        settlement.send(Topics.SETTLEMENT_EVENTS, new StatementIssued(UUID.randomUUID(), now, note, as.partnerId,
                "2026-11", now.minus(30, ChronoUnit.DAYS), now, "CREDIT_NOTE", "ACD-2026-000777", "entity-1",
                statement, "PAYABLE", "EUR", "40.00", "0.00", "40.00", now, LocalDate.of(2027, 1, 31),
                "0".repeat(64), List.of(new StatementIssued.Line(note + "-1", 1, "CORRECTION", "Dispute " + id,
                null, null, "40.00", "EUR"))));

        await().atMost(SettlementFixtures.PATIENCE).until(() -> "ACD-2026-000777".equals(ticket(as.partner, id)
                .path("adjustmentSettlement").path("documentNumber").asString()));
        for (TestHttp caller : List.of(as.partner, as.finance)) {
            JsonNode issued = ticket(caller, id).path("adjustmentSettlement");
            assertThat(issued.path("status").asString()).isEqualTo("SETTLED");
            assertThat(issued.path("documentId").asString()).isEqualTo(note);
            assertThat(issued.path("lineId").asString()).isEqualTo(note + "-1");
        }
    }

    @Test
    void aStatementLineSettlementIsShownALaterPlacementReplacesItAndAnEarlierOneChangesNothing() {
        Disputing as = new Disputing(port);
        String statement = settlement.issue(as.partnerId, "1000.00", Instant.now().minus(5, ChronoUnit.DAYS));
        String id = as.open(statement, "10.00");
        as.step(as.finance, id, "review", null);
        as.step(as.finance, id, "proposal", Disputing.proposal("10.00"));
        String adjustment = as.step(as.partner, id, "acceptance", null).json().path("adjustmentId").asString();
        String next = UUID.randomUUID().toString();
        Instant drafted = Instant.now().minusSeconds(60);
        DisputeAdjustmentSettled event = new DisputeAdjustmentSettled(UUID.randomUUID(), drafted, id,
                adjustment, as.partnerId, "STATEMENT_LINE", next, next + "-7", "10.00", "EUR");

        settlement.send(Topics.SETTLEMENT_EVENTS, event);
        settlement.send(Topics.SETTLEMENT_EVENTS, event);
        await().atMost(SettlementFixtures.PATIENCE).until(() -> !ticket(as.finance, id)
                .path("adjustmentSettlement").isMissingNode());
        JsonNode settled = ticket(as.finance, id).path("adjustmentSettlement");
        assertThat(settled.path("settledOn").asString()).isEqualTo("STATEMENT_LINE");
        assertThat(settled.path("lineId").asString()).isEqualTo(next + "-7");

        // that draft was discarded: the next draft carries the adjustment on its line 9
        String redrafted = UUID.randomUUID().toString();
        settlement.send(Topics.SETTLEMENT_EVENTS, new DisputeAdjustmentSettled(UUID.randomUUID(), Instant.now(), id,
                adjustment, as.partnerId, "STATEMENT_LINE", redrafted, redrafted + "-9", "10.00", "EUR"));
        await().atMost(SettlementFixtures.PATIENCE).until(() -> (redrafted + "-9").equals(ticket(as.finance, id)
                .path("adjustmentSettlement").path("lineId").asString()));
        assertThat(ticket(as.finance, id).path("adjustmentSettlement").path("documentId").asString())
                .isEqualTo(redrafted);

        // an earlier placement arriving after it changes nothing; a marker event after it shows it was consumed
        settlement.send(Topics.SETTLEMENT_EVENTS, new DisputeAdjustmentSettled(UUID.randomUUID(),
                drafted.minusSeconds(60), id, adjustment, as.partnerId, "STATEMENT_LINE", next, next + "-3", "10.00",
                "EUR"));
        String marker = UUID.randomUUID().toString();
        settlement.send(Topics.SETTLEMENT_EVENTS, new DisputeAdjustmentSettled(UUID.randomUUID(), Instant.now()
                .plusSeconds(60), id, adjustment, as.partnerId, "STATEMENT_LINE", marker, marker + "-1", "10.00",
                "EUR"));
        await().atMost(SettlementFixtures.PATIENCE).until(() -> (marker + "-1").equals(ticket(as.finance, id)
                .path("adjustmentSettlement").path("lineId").asString()));
    }

    @Test
    void anAdjustmentOnADiscardedStatementIsPendingAgainUntilTheNextDraftPlacesIt() {
        Disputing as = new Disputing(port);
        Resolved dispute = resolved(as, "10.00");
        String wrong = UUID.randomUUID().toString();
        Instant drafted = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(120);
        settlement.send(Topics.SETTLEMENT_EVENTS, placed(as, dispute, wrong, 4, drafted));
        await().atMost(SettlementFixtures.PATIENCE).until(() -> (wrong + "-4").equals(ticket(as.finance, dispute.id)
                .path("adjustmentSettlement").path("lineId").asString()));
        assertThat(ticket(as.finance, dispute.id).path("adjustmentSettlement").path("status").asString())
                .isEqualTo("PLACED_ON_DRAFT");

        Instant discardedAt = drafted.plusSeconds(60);
        settlement.send(Topics.SETTLEMENT_EVENTS, discarded(as, wrong, discardedAt, dispute.adjustment));

        await().atMost(SettlementFixtures.PATIENCE).until(() -> "PENDING".equals(ticket(as.partner, dispute.id)
                .path("adjustmentSettlement").path("status").asString()));
        JsonNode pending = ticket(as.partner, dispute.id).path("adjustmentSettlement");
        assertThat(pending.path("adjustmentId").asString()).isEqualTo(dispute.adjustment);
        assertThat(Instant.parse(pending.path("releasedAt").asString())).isEqualTo(discardedAt);
        assertThat(pending.path("documentId").isMissingNode()).isTrue();
        assertThat(pending.path("lineId").isMissingNode()).isTrue();
        assertThat(pending.path("settledOn").isMissingNode()).isTrue();

        // the period's next draft carries it
        String redrafted = UUID.randomUUID().toString();
        settlement.send(Topics.SETTLEMENT_EVENTS, placed(as, dispute, redrafted, 2, discardedAt.plusSeconds(30)));
        await().atMost(SettlementFixtures.PATIENCE).until(() -> "PLACED_ON_DRAFT".equals(ticket(as.partner,
                dispute.id).path("adjustmentSettlement").path("status").asString()));
        assertThat(ticket(as.partner, dispute.id).path("adjustmentSettlement").has("documentId")).isFalse();
        JsonNode settled = ticket(as.finance, dispute.id).path("adjustmentSettlement");
        assertThat(settled.path("documentId").asString()).isEqualTo(redrafted);
        assertThat(settled.path("lineId").asString()).isEqualTo(redrafted + "-2");
        assertThat(settled.path("releasedAt").isMissingNode()).isTrue();
    }

    @Test
    void aDiscardArrivingAfterTheNextDraftsPlacementOrBeforeThePlacementItRevokesIsOrderSafe() {
        Disputing as = new Disputing(port);
        Resolved early = resolved(as, "10.00");
        Resolved late = resolved(as, "5.00");
        String wrong = UUID.randomUUID().toString();
        String redrafted = UUID.randomUUID().toString();
        Instant drafted = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(120);
        Instant discardedAt = drafted.plusSeconds(60);
        // the next draft's placement of the one arrives before the discard of the statement that carried it first
        settlement.send(Topics.SETTLEMENT_EVENTS, placed(as, early, wrong, 1, drafted));
        settlement.send(Topics.SETTLEMENT_EVENTS, placed(as, early, redrafted, 1, discardedAt.plusSeconds(30)));
        await().atMost(SettlementFixtures.PATIENCE).until(() -> redrafted.equals(ticket(as.finance, early.id)
                .path("adjustmentSettlement").path("documentId").asString()));

        StatementDiscarded discard = discarded(as, wrong, discardedAt, early.adjustment, late.adjustment);
        settlement.send(Topics.SETTLEMENT_EVENTS, discard);
        settlement.send(Topics.SETTLEMENT_EVENTS, discard, UUID.randomUUID());
        // the other's placement on the discarded statement arrives after the discard
        settlement.send(Topics.SETTLEMENT_EVENTS, placed(as, late, wrong, 2, drafted));

        await().atMost(SettlementFixtures.PATIENCE).until(() -> "PENDING".equals(ticket(as.finance, late.id)
                .path("adjustmentSettlement").path("status").asString()));
        JsonNode revoked = ticket(as.finance, late.id).path("adjustmentSettlement");
        assertThat(revoked.path("adjustmentId").asString()).isEqualTo(late.adjustment);
        assertThat(revoked.path("documentId").isMissingNode()).isTrue();
        // the discard was consumed (it revoked the other's placement): the later placement still stands
        JsonNode kept = ticket(as.finance, early.id).path("adjustmentSettlement");
        assertThat(kept.path("status").asString()).isEqualTo("PLACED_ON_DRAFT");
        assertThat(kept.path("documentId").asString()).isEqualTo(redrafted);
        assertThat(kept.path("lineId").asString()).isEqualTo(redrafted + "-1");
    }

    private Resolved resolved(Disputing as, String amount) {
        String statement = settlement.issue(as.partnerId, "1000.00", Instant.now().minus(5, ChronoUnit.DAYS));
        String id = as.open(statement, amount);
        as.step(as.finance, id, "review", null);
        as.step(as.finance, id, "proposal", Disputing.proposal(amount));
        return new Resolved(id, as.step(as.partner, id, "acceptance", null).json().path("adjustmentId").asString());
    }

    private static DisputeAdjustmentSettled placed(Disputing as, Resolved dispute, String statement, int line,
                                                   Instant at) {
        return new DisputeAdjustmentSettled(UUID.randomUUID(), at, dispute.id, dispute.adjustment, as.partnerId,
                "STATEMENT_LINE", statement, statement + "-" + line, "10.00", "EUR");
    }

    private static StatementDiscarded discarded(Disputing as, String statement, Instant at, String... adjustments) {
        return new StatementDiscarded(UUID.randomUUID(), at, statement, as.partnerId, UUID.randomUUID().toString(),
                "REVENUE_SHARE_STATEMENT", "fiona", at, "drafted before the dispute was resolved",
                List.of(adjustments));
    }

    private record Resolved(String id, String adjustment) {
    }

    private static JsonNode ticket(TestHttp as, String id) {
        return as.get(Disputing.TICKETS + "/" + id).json();
    }
}
