package io.accord.settlement.statement;

import io.accord.contracts.Roles;
import io.accord.contracts.Topics;
import io.accord.contracts.events.DisputeResolved;
import io.accord.settlement.StatementFixtures;
import io.accord.settlement.adjustment.DisputeAdjustments;
import io.accord.settlement.period.SettlementPeriods;
import io.accord.settlement.product.PartnerProducts;
import io.accord.settlement.usage.UsageSums;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.DomainEvents;
import io.accord.testsupport.OrderEvents;
import io.accord.testsupport.RatedUsageEvents;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestJwt;
import io.accord.testsupport.TestKafka;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.accord.contracts.usage.UsageRated;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Finance discards a wrong draft: what drafting reserved is released (and {@code StatementDiscarded} names the dispute
 * adjustments), the next run drafts the period afresh from the data as it is then, the discarded statement stays for
 * the audit trail and is listed only when asked for.
 */
@AccordServiceTest
class StatementDiscardTests {

    private static final String PATH = "/api/settlement/statements/";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    private final StatementFixtures fixtures;
    private final Statements statements;
    private final SettlementPeriods periods;
    private final DisputeAdjustments adjustments;
    private final PartnerProducts products;
    private final Clock clock;
    private final JdbcClient jdbc;
    private final UsageSums sums;

    StatementDiscardTests(StatementFixtures statementFixtures, SettlementPeriods periods, UsageSums sums,
                          Statements statements, DisputeAdjustments adjustments, PartnerProducts products, Clock clock,
                          JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.sums = sums;
        this.products = products;
        this.fixtures = statementFixtures;
        this.statements = statements;
        this.periods = periods;
        this.adjustments = adjustments;
        this.clock = clock;
    }

