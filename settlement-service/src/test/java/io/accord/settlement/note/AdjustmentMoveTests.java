package io.accord.settlement.note;

import io.accord.contracts.Roles;
import io.accord.contracts.Topics;
import io.accord.contracts.events.DisputeResolved;
import io.accord.settlement.StatementFixtures;
import io.accord.settlement.adjustment.DisputeAdjustments;
import io.accord.settlement.period.SettlementPeriods;
import io.accord.settlement.statement.Statements;
import io.accord.settlement.usage.UsageSums;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.DomainEvents;
import io.accord.testsupport.RatedUsageEvents;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestJwt;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Four-eyes without a deadlock (found on 2026-12-07): with two finance users who each proposed a dispute correction
 * the partner's next statement carries, neither may approve it. The statement says so in its {@code warnings}, and
 * finance moves one correction onto its own note: the period is drafted again without it, approved by the user who
 * proposed none of what remains, and the note by someone other than its proposer.
 */
@AccordServiceTest
class AdjustmentMoveTests {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    private final StatementFixtures fixtures;
    private final SettlementPeriods periods;
    private final UsageSums sums;
    private final Statements statements;
    private final DisputeAdjustments adjustments;
    private final Clock clock;

    AdjustmentMoveTests(StatementFixtures statementFixtures, SettlementPeriods periods, UsageSums sums,
                        Statements statements, Clock clock, DisputeAdjustments adjustments) {
        this.fixtures = statementFixtures;
        this.periods = periods;
        this.sums = sums;
        this.statements = statements;
        this.adjustments = adjustments;
        this.clock = clock;
    }

