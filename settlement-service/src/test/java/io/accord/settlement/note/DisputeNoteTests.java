package io.accord.settlement.note;

import io.accord.contracts.Roles;
import io.accord.contracts.Topics;
import io.accord.contracts.events.DisputeAdjustmentSettled;
import io.accord.contracts.events.DisputeResolved;
import io.accord.contracts.events.StatementIssued;
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
import io.accord.testsupport.TestKafka;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Where a resolved dispute's adjustment is settled (issue 12): by default a labelled line of the partner's next
 * statement; with the partner's setting {@code NOTE}, at once a credit note (credit) or debit note (debit) correcting
 * the disputed statement, approved four-eyes and issued like any note. Either way {@code DisputeAdjustmentSettled}
 * names the document line, and the adjustments API shows it.
 */
@AccordServiceTest
class DisputeNoteTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    private final StatementFixtures statements;
    private final DisputeAdjustments adjustments;
    private final Statements statementService;
    private final SettlementPeriods periods;
    private final UsageSums sums;
    private final Clock clock;

    DisputeNoteTests(StatementFixtures statementFixtures, SettlementPeriods periods, UsageSums sums,
                     Statements statements, Clock clock, DisputeAdjustments adjustments) {
        this.statements = statementFixtures;
        this.adjustments = adjustments;
        this.statementService = statements;
        this.periods = periods;
        this.sums = sums;
        this.clock = clock;
    }

    @Test
    void byDefaultTheNextStatementCarriesTheAdjustmentOnALineNamingTheDisputeAndTheDisputeLearnsTheLine() {
        String partner = statements.partner();
        String dispute = "dsp-" + UUID.randomUUID();
        String adjustment = "adj-" + UUID.randomUUID();
        TestHttp finance = finance("fiona");
        assertThat(finance.get(setting(partner)).json().path("settleBy").asString()).isEqualTo("NEXT_STATEMENT");

        DomainEvents.send(Topics.DISPUTE_EVENTS, resolved(dispute, partner, adjustment, null, "12.345",
                "CREDIT_PARTNER"), null);
        await().atMost(PATIENCE).until(() -> adjustments.ofPartner(UUID.fromString(partner)).size() == 1);
        Statements.View drafted = statements.drafted(partner, "20.00");

        int number = 1 + drafted.lines().indexOf(drafted.lines().stream()
                .filter(line -> "DISPUTE_ADJUSTMENT".equals(line.type())).findFirst().orElseThrow());
        assertThat(drafted.lines().get(number - 1).label()).contains("Dispute " + dispute);
        DisputeAdjustments.Adjustment carried = adjustments.ofPartner(UUID.fromString(partner)).getFirst();
        assertThat(carried.statementId()).isEqualTo(drafted.id());
        assertThat(carried.noteId()).isNull();
        assertThat(carried.settledLineId()).isEqualTo(drafted.lineId(number));
        DisputeAdjustmentSettled settled = settledEvent(dispute);
        assertThat(settled.settledOn()).isEqualTo("STATEMENT_LINE");
        assertThat(settled.documentId()).isEqualTo(drafted.id().toString());
        assertThat(settled.lineId()).isEqualTo(drafted.lineId(number));
        assertThat(settled.amount()).isEqualTo("12.34");
        assertThat(settled.adjustmentId()).isEqualTo(adjustment);
        JsonNode listed = finance.get("/api/settlement/adjustments?partnerId=" + partner).json().get(0);
        assertThat(listed.path("settledLineId").asString()).isEqualTo(drafted.lineId(number));
    }

    @Test
    void anAdjustmentSplitByStatementLineIsBookedAsOneLinePerDisputedLineSummingExactly() {
        String partner = statements.partner();
        String disputed = UUID.randomUUID().toString();
        String dispute = "dsp-" + UUID.randomUUID();
        String adjustment = "adj-" + UUID.randomUUID();

        // 3.335 + 6.670 = 10.005: each share rounded alone makes 3.34 + 6.67 = 10.01, one cent more than 10.00
        DomainEvents.send(Topics.DISPUTE_EVENTS, split(dispute, partner, adjustment, disputed, "10.005",
                "CREDIT_PARTNER", disputed + "-1", "3.335", disputed + "-2", "6.670"), null);
        await().atMost(PATIENCE).until(() -> adjustments.ofPartner(UUID.fromString(partner)).size() == 1);
        Statements.View drafted = statements.drafted(partner, "20.00");

        List<Statements.Line> booked = drafted.lines().stream()
                .filter(line -> "DISPUTE_ADJUSTMENT".equals(line.type())).toList();
        assertThat(booked).extracting(Statements.Line::label).satisfiesExactly(
                label -> assertThat(label).contains("Dispute " + dispute, "statement line " + disputed + "-1"),
                label -> assertThat(label).contains("Dispute " + dispute, "statement line " + disputed + "-2"));
        assertThat(booked).extracting(line -> line.rounded().stripTrailingZeros().toPlainString())
                .containsExactly("3.34", "6.66");
        int first = 1 + drafted.lines().indexOf(booked.getFirst());
        DisputeAdjustments.Adjustment carried = adjustments.ofPartner(UUID.fromString(partner)).getFirst();
        assertThat(carried.statementId()).isEqualTo(drafted.id());
        assertThat(carried.settledLineId()).isEqualTo(drafted.lineId(first));
        assertThat(carried.lines()).extracting(DisputeAdjustments.Line::statementLineId)
                .containsExactly(disputed + "-1", disputed + "-2");
        DisputeAdjustmentSettled settled = settledEvent(dispute);
        assertThat(settled.amount()).isEqualTo("10.00");
        assertThat(settled.lineId()).isEqualTo(drafted.lineId(first));
        assertThat(settled.lines()).as("every line it is settled on").containsExactly(
                new DisputeAdjustmentSettled.Line(drafted.lineId(first), disputed + "-1", "3.34"),
                new DisputeAdjustmentSettled.Line(drafted.lineId(first + 1), disputed + "-2", "6.66"));
        JsonNode listed = finance("fiona").get("/api/settlement/adjustments?partnerId=" + partner).json().get(0);
        assertThat(listed.path("settledLineId").asString()).as("the first line, as before")
                .isEqualTo(drafted.lineId(first));
        assertThat(listed.path("settledLines").valueStream().map(line -> List.of(line.path("lineId").asString(),
                line.path("statementLineId").asString(), line.path("amount").asString(),
                line.path("currency").asString()))).as("every line it is settled on, summing to 10.00").containsExactly(
                List.of(drafted.lineId(first), disputed + "-1", "3.34", "EUR"),
                List.of(drafted.lineId(first + 1), disputed + "-2", "6.66", "EUR"));
        assertThat(listed.path("settledLines").get(0).path("sourceAmount").isNull()).isTrue();

        // the same event again books nothing more; shares not summing to the amount are poison
        DomainEvents.send(Topics.DISPUTE_EVENTS, split(dispute, partner, adjustment, disputed, "10.005",
                "CREDIT_PARTNER", disputed + "-1", "3.335", disputed + "-2", "6.670"), null);
        String bad = "dsp-" + UUID.randomUUID();
        DomainEvents.send(Topics.DISPUTE_EVENTS, split(bad, partner, "adj-" + UUID.randomUUID(), disputed, "10.00",
                "CREDIT_PARTNER", disputed + "-1", "3.00", disputed + "-2", "6.00"), null);
        TestKafka.awaitRecords(Topics.deadLetter(Topics.DISPUTE_EVENTS), record -> bad.equals(record.key()), 1,
                Duration.ofSeconds(90));
        assertThat(adjustments.ofPartner(UUID.fromString(partner))).singleElement()
                .satisfies(only -> assertThat(only.lines()).hasSize(2));
    }

    @Test
    void aSplitAdjustmentInAnotherCurrencyIsConvertedOnceAndItsLinesSumToTheConvertedAmount() {
        String partner = statements.partner();
        String disputed = UUID.randomUUID().toString();
        String dispute = "dsp-" + UUID.randomUUID();
        SettlementPeriods.Period period = periods.periodFor(UUID.fromString(partner),
                clock.instant().minus(Duration.ofDays(40))).orElseThrow().period();
        TestHttp.Response loaded = finance("fiona").post("/api/settlement/fx-rates", """
                {"baseCurrency":"NOK","quoteCurrency":"EUR","rate":"0.0853","validFrom":"%s"}
                """.formatted(period.startAt()));
        assertThat(loaded.status()).as(loaded.body()).isEqualTo(201);
        String rateId = loaded.json().path("id").asString();
        TestHttp.Response confirmed = finance("fred").post("/api/settlement/fx-rates/" + rateId + "/confirmation",
                "");
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);

        // 100.00 NOK at 0.0853 is 8.53 EUR; each 50.00 NOK converted alone is 4.265, 4.26 rounded: 8.52 together
        DomainEvents.send(Topics.DISPUTE_EVENTS, split(dispute, partner, "adj-" + UUID.randomUUID(), disputed,
                "100.00", "NOK", "CREDIT_PARTNER", disputed + "-1", "50.00", disputed + "-2", "50.00"), null);
        await().atMost(PATIENCE).until(() -> adjustments.ofPartner(UUID.fromString(partner)).size() == 1);
        Statements.View drafted = statements.drafted(partner, "20.00");

        List<Statements.Line> booked = drafted.lines().stream()
                .filter(line -> "DISPUTE_ADJUSTMENT".equals(line.type())).toList();
        assertThat(booked).extracting(line -> line.rounded().stripTrailingZeros().toPlainString())
                .containsExactly("4.26", "4.27");
        assertThat(booked).allSatisfy(line -> {
            assertThat(line.sourceAmount()).isEqualByComparingTo("50.00");
            assertThat(line.sourceCurrency()).isEqualTo("NOK");
            assertThat(line.fxRate()).isEqualByComparingTo("0.0853");
            assertThat(line.fxRateId()).hasToString(rateId);
        });
        int first = 1 + drafted.lines().indexOf(booked.getFirst());
        DisputeAdjustmentSettled settled = settledEvent(dispute);
        assertThat(settled.amount()).isEqualTo("8.53");
        assertThat(settled.currency()).isEqualTo("EUR");
        assertThat(settled.lineId()).isEqualTo(drafted.lineId(first));
        assertThat(settled.lines()).containsExactly(
                new DisputeAdjustmentSettled.Line(drafted.lineId(first), disputed + "-1", "4.26"),
                new DisputeAdjustmentSettled.Line(drafted.lineId(first + 1), disputed + "-2", "4.27"));
        JsonNode listed = finance("fiona").get("/api/settlement/adjustments?partnerId=" + partner).json().get(0);
        assertThat(listed.path("amount").asString()).isEqualTo("100.00");
        assertThat(listed.path("settledLines").valueStream().map(line -> List.of(line.path("lineId").asString(),
                line.path("statementLineId").asString(), line.path("amount").asString(),
                line.path("currency").asString(), line.path("sourceAmount").asString(),
                line.path("sourceCurrency").asString(), line.path("fxRate").asString(),
                line.path("fxRateId").asString()))).as("each line with its NOK share and the rate").containsExactly(
                List.of(drafted.lineId(first), disputed + "-1", "4.26", "EUR", "50.00", "NOK", "0.0853", rateId),
                List.of(drafted.lineId(first + 1), disputed + "-2", "4.27", "EUR", "50.00", "NOK", "0.0853",
                        rateId));
    }

    @Test
    void withTheNoteSettingASplitAdjustmentBecomesANoteCorrectingEachDisputedLine() {
        String partner = statements.partner();
        Statements.View issued = statements.issued(partner, "20.00", "30.00");
        assertThat(finance("fiona").put(setting(partner), "{\"settleBy\": \"NOTE\"}").status()).isEqualTo(200);
        String dispute = "dsp-" + UUID.randomUUID();

        DomainEvents.send(Topics.DISPUTE_EVENTS, split(dispute, partner, "adj-" + UUID.randomUUID(),
                issued.id().toString(), "4.005", "CREDIT_PARTNER", issued.lineId(2), "1.335", issued.lineId(1),
                "2.670"), null);

        await().atMost(PATIENCE).until(() -> !adjustments.ofPartner(UUID.fromString(partner)).isEmpty()
                && !adjustments.ofPartner(UUID.fromString(partner)).getFirst().pending());
        UUID note = adjustments.ofPartner(UUID.fromString(partner)).getFirst().noteId();
        assertThat(note).isNotNull();
        JsonNode drafted = finance("fiona").get("/api/settlement/notes/" + note).json();
        assertThat(drafted.path("netAmount").decimalValue()).isEqualByComparingTo("4.00");
        assertThat(drafted.path("lines").valueStream().map(line -> line.path("statementLineNumber").asInt()))
                .containsExactly(2, 1);
        assertThat(drafted.path("lines").valueStream().map(line -> line.path("amount").decimalValue()
                .stripTrailingZeros().toPlainString())).containsExactly("1.34", "2.66");
        DisputeAdjustmentSettled settled = settledEvent(dispute);
        assertThat(settled.amount()).isEqualTo("4.00");
        assertThat(settled.lines()).as("each note line with the statement line it corrects").containsExactly(
                new DisputeAdjustmentSettled.Line(note + "-1", issued.lineId(2), "1.34"),
                new DisputeAdjustmentSettled.Line(note + "-2", issued.lineId(1), "2.66"));
        JsonNode listed = finance("fiona").get("/api/settlement/adjustments?partnerId=" + partner).json().get(0);
        assertThat(listed.path("settledLines").valueStream().map(line -> List.of(line.path("lineId").asString(),
                line.path("statementLineId").asString(), line.path("amount").asString()))).containsExactly(
                List.of(note + "-1", issued.lineId(2), "1.34"), List.of(note + "-2", issued.lineId(1), "2.66"));
    }

    @Test
    void withTheNoteSettingACreditBecomesACreditNoteAtOnceThatFinanceApprovesFourEyesAndIssues() {
        String partner = statements.partner();
        Statements.View issued = statements.issued(partner, "20.00");
        TestHttp finance = finance("fiona");
        TestHttp.Response set = finance.put(setting(partner), "{\"settleBy\": \"NOTE\"}");
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        assertThat(set.json().path("settleBy").asString()).isEqualTo("NOTE");
        String dispute = "dsp-" + UUID.randomUUID();

        DomainEvents.send(Topics.DISPUTE_EVENTS, resolved(dispute, partner, "adj-" + UUID.randomUUID(),
                issued.id().toString(), "2.505", "CREDIT_PARTNER"), null);

        await().atMost(PATIENCE).until(() -> !adjustments.ofPartner(UUID.fromString(partner)).isEmpty()
                && !adjustments.ofPartner(UUID.fromString(partner)).getFirst().pending());
        DisputeAdjustments.Adjustment settledAdjustment = adjustments.ofPartner(UUID.fromString(partner)).getFirst();
        assertThat(settledAdjustment.statementId()).isNull();
        UUID note = settledAdjustment.noteId();
        assertThat(note).isNotNull();
        assertThat(settledAdjustment.settledLineId()).isEqualTo(note + "-1");
        JsonNode drafted = finance.get("/api/settlement/notes/" + note).json();
        assertThat(drafted.path("type").asString()).isEqualTo("CREDIT_NOTE");
        assertThat(drafted.path("state").asString()).isEqualTo("DRAFT");
        assertThat(drafted.path("statementId").asString()).isEqualTo(issued.id().toString());
        assertThat(drafted.path("preparedBy").asString()).isEqualTo("system");
        assertThat(drafted.path("netAmount").decimalValue()).isEqualByComparingTo("2.50");
        assertThat(drafted.path("lines").get(0).path("label").asString()).contains("Dispute " + dispute);
        DisputeAdjustmentSettled settled = settledEvent(dispute);
        assertThat(settled.settledOn()).isEqualTo("CREDIT_NOTE");
        assertThat(settled.documentId()).isEqualTo(note.toString());
        assertThat(settled.lineId()).isEqualTo(note + "-1");
        assertThat(settled.amount()).isEqualTo("2.50");

        assertThat(finance.post("/api/settlement/notes/" + note + "/issue", "").status()).isEqualTo(409);
        assertThat(finance.post("/api/settlement/notes/" + note + "/approval", "").status()).isEqualTo(200);
        TestHttp.Response issuing = finance("frank").post("/api/settlement/notes/" + note + "/issue", "");
        assertThat(issuing.status()).as(issuing.body()).isEqualTo(200);
        StatementIssued event = JSON.readValue(TestKafka.value(TestKafka.awaitRecords(Topics.SETTLEMENT_EVENTS,
                record -> note.toString().equals(record.key())
                        && "StatementIssued".equals(TestKafka.header(record, "ce_type")), 1, PATIENCE).getFirst()),
                StatementIssued.class);
        assertThat(event.documentType()).isEqualTo("CREDIT_NOTE");
        assertThat(event.lines().getFirst().lineId()).isEqualTo(settled.lineId());
        assertThat(statementService.find(issued.id()).orElseThrow().totalAmount())
                .isEqualByComparingTo(issued.totalAmount());
    }

    @Test
    void withTheNoteSettingADebitBecomesADebitNoteAndAnAdjustmentNamingNoIssuedStatementWaitsForTheNextOne() {
        String partner = statements.partner();
        Statements.View issued = statements.issued(partner, "20.00");
        assertThat(finance("fiona").put(setting(partner), "{\"settleBy\": \"NOTE\"}").status()).isEqualTo(200);
        String debit = "dsp-" + UUID.randomUUID();
        String orphan = "dsp-" + UUID.randomUUID();

        DomainEvents.send(Topics.DISPUTE_EVENTS, resolved(debit, partner, "adj-" + UUID.randomUUID(),
                issued.id().toString(), "1.00", "DEBIT_PARTNER"), null);
        DomainEvents.send(Topics.DISPUTE_EVENTS, resolved(orphan, partner, "adj-" + UUID.randomUUID(), null,
                "3.00", "CREDIT_PARTNER"), null);

        await().atMost(PATIENCE).until(() -> adjustments.ofPartner(UUID.fromString(partner)).size() == 2
                && adjustments.ofPartner(UUID.fromString(partner)).stream().anyMatch(a -> a.noteId() != null));
        DisputeAdjustments.Adjustment noted = adjustments.ofPartner(UUID.fromString(partner)).stream()
                .filter(adjustment -> adjustment.disputeId().equals(debit)).findFirst().orElseThrow();
        JsonNode note = finance("fiona").get("/api/settlement/notes/" + noted.noteId()).json();
        assertThat(note.path("type").asString()).isEqualTo("DEBIT_NOTE");
        assertThat(note.path("direction").asString()).isEqualTo("RECEIVABLE");
        assertThat(settledEvent(debit).amount()).isEqualTo("-1.00");
        assertThat(adjustments.ofPartner(UUID.fromString(partner))).filteredOn(a -> a.disputeId().equals(orphan))
                .singleElement().satisfies(adjustment -> assertThat(adjustment.pending()).isTrue());
    }

    @Test
    void whoProposedTheDisputeCreditCannotApproveItsNoteNorWithdrawIt() {
        String partner = statements.partner();
        Statements.View issued = statements.issued(partner, "20.00");
        assertThat(finance("fiona").put(setting(partner), "{\"settleBy\": \"NOTE\"}").status()).isEqualTo(200);
        String dispute = "dsp-" + UUID.randomUUID();

        // fiona proposed the resolution the partner accepted: DisputeResolved.resolvedBy
        DomainEvents.send(Topics.DISPUTE_EVENTS, resolved(dispute, partner, "adj-" + UUID.randomUUID(),
                issued.id().toString(), "2.00", "CREDIT_PARTNER", "fiona"), null);
        await().atMost(PATIENCE).until(() -> !adjustments.ofPartner(UUID.fromString(partner)).isEmpty()
                && !adjustments.ofPartner(UUID.fromString(partner)).getFirst().pending());
        DisputeAdjustments.Adjustment settled = adjustments.ofPartner(UUID.fromString(partner)).getFirst();
        assertThat(settled.resolvedBy()).isEqualTo("fiona");
        String note = "/api/settlement/notes/" + settled.noteId();
        assertThat(finance("frank").get(note).json().path("proposedBy").asString()).isEqualTo("fiona");

        TestHttp.Response refused = finance("fiona").post(note + "/approval", "");

        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.body()).contains("four-eyes", "fiona");
        assertThat(finance("frank").get(note).json().path("state").asString()).isEqualTo("DRAFT");
        TestHttp.Response withdrawal = finance("frank").post(note + "/withdrawal", "{\"reason\": \"not ours\"}");
        assertThat(withdrawal.status()).as(withdrawal.body()).isEqualTo(409);
        assertThat(withdrawal.body()).contains(dispute);
        TestHttp.Response approved = finance("frank").post(note + "/approval", "");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().path("approvedBy").asString()).isEqualTo("frank");
    }

    @Test
    void whoProposedADisputeCreditCarriedOnTheNextStatementCannotApproveThatStatement() {
        String partner = statements.partner();
        String dispute = "dsp-" + UUID.randomUUID();
        // NEXT_STATEMENT (the default): fiona's proposal becomes a line of the partner's next statement
        DomainEvents.send(Topics.DISPUTE_EVENTS, resolved(dispute, partner, "adj-" + UUID.randomUUID(), null,
                "3.00", "CREDIT_PARTNER", "fiona"), null);
        await().atMost(PATIENCE).until(() -> adjustments.ofPartner(UUID.fromString(partner)).size() == 1);
        Statements.View drafted = statements.drafted(partner, "20.00");
        assertThat(drafted.lines()).anyMatch(line -> "DISPUTE_ADJUSTMENT".equals(line.type()));
        String statement = "/api/settlement/statements/" + drafted.id();

        TestHttp.Response refused = finance("fiona").post(statement + "/approval", "");

        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.body()).contains("carries a correction proposed by fiona", "four-eyes");
        assertThat(finance("frank").get(statement).json().path("state").asString()).isEqualTo("DRAFT");
        TestHttp.Response approved = finance("frank").post(statement + "/approval", "");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().path("approvedBy").asString()).isEqualTo("frank");
    }

    @Test
    void aDisputeCreditBeyondWhatTheStatementMayStillBeCreditedWaitsForTheNextStatement() {
        String partner = statements.partner();
        Statements.View issued = statements.issued(partner, "20.00"); // total 11.90
        assertThat(finance("fiona").put(setting(partner), "{\"settleBy\": \"NOTE\"}").status()).isEqualTo(200);
        String beyond = "dsp-" + UUID.randomUUID();
        String within = "dsp-" + UUID.randomUUID();

        DomainEvents.send(Topics.DISPUTE_EVENTS, resolved(beyond, partner, "adj-" + UUID.randomUUID(),
                issued.id().toString(), "50.00", "CREDIT_PARTNER"), null);
        DomainEvents.send(Topics.DISPUTE_EVENTS, resolved(within, partner, "adj-" + UUID.randomUUID(),
                issued.id().toString(), "1.00", "CREDIT_PARTNER"), null);

        await().atMost(PATIENCE).until(() -> adjustments.ofPartner(UUID.fromString(partner)).size() == 2
                && adjustments.ofPartner(UUID.fromString(partner)).stream().anyMatch(a -> a.noteId() != null));
        assertThat(adjustments.ofPartner(UUID.fromString(partner))).filteredOn(a -> a.disputeId().equals(beyond))
                .singleElement().satisfies(adjustment -> assertThat(adjustment.pending()).isTrue());
        assertThat(adjustments.ofPartner(UUID.fromString(partner))).filteredOn(a -> a.disputeId().equals(within))
                .singleElement().satisfies(adjustment -> assertThat(adjustment.noteId()).isNotNull());
    }

    /**
     * The finance review: line 1 −595.83, a dispute credit of 31.79 about that statement carried on the next
     * statement, then a credit note for all 595.83 of line 1 was accepted: the line was credited 627.62.
     */
    @Test
    void aDisputeCreditCarriedOnALaterStatementTakesFromWhatNotesMayStillCreditOnTheStatementItCorrects() {
        String partner = statements.partner();
        UUID partnerId = UUID.fromString(partner);
        Instant usage = clock.instant().minus(Duration.ofDays(70));
        UUID period = periods.periodFor(partnerId, usage).orElseThrow().period().id();
        RatedUsageEvents.send(RatedUsageEvents.rated("off-wholesale", usage).allocation("RESELL").charge("595.83")
                .wholesale(partner).build());
        await().atMost(PATIENCE).until(() -> sums.ofPeriod(period).size() == 1);
        periods.startClosing(period);
        Statements.View corrected = statementService.issue(statementService.approve(
                statementService.draft(partnerId, period, "finance").id(), "finance-b").id());
        assertThat(corrected.lines().getFirst().rounded()).isEqualByComparingTo("-595.83");
        String dispute = "dsp-" + UUID.randomUUID();
        DomainEvents.send(Topics.DISPUTE_EVENTS, resolved(dispute, partner, "adj-" + UUID.randomUUID(),
                corrected.id().toString(), "31.79", "CREDIT_PARTNER"), null);
        await().atMost(PATIENCE).until(() -> adjustments.ofPartner(partnerId).size() == 1);
        Statements.View next = statements.drafted(partner, "20.00");
        assertThat(adjustments.ofPartner(partnerId).getFirst().statementId()).isEqualTo(next.id());

        TestHttp fiona = finance("fiona");
        String notes = "/api/settlement/statements/" + corrected.id() + "/notes";
        TestHttp.Response full = fiona.post(notes, """
                {"type": "CREDIT_NOTE", "reason": "line 1 wrong",
                 "lines": [{"label": "Line 1", "amount": "595.83", "statementLineNumber": 1}]}""");
        assertThat(full.status()).as(full.body()).isEqualTo(422);
        assertThat(full.json().path("field").asString()).isEqualTo("lines[0].amount");
        assertThat(full.json().path("takenAmount").asString()).isEqualTo("31.79");
        assertThat(full.json().path("remainingAmount").asString()).isEqualTo("564.04");
        assertThat(full.json().path("earlierAdjustments").get(0).path("disputeId").asString()).isEqualTo(dispute);
        assertThat(full.json().path("detail").asString()).contains(dispute, "564.04 EUR remains");

        TestHttp.Response rest = fiona.post(notes, """
                {"type": "CREDIT_NOTE", "reason": "line 1 wrong",
                 "lines": [{"label": "Line 1", "amount": "564.04", "statementLineNumber": 1}]}""");
        assertThat(rest.status()).as(rest.body()).isEqualTo(201);
    }

    @Test
    void onlyFinanceChangesTheSettingAndABadModeIsA400NamingTheField() {
        String partner = UUID.randomUUID().toString();
        TestHttp.Response bad = finance("fiona").put(setting(partner), "{\"settleBy\": \"LATER\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("settleBy");
        TestHttp own = TestHttp.localPort(port).as(TestJwt.partner("pat", partner, Roles.PARTNER_ADMIN));
        assertThat(own.put(setting(partner), "{\"settleBy\": \"NOTE\"}").status()).isEqualTo(403);
        assertThat(own.get(setting(partner)).json().path("settleBy").asString()).isEqualTo("NEXT_STATEMENT");
        TestHttp other = TestHttp.localPort(port).as(TestJwt.partner("olga", UUID.randomUUID().toString(),
                Roles.PARTNER_ADMIN));
        assertThat(other.get(setting(partner)).status()).isEqualTo(404);
        assertThat(adjustments.settleBy(UUID.fromString(partner)))
                .isEqualTo(DisputeAdjustments.SettleBy.NEXT_STATEMENT);
    }

    @Test
    void badFiltersAndSettingsAreProblemsNamingTheParameterNever500() {
        String partner = statements.partner();
        TestHttp finance = finance("fiona");
        String list = "/api/settlement/adjustments?partnerId=";
        String body = "{\"settleBy\": \"NOTE\"}";
        // what each refused request must name
        List<java.util.Map.Entry<String, TestHttp.Response>> refused = List.of(
                java.util.Map.entry("partnerId", finance.get(list + "nope")),
                java.util.Map.entry("partnerId", finance.get("/api/settlement/adjustments")),
                java.util.Map.entry("offset", finance.get(list + partner + "&offset=first")),
                java.util.Map.entry("offset", finance.get(list + partner + "&offset=-1")),
                java.util.Map.entry("limit", finance.get(list + partner + "&limit=0")),
                java.util.Map.entry("partnerId", finance.put("/api/settlement/adjustment-settings/nope", body)),
                java.util.Map.entry("settleBy", finance.put(setting(partner), "{\"settleBy\": \"\"}")),
                java.util.Map.entry("request body", finance.put(setting(partner), "{\"settleBy\": ")));

        assertThat(refused).allSatisfy(entry -> {
            TestHttp.Response response = entry.getValue();
            assertThat(response.status()).as(entry.getKey() + ": " + response.body()).isEqualTo(400);
            assertThat(response.contentType()).as(entry.getKey()).startsWith("application/problem+json");
            assertThat(response.body()).as(entry.getKey()).contains(entry.getKey());
        });
    }

    private TestHttp finance(String user) {
        return TestHttp.localPort(port).as(TestJwt.staff(user, Roles.FINANCE));
    }

    private static String setting(String partner) {
        return "/api/settlement/adjustment-settings/" + partner;
    }

    private static DisputeAdjustmentSettled settledEvent(String dispute) {
        return JSON.readValue(TestKafka.value(TestKafka.awaitRecords(Topics.SETTLEMENT_EVENTS,
                record -> dispute.equals(record.key())
                        && "DisputeAdjustmentSettled".equals(TestKafka.header(record, "ce_type")), 1, PATIENCE)
                .getFirst()), DisputeAdjustmentSettled.class);
    }

    /** A resolution split across two statement lines, each with its share of {@code amount}. */
    private static DisputeResolved split(String dispute, String partner, String adjustmentId, String statementId,
                                         String amount, String direction, String firstLine, String firstShare,
                                         String secondLine, String secondShare) {
        return split(dispute, partner, adjustmentId, statementId, amount, "EUR", direction, firstLine, firstShare,
                secondLine, secondShare);
    }

    private static DisputeResolved split(String dispute, String partner, String adjustmentId, String statementId,
                                         String amount, String currency, String direction, String firstLine,
                                         String firstShare, String secondLine, String secondShare) {
        return new DisputeResolved(UUID.randomUUID(), Instant.now(), dispute, partner, "PARTIALLY_ACCEPTED", "pat",
                Instant.now(), "accepted in part", new DisputeResolved.Adjustment(adjustmentId, null, statementId,
                amount, currency, direction, "minutes missing", List.of(
                        new DisputeResolved.Line(firstLine, "20.00", firstShare),
                        new DisputeResolved.Line(secondLine, "20.00", secondShare))));
    }

    private static DisputeResolved resolved(String dispute, String partner, String adjustmentId, String statementId,
                                            String amount, String direction) {
        return resolved(dispute, partner, adjustmentId, statementId, amount, direction, "pat");
    }

    private static DisputeResolved resolved(String dispute, String partner, String adjustmentId, String statementId,
                                            String amount, String direction, String resolvedBy) {
        return new DisputeResolved(UUID.randomUUID(), Instant.now(), dispute, partner, "ACCEPTED", resolvedBy,
                Instant.now(), "accepted", new DisputeResolved.Adjustment(adjustmentId, null, statementId, amount,
                "EUR", direction, "minutes missing"));
    }
}