    @Test
    void aDiscardedDraftReleasesItsAdjustmentsAndTheNextRunDraftsThePeriodAfreshWithWhatChangedSince() {
        String partner = fixtures.partner();
        UUID partnerId = UUID.fromString(partner);
        DisputeResolved credit = resolved(partner, "12.500000", "CREDIT_PARTNER");
        DomainEvents.send(Topics.DISPUTE_EVENTS, credit, null);
        await().atMost(StatementFixtures.PATIENCE).until(() -> adjustments.ofPartner(partnerId).size() == 1);
        Statements.View wrong = fixtures.drafted(partner, "20.00");
        periods.close(wrong.periodId());
        assertThat(wrong.netAmount()).isEqualByComparingTo("22.50");
        assertThat(adjustment(partnerId, credit).statementId()).isEqualTo(wrong.id());
        // resolved after the draft: the wrong draft cannot carry it
        DisputeResolved debit = resolved(partner, "3.000000", "DEBIT_PARTNER");
        DomainEvents.send(Topics.DISPUTE_EVENTS, debit, null);
        await().atMost(StatementFixtures.PATIENCE).until(() -> adjustments.ofPartner(partnerId).size() == 2);

        TestHttp.Response discarded = finance().post(PATH + wrong.id() + "/discard",
                StatementFixtures.example("statement-discard.json"));

        assertThat(discarded.status()).as(discarded.body()).isEqualTo(200);
        assertThat(discarded.json().path("state").asString()).isEqualTo("DISCARDED");
        assertThat(discarded.json().path("discardedBy").asString()).isEqualTo("fiona");
        assertThat(discarded.json().path("discardReason").asString()).startsWith("Drafted before dispute");
        assertThat(discarded.json().path("discardedAt").isNull()).isFalse();
        assertThat(adjustments.ofPartner(partnerId)).allSatisfy(adjustment -> {
            assertThat(adjustment.pending()).isTrue();
            assertThat(adjustment.settledLineId()).isNull();
            assertThat(adjustment.settledLines()).isEmpty();
        });
        assertThat(statements.ofPeriod(partnerId, wrong.periodId())).isEmpty();
        JsonNode event = JSON.readTree(TestKafka.value(TestKafka.awaitRecords(Topics.SETTLEMENT_EVENTS,
                record -> wrong.id().toString().equals(record.key())
                        && "StatementDiscarded".equals(TestKafka.header(record, "ce_type")), 1,
                Duration.ofSeconds(30)).getFirst()));
        assertThat(event.path("statementId").asString()).isEqualTo(wrong.id().toString());
        assertThat(event.path("partnerId").asString()).isEqualTo(partner);
        assertThat(event.path("periodId").asString()).isEqualTo(wrong.periodId().toString());
        assertThat(event.path("discardedBy").asString()).isEqualTo("fiona");
        assertThat(event.path("reason").asString()).startsWith("Drafted before dispute");
        assertThat(Instant.parse(event.path("discardedAt").asString()))
                .isEqualTo(Instant.parse(discarded.json().path("discardedAt").asString()));
        assertThat(event.path("releasedAdjustmentIds").valueStream().map(JsonNode::asString))
                .containsExactly(credit.adjustment().adjustmentId());

        JsonNode run = run(partner);

        assertThat(run.path("state").asString()).isEqualTo("COMPLETED");
        Statements.View redrafted = statements.ofPeriod(partnerId, wrong.periodId()).orElseThrow();
        assertThat(redrafted.id()).isNotEqualTo(wrong.id());
        assertThat(redrafted.state()).isEqualTo("DRAFT");
        assertThat(redrafted.lines()).filteredOn(line -> line.type().equals("DISPUTE_ADJUSTMENT"))
                .extracting(line -> line.rounded().stripTrailingZeros().toPlainString())
                .containsExactly("12.5", "-3");
        assertThat(redrafted.netAmount()).isEqualByComparingTo("19.50");
        assertThat(adjustments.ofPartner(partnerId)).extracting(DisputeAdjustments.Adjustment::statementId)
                .containsOnly(redrafted.id());
        // the new draft says what it replaces and what changed (newer less older), and the discarded one what replaced
        // it: net 19.50 − 22.50
        assertThat(redrafted.replacesStatementId()).isEqualTo(wrong.id());
        assertThat(redrafted.replacedByStatementId()).isNull();
        Statements.Difference change = redrafted.differenceFromReplaced();
        assertThat(change.netAmount()).isEqualByComparingTo("-3.00");
        assertThat(change.taxAmount()).isEqualByComparingTo(redrafted.taxAmount().subtract(wrong.taxAmount()));
        assertThat(change.totalAmount()).isEqualByComparingTo(redrafted.totalAmount().subtract(wrong.totalAmount()));
        JsonNode replaced = finance().get(PATH + wrong.id()).json();
        assertThat(replaced.path("replacedByStatementId").asString()).isEqualTo(redrafted.id().toString());
        assertThat(replaced.path("replacesStatementId").isNull()).isTrue();
        assertThat(replaced.path("differenceInReplacement").path("totalAmount").decimalValue())
                .isEqualByComparingTo(change.totalAmount());
        assertThat(finance().get(PATH + redrafted.id()).json().path("replacesStatementId").asString())
                .isEqualTo(wrong.id().toString());
        JsonNode drafted = JSON.readTree(TestKafka.value(TestKafka.awaitRecords(Topics.SETTLEMENT_EVENTS,
                record -> redrafted.id().toString().equals(record.key())
                        && "StatementDrafted".equals(TestKafka.header(record, "ce_type")), 1,
                Duration.ofSeconds(30)).getFirst()));
        assertThat(drafted.path("replacesStatementId").asString()).isEqualTo(wrong.id().toString());
        assertThat(drafted.path("netDifference").asString()).isEqualTo("-3.00");
        assertThat(drafted.path("taxDifference").asString())
                .isEqualTo(change.taxAmount().setScale(2, java.math.RoundingMode.UNNECESSARY).toPlainString());
        assertThat(drafted.path("totalDifference").asString())
                .isEqualTo(change.totalAmount().setScale(2, java.math.RoundingMode.UNNECESSARY).toPlainString());
        TestKafka.awaitRecords(Topics.SETTLEMENT_EVENTS, record -> credit.disputeId().equals(record.key())
                && "DisputeAdjustmentSettled".equals(TestKafka.header(record, "ce_type"))
                && TestKafka.value(record).contains(redrafted.id() + "-"), 1, Duration.ofSeconds(30));
        // the discarded statement stays as it was, for the audit trail; it is never approved or issued
        Statements.View kept = statements.find(wrong.id()).orElseThrow();
        assertThat(kept.state()).isEqualTo("DISCARDED");
        assertThat(kept.lines()).isEqualTo(wrong.lines());
        TestHttp other = TestHttp.localPort(port).as(TestJwt.staff("finance-b", Roles.FINANCE));
        TestHttp.Response approval = other.post(PATH + wrong.id() + "/approval", "");
        assertThat(approval.status()).as(approval.body()).isEqualTo(409);
        assertThat(approval.body()).contains("DISCARDED");
        assertThat(other.post(PATH + wrong.id() + "/issue", "").status()).isEqualTo(409);
        TestHttp.Response again = finance().post(PATH + wrong.id() + "/discard", "{\"reason\": \"twice\"}");
        assertThat(again.status()).as(again.body()).isEqualTo(409);
        assertThat(statements.find(wrong.id()).orElseThrow().discardReason()).startsWith("Drafted before dispute");
    }