    @Test
    void twoFinanceUsersWhoEachProposedACorrectionResolveTheDeadlockByMovingOneOntoItsOwnNote() {
        String partner = fixtures.partner();
        Statements.View disputed = issuedStatement(partner, 100, "200.00"); // total 119.00
        String credit = "adj-" + UUID.randomUUID();
        String debit = "adj-" + UUID.randomUUID();
        String creditDispute = "dsp-" + UUID.randomUUID();
        DomainEvents.send(Topics.DISPUTE_EVENTS, resolved(creditDispute, partner, credit, disputed.id(), "40.00",
                "CREDIT_PARTNER", "finance-b"), null);
        DomainEvents.send(Topics.DISPUTE_EVENTS, resolved("dsp-" + UUID.randomUUID(), partner, debit,
                disputed.id(), "3.33", "DEBIT_PARTNER", "finance"), null);
        await().atMost(PATIENCE).until(() -> adjustments.ofPartner(UUID.fromString(partner)).size() == 2);
        Statements.View draft = draft(partner, 40, "20.00");
        assertThat(draft.lines()).filteredOn(line -> "DISPUTE_ADJUSTMENT".equals(line.type()))
                .extracting(Statements.Line::rounded).usingElementComparator(BigDecimal::compareTo)
                .containsExactlyInAnyOrder(new BigDecimal("40.00"), new BigDecimal("-3.33"));
        String statement = "/api/settlement/statements/" + draft.id();

        // the deadlock: each finance user proposed one of its corrections, and platform-admin is no approver
        TestHttp.Response byFinance = finance("finance").post(statement + "/approval", "");
        assertThat(byFinance.status()).as(byFinance.body()).isEqualTo(409);
        assertThat(byFinance.body()).contains("carries a correction proposed by finance ");
        assertThat(finance("finance-b").post(statement + "/approval", "").status()).isEqualTo(409);
        assertThat(TestHttp.localPort(port).as(TestJwt.staff("ada", Roles.PLATFORM_ADMIN))
                .post(statement + "/approval", "").status()).isEqualTo(403);
        JsonNode warning = finance("finance").get(statement).json().path("warnings").get(0);
        assertThat(warning.path("code").asString()).isEqualTo("APPROVER_RESTRICTED");
        assertThat(warning.path("message").asString())
                .contains("approval needs a finance user other than finance, finance-b (proposed corrections)",
                        "/adjustments/{adjustmentId}/move");

        TestHttp.Response moved = finance("finance").post(statement + "/adjustments/" + credit + "/move",
                "{\"target\": \"NOTE\"}");

        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        JsonNode redrafted = moved.json().path("statement");
        UUID redraftedId = UUID.fromString(redrafted.path("id").asString());
        assertThat(redraftedId).isNotEqualTo(draft.id());
        assertThat(redrafted.path("state").asString()).isEqualTo("DRAFT");
        assertThat(redrafted.path("preparedBy").asString()).isEqualTo("system");
        assertThat(redrafted.path("netAmount").decimalValue())
                .isEqualByComparingTo(draft.netAmount().subtract(new BigDecimal("40.00")));
        assertThat(statements.find(redraftedId).orElseThrow().lines())
                .filteredOn(line -> "DISPUTE_ADJUSTMENT".equals(line.type())).singleElement()
                .satisfies(line -> assertThat(line.rounded()).isEqualByComparingTo("-3.33"));
        assertThat(redrafted.path("warnings").get(0).path("message").asString())
                .contains("other than finance (proposed corrections)").doesNotContain("finance-b");
        assertThat(finance("finance").get(statement).json().path("state").asString()).isEqualTo("DISCARDED");
        JsonNode note = moved.json().path("note");
        UUID noteId = UUID.fromString(note.path("id").asString());
        assertThat(note.path("type").asString()).isEqualTo("CREDIT_NOTE");
        assertThat(note.path("state").asString()).isEqualTo("DRAFT");
        assertThat(note.path("statementId").asString()).isEqualTo(disputed.id().toString());
        assertThat(note.path("preparedBy").asString()).isEqualTo("system");
        assertThat(note.path("proposedBy").asString()).isEqualTo("finance-b");
        assertThat(note.path("netAmount").decimalValue()).isEqualByComparingTo("40.00");
        assertThat(note.path("lines").get(0).path("label").asString()).contains(creditDispute);
        List<DisputeAdjustments.Adjustment> placed = adjustments.ofPartner(UUID.fromString(partner));
        assertThat(placed).filteredOn(adjustment -> adjustment.adjustmentId().equals(credit)).singleElement()
                .satisfies(adjustment -> {
                    assertThat(adjustment.noteId()).isEqualTo(noteId);
                    assertThat(adjustment.statementId()).isNull();
                });
        assertThat(placed).filteredOn(adjustment -> adjustment.adjustmentId().equals(debit)).singleElement()
                .satisfies(adjustment -> assertThat(adjustment.statementId()).isEqualTo(redraftedId));

        // the same move again, on the discarded draft: a concurrent change, refused
        assertThat(finance("finance-b").post(statement + "/adjustments/" + credit + "/move",
                "{\"target\": \"NOTE\"}").status()).isEqualTo(409);

        // four-eyes stays: finance-b proposed none of what remains; finance approves finance-b's credit
        String again = "/api/settlement/statements/" + redraftedId;
        assertThat(finance("finance").post(again + "/approval", "").status()).isEqualTo(409);
        TestHttp.Response approved = finance("finance-b").post(again + "/approval", "");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().path("warnings").isEmpty()).isTrue();
        String noteUrl = "/api/settlement/notes/" + noteId;
        TestHttp.Response noteByProposer = finance("finance-b").post(noteUrl + "/approval", "");
        assertThat(noteByProposer.status()).as(noteByProposer.body()).isEqualTo(409);
        assertThat(noteByProposer.body()).contains("proposed by finance-b");
        assertThat(finance("finance").post(noteUrl + "/approval", "").status()).isEqualTo(200);
        TestHttp.Response issued = finance("finance").post(noteUrl + "/issue", "");
        assertThat(issued.status()).as(issued.body()).isEqualTo(200);
        assertThat(statements.find(disputed.id()).orElseThrow().notesAmount()).isEqualByComparingTo(
                issued.json().path("totalAmount").decimalValue());
    }

    @Test
    void aCorrectionNoNoteCanSettleIsNotMovedAndNothingChanges() {
        String partner = fixtures.partner();
        String orphan = "adj-" + UUID.randomUUID();
        // it names no issued statement to correct: a note has nothing to correct
        DomainEvents.send(Topics.DISPUTE_EVENTS, resolved("dsp-" + UUID.randomUUID(), partner, orphan, null, "2.00",
                "CREDIT_PARTNER", "finance-b"), null);
        await().atMost(PATIENCE).until(() -> adjustments.ofPartner(UUID.fromString(partner)).size() == 1);
        Statements.View draft = draft(partner, 40, "20.00");
        String statement = "/api/settlement/statements/" + draft.id();

        TestHttp.Response refused = finance("finance").post(statement + "/adjustments/" + orphan + "/move",
                "{\"target\": \"NOTE\"}");

        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.body()).contains("names no issued statement", "nothing was changed");
        assertThat(statements.find(draft.id()).orElseThrow().state()).isEqualTo("DRAFT");
        assertThat(adjustments.ofPartner(UUID.fromString(partner)).getFirst().statementId()).isEqualTo(draft.id());
        assertThat(finance("finance").post(statement + "/adjustments/adj-unknown/move", "{\"target\": \"NOTE\"}")
                .status()).isEqualTo(404);
        TestHttp.Response bad = finance("finance").post(statement + "/adjustments/" + orphan + "/move",
                "{\"target\": \"LATER\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("target");
        assertThat(TestHttp.localPort(port).as(TestJwt.staff("ada", Roles.PLATFORM_ADMIN))
                .post(statement + "/adjustments/" + orphan + "/move", "{\"target\": \"NOTE\"}").status())
                .isEqualTo(403);
    }

    /** The partner's period {@code daysBack} ago, its usage summed, drafted by {@code system} as a run does. */
    private Statements.View draft(String partner, int daysBack, String charge) {
        UUID partnerId = UUID.fromString(partner);
        Instant usage = clock.instant().minus(Duration.ofDays(daysBack));
        UUID period = periods.periodFor(partnerId, usage).orElseThrow().period().id();
        RatedUsageEvents.send(RatedUsageEvents.rated("off-" + daysBack, usage).charge(charge).share(partner, "50")
                .build());
        await().atMost(PATIENCE).until(() -> sums.ofPeriod(period).size() == 1);
        periods.startClosing(period);
        return statements.draft(partnerId, period, "system");
    }

    private Statements.View issuedStatement(String partner, int daysBack, String charge) {
        Statements.View drafted = draft(partner, daysBack, charge);
        return statements.issue(statements.approve(drafted.id(), "finance").id());
    }

    private TestHttp finance(String user) {
        return TestHttp.localPort(port).as(TestJwt.staff(user, Roles.FINANCE));
    }

    private static DisputeResolved resolved(String dispute, String partner, String adjustmentId, UUID statementId,
                                            String amount, String direction, String resolvedBy) {
        return new DisputeResolved(UUID.randomUUID(), Instant.now(), dispute, partner, "ACCEPTED", resolvedBy,
                Instant.now(), "accepted", new DisputeResolved.Adjustment(adjustmentId, null,
                statementId == null ? null : statementId.toString(), amount, "EUR", direction, "minutes missing"));
    }
}