    /**
     * Found in a finance review: usage of a period that arrived after its draft was placed in the next open period as a
     * prior-period adjustment, and stayed there when the draft was discarded, so the period's new draft did not bill
     * it and the later statement billed it as an adjustment. The new draft takes it back as its own usage; the later
     * period keeps none of it (billed once), and the money is conserved.
     */
    @Test
    void theNewDraftOfADiscardedStatementBillsTheLateUsageOfItsPeriodAsItsOwnAndTheLaterPeriodNone() {
        String partner = fixtures.partner();
        UUID partnerId = UUID.fromString(partner);
        Statements.View wrong = fixtures.drafted(partner, "20.00");
        periods.close(wrong.periodId());
        Instant usageTime = clock.instant().minus(Duration.ofDays(40));
        UsageRated sameOffering = RatedUsageEvents.rated("off-0", usageTime).charge("4.00").share(partner, "50")
                .customer("S65-customer").build();
        UsageRated otherOffering = RatedUsageEvents.rated("off-late", usageTime).charge("7.000002")
                .share(partner, "50").customer("S65-customer").build();
        RatedUsageEvents.send(sameOffering, otherOffering);
        SettlementPeriods.Placement placement = periods.periodFor(partnerId, usageTime).orElseThrow();
        UUID later = placement.period().id();
        assertThat(placement.priorPeriodAdjustment()).isTrue();
        await().atMost(StatementFixtures.PATIENCE).until(() -> sums.ofPeriod(later).size() == 2);
        assertThat(finance().post(PATH + wrong.id() + "/discard", "{\"reason\": \"late usage\"}").status())
                .isEqualTo(200);
        // late usage arriving after the discard, before the new draft: late as well
        UsageRated afterDiscard = RatedUsageEvents.rated("off-late", usageTime).charge("1.00").share(partner, "50")
                .build();
        RatedUsageEvents.send(afterDiscard);
        await().atMost(StatementFixtures.PATIENCE).until(() -> sums.ofPeriod(later).stream()
                .mapToLong(UsageSums.Sum::recordCount).sum() == 3);
        assertThat(placedOutside(partnerId, later)).containsExactlyInAnyOrder(sameOffering.ratedId(),
                otherOffering.ratedId(), afterDiscard.ratedId());

        assertThat(run(partner).path("state").asString()).isEqualTo("COMPLETED");

        Statements.View redrafted = statements.ofPeriod(partnerId, wrong.periodId()).orElseThrow();
        assertThat(redrafted.lines()).extracting(line -> line.type() + " " + line.offeringId() + " "
                        + line.unrounded().stripTrailingZeros().toPlainString() + " "
                        + line.rounded().stripTrailingZeros().toPlainString())
                .containsExactlyInAnyOrder("USAGE_REVENUE_SHARE off-0 12 12", "USAGE_REVENUE_SHARE off-late 4.000001 4");
        assertThat(redrafted.netAmount()).isEqualByComparingTo("16.00");
        // nothing of it is left in the later period: not on its statement (if a run drafted it), not in its sums
        assertThat(sums.ofPeriod(later)).isEmpty();
        statements.ofPeriod(partnerId, later).ifPresent(statement -> assertThat(statement.lines())
                .noneMatch(line -> line.type().equals("PRIOR_PERIOD_ADJUSTMENT")));
        assertThat(placedOutside(partnerId, later)).isEmpty();
        assertThat(placedOutside(partnerId, wrong.periodId())).isEmpty();
        assertThat(sums.billed(partnerId, wrong.periodId()).orElseThrow().toSequence())
                .isGreaterThanOrEqualTo(afterDiscard.sequence());
        assertThat(customerCharge(wrong.periodId())).isEqualByComparingTo("32.000002");
        assertThat(customerCharge(later)).isZero();
        for (UUID period : List.of(wrong.periodId(), later)) {
            JsonNode conservation = finance().get("/api/settlement/periods/" + period + "/conservation").json();
            assertThat(conservation.path("balanced").asBoolean()).as(conservation.toString()).isTrue();
        }
        JsonNode own = finance().get("/api/settlement/periods/" + wrong.periodId() + "/conservation").json();
        assertThat(own.path("amounts")).singleElement().satisfies(row -> {
            assertThat(row.path("rated").decimalValue()).isEqualByComparingTo("16.000001");
            assertThat(row.path("onStatements").decimalValue()).isEqualByComparingTo("16.000001");
        });
    }

    private List<UUID> placedOutside(UUID partnerId, UUID periodId) {
        return jdbc.sql("select rated_id from usage_late_record where partner_id = :partner and period_id = :period")
                .param("partner", partnerId).param("period", periodId).query(UUID.class).list();
    }

    private BigDecimal customerCharge(UUID periodId) {
        return jdbc.sql("select coalesce(sum(charge), 0) from usage_customer_sum where period_id = :period")
                .param("period", periodId).query(BigDecimal.class).single();
    }

    @Test
    void discardingIsAuditedAndADiscardedStatementIsListedOnlyWhenAskedForAndNeverToThePartner() {
        String partner = fixtures.partner();
        Statements.View approved = fixtures.approved(partner, "20.00");

        assertThat(finance().post(PATH + approved.id() + "/discard", "{\"reason\": \" usage of a wrong offering \"}")
                .status()).isEqualTo(200);

        TestHttp finance = finance();
        String list = "/api/settlement/statements?partnerId=" + partner;
        assertThat(ids(finance.get(list))).isEmpty();
        assertThat(ids(finance.get(list + "&state=APPROVED"))).isEmpty();
        assertThat(ids(finance.get(list + "&state=DISCARDED"))).containsExactly(approved.id().toString());
        TestHttp own = TestHttp.localPort(port).as(TestJwt.partner("pia", partner, Roles.PARTNER_ADMIN));
        assertThat(ids(own.get(list + "&state=DISCARDED"))).isEmpty();
        assertThat(own.get(PATH + approved.id()).status()).isEqualTo(404);
        assertThat(finance.get(PATH + approved.id()).json().path("state").asString()).isEqualTo("DISCARDED");
        assertThat(finance.get("/tmf-api/customerBillManagement/v4/customerBill/" + approved.id())
                .status()).as("a discarded statement is no bill").isEqualTo(404);
        JsonNode trail = TestHttp.localPort(port).as(TestJwt.staff("audrey", Roles.AUDITOR))
                .get("/api/settlement/audit?resourceType=SettlementStatement&resourceId=" + approved.id()).json();
        assertThat(trail).extracting(entry -> entry.path("action").asString())
                .containsExactly("discarded", "approved", "drafted");
        JsonNode entry = trail.get(0);
        assertThat(entry.path("actor").asString()).isEqualTo("fiona");
        assertThat(entry.path("partnerId").asString()).isEqualTo(partner);
        assertThat(entry.path("before").path("state").asString()).isEqualTo("APPROVED");
        assertThat(entry.path("before").path("discardedBy").isNull()).isTrue();
        assertThat(entry.path("after").path("state").asString()).isEqualTo("DISCARDED");
        assertThat(entry.path("after").path("discardedBy").asString()).isEqualTo("fiona");
        assertThat(entry.path("after").path("discardReason").asString()).isEqualTo("usage of a wrong offering");
        assertThat(entry.path("after").path("totalAmount").decimalValue()).isEqualByComparingTo("11.90");
    }

    @Test
    void anIssuedStatementABadReasonAndAnyoneButFinanceAreRefusedAndChangeNothing() {
        Statements.View issued = fixtures.issued(fixtures.partner(), "20.00");
        String partner = fixtures.partner();
        Statements.View draft = fixtures.drafted(partner, "20.00");

        TestHttp.Response refused = finance().post(PATH + issued.id() + "/discard", "{\"reason\": \"wrong\"}");

        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body()).contains("issued statements are corrected with a credit or debit note");
        assertThat(statements.find(issued.id()).orElseThrow().state()).isEqualTo("ISSUED");
        for (String bad : List.of("{}", "{\"reason\": \"   \"}", "{\"reason\": \"" + "x".repeat(1001) + "\"}")) {
            TestHttp.Response response = finance().post(PATH + draft.id() + "/discard", bad);
            assertThat(response.status()).as(bad).isEqualTo(400);
            assertThat(response.json().get("violations").valueStream().map(v -> v.get("field").asString()))
                    .containsExactly("reason");
        }
        String reason = "{\"reason\": \"wrong\"}";
        assertThat(TestHttp.localPort(port).as(TestJwt.partner("pia", partner, Roles.PARTNER_ADMIN))
                .post(PATH + draft.id() + "/discard", reason).status()).isEqualTo(403);
        assertThat(TestHttp.localPort(port).as(TestJwt.staff("audrey", Roles.AUDITOR))
                .post(PATH + draft.id() + "/discard", reason).status()).isEqualTo(403);
        assertThat(TestHttp.localPort(port).post(PATH + draft.id() + "/discard", reason).status()).isEqualTo(401);
        assertThat(finance().post(PATH + UUID.randomUUID() + "/discard", reason).status()).isEqualTo(404);
        assertThat(statements.find(draft.id()).orElseThrow().state()).isEqualTo("DRAFT");
    }

    @Test
    void statementsAreDiscardedNewestFirstAndEachDraftAfterADiscardStartsFromTheStatementsThatRemain() {
        String partner = fixtures.partner();
        UUID partnerId = UUID.fromString(partner);
        Statements.View first = fixtures.drafted(partner, "20.00");
        SettlementPeriods.Period firstPeriod = period(partnerId, first.periodId());
        // a product of the first period, arriving after its statement was drafted: the next statement carries it late
        OrderEvents.send(OrderEvents.product("late-" + UUID.randomUUID(), "off-video-" + UUID.randomUUID())
                .ownedBy(partner).category("video").valid(firstPeriod.startAt().plus(Duration.ofDays(2)), null)
                .recurring("monthly", "30.00", "MONTH", "NONE").oneTime("setup", "20.00").activated(), 1L);
        SettlementPeriods.Period next = periods.ofPartner(partnerId).stream()
                .filter(period -> period.startAt().equals(firstPeriod.endAt())).findFirst().orElseThrow();
        await().atMost(StatementFixtures.PATIENCE).until(() -> !products
                .startedBeforeNotChargedLate(partnerId, next.startAt()).isEmpty());
        if (next.endAt().isAfter(clock.instant())) {
            assertThat(finance().post("/api/settlement/periods/" + next.id() + "/early-close",
                    "{\"reason\": \"test\"}").status()).isEqualTo(200);
        }
        periods.startClosing(next.id());
        Statements.View second = statements.draft(partnerId, next.id(), "finance");
        assertThat(late(second)).containsExactly("RECURRING_SHARE 21", "ONE_TIME_SHARE 14");
        String reason = "{\"reason\": \"wrong\"}";

        TestHttp.Response refused = finance().post(PATH + first.id() + "/discard", reason);

        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.body()).contains("discard statement " + second.id(), "first, newest first");
        assertThat(statements.find(first.id()).orElseThrow().state()).isEqualTo("DRAFT");
        // the late charges the discarded statement recorded are released: its period's next draft carries them again
        assertThat(finance().post(PATH + second.id() + "/discard", reason).status()).isEqualTo(200);
        Statements.View secondRedrafted = statements.draft(partnerId, next.id(), "finance");
        assertThat(secondRedrafted.id()).isNotEqualTo(second.id());
        assertThat(late(secondRedrafted)).containsExactly("RECURRING_SHARE 21", "ONE_TIME_SHARE 14");
        // both discarded: the first period is drafted again first, and holds the product as any of its own
        assertThat(finance().post(PATH + secondRedrafted.id() + "/discard", reason).status()).isEqualTo(200);
        assertThat(finance().post(PATH + first.id() + "/discard", reason).status()).isEqualTo(200);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> statements.draft(partnerId, next.id(), "finance"))
                .isInstanceOf(io.accord.platform.problem.ConflictException.class)
                .hasMessageContaining(first.periodId().toString());
        Statements.View firstAgain = statements.draft(partnerId, first.periodId(), "finance");
        Statements.View secondAgain = statements.draft(partnerId, next.id(), "finance");
        assertThat(firstAgain.lines()).extracting(line -> line.type() + " "
                        + line.rounded().stripTrailingZeros().toPlainString())
                .contains("RECURRING_SHARE 21", "ONE_TIME_SHARE 14");
        assertThat(late(secondAgain)).as("charged by the first period's new statement, not again late").isEmpty();
    }

    /**
     * Found on the live platform: an earlier period's wrong draft could be neither discarded (a later period's
     * statement was issued: "correct it with a note") nor corrected by a note (it is a draft). Statements are issued in
     * period order now, so the later one waits, and the messages say what works.
     */
    @Test
    void aLaterStatementWaitsForAnEarlierDraftWhichIsThenDiscardedAfterItNewestFirst() {
        String partner = fixtures.partner();
        UUID partnerId = UUID.fromString(partner);
        Statements.View first = fixtures.drafted(partner, "20.00");
        Statements.View second = statements.approve(draftNext(partnerId, first).id(), "finance-b");
        String reason = "{\"reason\": \"wrong\"}";

        TestHttp.Response issuing = finance().post(PATH + second.id() + "/issue", "");

        assertThat(issuing.status()).as(issuing.body()).isEqualTo(409);
        assertThat(issuing.body()).contains(first.id().toString(), first.periodId().toString(), "still DRAFT",
                "issue or discard it first");
        assertThat(statements.find(second.id()).orElseThrow().state()).isEqualTo("APPROVED");
        // the earlier draft is wrong: each refusal says what works, the same thing
        TestHttp.Response note = finance().post(PATH + first.id() + "/notes", NOTE);
        assertThat(note.status()).as(note.body()).isEqualTo(409);
        assertThat(note.body()).contains("discard statement " + second.id() + " (period " + second.periodId()
                + ", APPROVED) first, newest first, then this one").doesNotContain("new run");
        TestHttp.Response discard = finance().post(PATH + first.id() + "/discard", reason);
        assertThat(discard.status()).as(discard.body()).isEqualTo(409);
        assertThat(discard.body()).contains("discard statement " + second.id(), "first, newest first")
                .doesNotContain("credit or debit note");
        assertThat(finance().post(PATH + second.id() + "/discard", reason).status()).isEqualTo(200);
        assertThat(finance().post(PATH + first.id() + "/discard", reason).status()).isEqualTo(200);
        assertThat(statements.find(first.id()).orElseThrow().state()).isEqualTo("DISCARDED");
    }

    @Test
    void anEarlierDraftBehindALaterStatementIssuedOutOfOrderIsIssuedAndThenCorrectedByANote() {
        String partner = fixtures.partner();
        UUID partnerId = UUID.fromString(partner);
        Statements.View first = fixtures.drafted(partner, "20.00");
        Statements.View second = statements.approve(draftNext(partnerId, first).id(), "finance-b");
        // issued before issuing kept period order (data of that time)
        String number = "TEST-" + UUID.randomUUID();
        jdbc.sql("""
                        update statement set state = 'ISSUED', document_number = :number, issued_at = now(),
                               issuing_entity_id = 'accord-de' where id = :id""")
                .param("number", number).param("id", second.id()).update();
        String advice = "approve and issue it, then correct it with a credit or debit note";

        TestHttp.Response discard = finance().post(PATH + first.id() + "/discard", "{\"reason\": \"wrong\"}");
        TestHttp.Response note = finance().post(PATH + first.id() + "/notes", NOTE);

        assertThat(discard.status()).as(discard.body()).isEqualTo(409);
        assertThat(discard.body()).contains(number, advice);
        assertThat(note.status()).as(note.body()).isEqualTo(409);
        assertThat(note.body()).contains(number, advice);
        // as said: an earlier statement is issued whatever comes after it, and then a note corrects it
        statements.issue(statements.approve(first.id(), "finance-b").id());
        TestHttp.Response corrected = finance().post(PATH + first.id() + "/notes", NOTE);
        assertThat(corrected.status()).as(corrected.body()).isEqualTo(201);
    }

    private static final String NOTE = """
            {"type": "CREDIT_NOTE", "reason": "wrong", "lines": [{"label": "Correction", "amount": "1.00"}]}""";

    /** The statement of the partner's period after {@code first}'s, drafted (the period closed early if need be). */
    private Statements.View draftNext(UUID partnerId, Statements.View first) {
        SettlementPeriods.Period firstPeriod = period(partnerId, first.periodId());
        SettlementPeriods.Period next = await().atMost(StatementFixtures.PATIENCE)
                .until(() -> periods.ofPartner(partnerId).stream()
                        .filter(period -> period.startAt().equals(firstPeriod.endAt())).findFirst(),
                        java.util.Optional::isPresent).orElseThrow();
        if (next.endAt().isAfter(clock.instant())) {
            assertThat(finance().post("/api/settlement/periods/" + next.id() + "/early-close",
                    "{\"reason\": \"test\"}").status()).isEqualTo(200);
        }
        periods.startClosing(next.id());
        return statements.draft(partnerId, next.id(), "finance");
    }

    private JsonNode run(String partner) {
        String location = finance().post("/api/settlement/runs", "{\"partnerIds\": [\"" + partner + "\"]}")
                .header("Location");
        return await().atMost(Duration.ofSeconds(60)).until(() -> finance().get(location).json(),
                run -> !"RUNNING".equals(run.path("state").asString()));
    }

    private static List<String> late(Statements.View statement) {
        return statement.lines().stream().filter(line -> line.label().startsWith(ProductChargeLines.LATE_PREFIX))
                .map(line -> line.type() + " " + line.rounded().stripTrailingZeros().toPlainString()).toList();
    }

    private SettlementPeriods.Period period(UUID partnerId, UUID periodId) {
        return periods.ofPartner(partnerId).stream().filter(period -> period.id().equals(periodId)).findFirst()
                .orElseThrow();
    }

    private DisputeAdjustments.Adjustment adjustment(UUID partnerId, DisputeResolved resolved) {
        return adjustments.ofPartner(partnerId).stream()
                .filter(adjustment -> adjustment.adjustmentId().equals(resolved.adjustment().adjustmentId()))
                .findFirst().orElseThrow();
    }

    private TestHttp finance() {
        return TestHttp.localPort(port).as(TestJwt.staff("fiona", Roles.FINANCE));
    }

    private static List<String> ids(TestHttp.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().valueStream().map(node -> node.path("id").asString()).toList();
    }

    private DisputeResolved resolved(String partner, String amount, String direction) {
        Instant now = clock.instant();
        String dispute = "dsp-" + UUID.randomUUID();
        return new DisputeResolved(UUID.randomUUID(), now, dispute, partner, "ACCEPTED", "fiona", now,
                "missing minutes", new DisputeResolved.Adjustment("adj-" + UUID.randomUUID(), null, null, amount,
                "EUR", direction, "missing minutes"));
    }
}
