package io.accord.settlement.statement;

import io.accord.contracts.Roles;
import io.accord.contracts.Topics;
import io.accord.contracts.events.DisputeResolved;
import io.accord.contracts.value.Money;
import io.accord.settlement.SettlementFixtures;
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
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A full period for each business model, through a run: usage, recurring and one-time charges of the partner's
 * products, the volume-tier bonus, the minimum guarantee (a top-up, or a reseller's commitment) and a dispute's
 * adjustment, each its own line; the adjustment on exactly one statement also when the run is resumed or re-run; and
 * money conserved (zero difference) afterwards. The periods are the last ended month or quarter, so the prorations
 * depend on that month's length, which the expectations compute the same way.
 */
@AccordServiceTest
class FullPeriodStatementTests {

    private static final String RUNS = "/api/settlement/runs";

    @LocalServerPort
    int port;

    private final SettlementFixtures fixtures;
    private final SettlementPeriods periods;
    private final Statements statements;
    private final UsageSums sums;
    private final PartnerProducts products;
    private final DisputeAdjustments adjustments;
    private final Clock clock;

    FullPeriodStatementTests(SettlementFixtures fixtures, SettlementPeriods periods, Statements statements,
                             UsageSums sums, PartnerProducts products, DisputeAdjustments adjustments, Clock clock) {
        this.fixtures = fixtures;
        this.periods = periods;
        this.statements = statements;
        this.sums = sums;
        this.products = products;
        this.adjustments = adjustments;
        this.clock = clock;
    }

    @Test
    void aSellThroughPartnerIsPaidItsSharesTierBonusTopUpAndAdjustmentOnce() {
        Instant start = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).withDayOfMonth(1).minusMonths(1)
                .atStartOfDay(ZoneOffset.UTC).toInstant();
        String partner = fixtures.partnerWith("SELL_THROUGH", start, terms("""
                [{"offeringCategory":"video","usageType":null,"partnerSharePercent":"70",
                  "tiers":[{"fromVolume":"100","partnerSharePercent":"75"},
                           {"fromVolume":"1000","partnerSharePercent":"80"}]},
                 {"offeringCategory":"video","usageType":"RECURRING","partnerSharePercent":"50","tiers":[]}]""",
                "[]", "500.00", "MONTHLY", "19", false));
        String offering = "off-video-" + UUID.randomUUID();
        SettlementPeriods.Period period = periods.periodFor(uuid(partner), start.plus(5, ChronoUnit.DAYS))
                .orElseThrow().period();
        int days = (int) ChronoUnit.DAYS.between(period.startAt(), period.endAt());
        product(OrderEvents.product("st1-" + UUID.randomUUID(), offering).ownedBy(partner).category("video")
                .valid(start.minus(10, ChronoUnit.DAYS), null).recurring("monthly", "30.00", "MONTH", "DAILY")
                .oneTime("setup", "20.00"));
        product(OrderEvents.product("st2-" + UUID.randomUUID(), offering).ownedBy(partner).category("video")
                .valid(start.plus(10, ChronoUnit.DAYS), start.plus(20, ChronoUnit.DAYS))
                .recurring("monthly", "30.00", "MONTH", "DAILY").oneTime("setup", "20.00"));
        Instant usage = start.plus(5, ChronoUnit.DAYS);
        RatedUsageEvents.send(
                RatedUsageEvents.rated(offering, usage).quantity("600", "S").charge("10.00").share(partner, "70")
                        .build(),
                RatedUsageEvents.rated(offering, usage).quantity("600", "S").charge("10.00").share(partner, "70")
                        .build(),
                RatedUsageEvents.rated(offering, usage).quantity("600", "S").charge("10.00").share(partner, "70")
                        .build());
        String dispute = "dsp-" + UUID.randomUUID();
        DisputeResolved credit = resolved(dispute, partner, "adj-" + UUID.randomUUID(), "12.500000", "CREDIT_PARTNER");
        DomainEvents.send(Topics.DISPUTE_EVENTS, credit, null);
        // the dispute service publishing the same adjustment again adds nothing
        DomainEvents.send(Topics.DISPUTE_EVENTS, resolved(dispute, partner, credit.adjustment().adjustmentId(),
                "12.500000", "CREDIT_PARTNER"), null);
        awaitInputs(partner, period, 2, 3);

        JsonNode run = run(partner);

        assertThat(run.get("state").asString()).isEqualTo("COMPLETED");
        Statements.View statement = statements.ofPeriod(uuid(partner), period.id()).orElseThrow();
        // 30.00 × 50 % for the whole month + 10 days of the month × 30.00 × 50 %
        Money recurring = Money.of("15", "EUR").plus(Money.of(Money.of(new BigDecimal(300).divide(
                BigDecimal.valueOf(days), java.math.MathContext.DECIMAL128), "EUR").amount()
                .multiply(new BigDecimal("0.5")), "EUR"));
        BigDecimal recurringRounded = minor(recurring);
        // 1,800 units for 30.00 gross: 900 units × 5 % + 800 units × 10 % of 30.00 / 1,800 per unit = 2.083333
        BigDecimal topUp = new BigDecimal("500.00").subtract(new BigDecimal("21.00")).subtract(recurringRounded)
                .subtract(new BigDecimal("14.00")).subtract(new BigDecimal("2.08"));
        assertLines(statement,
                line("USAGE_REVENUE_SHARE", "21.000000", "21.00"),
                line("RECURRING_SHARE", recurring.amount().toPlainString(), recurringRounded.toPlainString()),
                line("ONE_TIME_SHARE", "14.000000", "14.00"),
                line("VOLUME_TIER_BONUS", "2.083333", "2.08"),
                line("MINIMUM_GUARANTEE_TOP_UP", topUp.toPlainString(), topUp.toPlainString()),
                line("DISPUTE_ADJUSTMENT", "12.500000", "12.50"));
        assertThat(statement.direction()).isEqualTo("PAYABLE");
        assertThat(statement.netAmount()).isEqualByComparingTo("512.50");
        assertThat(statement.taxAmount()).isEqualByComparingTo("97.38");
        assertThat(statement.totalAmount()).isEqualByComparingTo("609.88");
        Statements.Line adjustment = statement.lines().getLast();
        assertThat(adjustment.label()).contains(dispute, "credit", "missing minutes");
        assertThat(adjustment.reference()).isEqualTo("dispute " + dispute);
        assertThat(statement.lines().get(3).label()).contains("Volume-tier bonus", "1800 units");
        // a usage line names its offering as ordered, and keeps the id beside it
        assertThat(statement.lines().getFirst().label()).startsWith("Revenue share: Offering " + offering + " × ");
        assertThat(statement.lines().getFirst().offeringId()).isEqualTo(offering);

        // re-run: nothing new, the adjustment stays on this one statement; a later one waits for the next statement
        assertThat(run(partner).get("total").asInt()).isZero();
        DisputeResolved later = resolved("dsp-" + UUID.randomUUID(), partner, "adj-" + UUID.randomUUID(),
                "3.000000", "DEBIT_PARTNER");
        DomainEvents.send(Topics.DISPUTE_EVENTS, later, null);
        await().atMost(Duration.ofSeconds(30)).until(() -> adjustments.ofPartner(uuid(partner)).size() == 2);
        assertThat(adjustments.ofPartner(uuid(partner))).extracting(DisputeAdjustments.Adjustment::adjustmentId,
                DisputeAdjustments.Adjustment::statementId).containsExactly(
                org.assertj.core.groups.Tuple.tuple(credit.adjustment().adjustmentId(), statement.id()),
                org.assertj.core.groups.Tuple.tuple(later.adjustment().adjustmentId(), null));
        assertThat(statements.ofPeriod(uuid(partner), period.id()).orElseThrow().lines()).hasSize(6);

        JsonNode conservation = assertConserved(period, "PAYABLE_TO_PARTNER", "21.000000");
        assertThat(conservation.get("outsideTheEquation").get("lines").findValuesAsString("type")).containsExactly(
                "RECURRING_SHARE", "ONE_TIME_SHARE", "VOLUME_TIER_BONUS", "MINIMUM_GUARANTEE_TOP_UP",
                "DISPUTE_ADJUSTMENT");
        assertThat(conservation.get("outsideTheEquation").get("tax").decimalValue()).isEqualByComparingTo("97.38");
        TestHttp own = TestHttp.localPort(port).as(TestJwt.partner("pat", partner, Roles.PARTNER_ADMIN));
        TestHttp other = TestHttp.localPort(port).as(TestJwt.partner("olga", UUID.randomUUID().toString(),
                Roles.PARTNER_ADMIN));
        assertThat(own.get(conservationPath(period)).status()).isEqualTo(200);
        assertThat(other.get(conservationPath(period)).status()).isEqualTo(404);
        // usage of the open month is not on a statement yet: counted as such, still balanced
        Instant current = clock.instant();
        SettlementPeriods.Period open = periods.periodFor(uuid(partner), current).orElseThrow().period();
        RatedUsageEvents.send(RatedUsageEvents.rated(offering, current).charge("10.00").share(partner, "70").build());
        await().atMost(Duration.ofSeconds(30)).until(() -> !sums.ofPeriod(open.id()).isEmpty());
        JsonNode openConservation = finance().get(conservationPath(open)).json();
        assertThat(openConservation.get("balanced").asBoolean()).isTrue();
        assertThat(openConservation.get("outsideTheEquation").isNull()).isTrue();
        assertThat(openConservation.get("amounts").get(0).get("notYetOnStatement").decimalValue())
                .isEqualByComparingTo("7");
        JsonNode total = finance().get("/api/settlement/conservation?from=" + LocalDate.ofInstant(start,
                ZoneOffset.UTC) + "&to=" + LocalDate.ofInstant(current, ZoneOffset.UTC) + "&partnerId=" + partner)
                .json();
        assertThat(total.get("balanced").asBoolean()).isTrue();
        assertThat(total.get("periods").asInt()).isEqualTo(2);
        assertThat(total.get("statements").asInt()).isEqualTo(1);
        JsonNode amounts = total.get("amounts").get(0);
        assertThat(amounts.get("rated").decimalValue()).isEqualByComparingTo("28");
        assertThat(amounts.get("onStatements").decimalValue()).isEqualByComparingTo("21");
        assertThat(amounts.get("notYetOnStatement").decimalValue()).isEqualByComparingTo("7");
        assertThat(amounts.get("difference").decimalValue()).isZero();
        assertThat(total.get("outsideTheEquation").findValuesAsString("type")).contains("DISPUTE_ADJUSTMENT",
                "LINE_ROUNDING", "TAX", "MINIMUM_GUARANTEE_TOP_UP");
        assertThat(finance().get("/api/settlement/conservation?from=2026-13-01").status()).isEqualTo(400);
        assertThat(own.get("/api/settlement/conservation?from=2026-11-01").status()).isEqualTo(403);
    }

    @Test
    void aResellerOwesItsWholesaleSimFeesAndMinimumCommitmentAndAResumedRunCarriesTheAdjustmentOnce() {
        Instant start = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).withDayOfMonth(1).minusMonths(1)
                .atStartOfDay(ZoneOffset.UTC).toInstant();
        String partner = fixtures.partnerWith("RESELL", start, terms("[]",
                "[{\"unit\":\"SIM_MONTH\",\"price\":\"1.50\"},{\"unit\":\"MIN\",\"price\":\"0.01\"}]", "100.00",
                "MONTHLY", "19", false));
        String offering = "off-sim-" + UUID.randomUUID();
        SettlementPeriods.Period period = periods.periodFor(uuid(partner), start.plus(5, ChronoUnit.DAYS))
                .orElseThrow().period();
        int days = (int) ChronoUnit.DAYS.between(period.startAt(), period.endAt());
        product(OrderEvents.product("rs1-" + UUID.randomUUID(), offering).boughtBy(partner).category("connectivity")
                .identifier("ICCID", "894900" + System.nanoTime()).valid(start.minus(5, ChronoUnit.DAYS), null)
                .recurring("monthly", "10.00", "MONTH", "NONE"));
        product(OrderEvents.product("rs2-" + UUID.randomUUID(), offering).boughtBy(partner).category("connectivity")
                .identifier("ICCID", "894901" + System.nanoTime()).valid(start.plus(10, ChronoUnit.DAYS), null)
                .recurring("monthly", "10.00", "MONTH", "NONE").oneTime("activation", "5.00"));
        Instant usage = start.plus(5, ChronoUnit.DAYS);
        RatedUsageEvents.send(
                RatedUsageEvents.rated(offering, usage).usageType("DATA").allocation("RESELL").charge("3.00")
                        .wholesale(partner).build(),
                RatedUsageEvents.rated(offering, usage).usageType("DATA").allocation("RESELL").charge("2.00")
                        .wholesale(partner).build());
        String dispute = "dsp-" + UUID.randomUUID();
        DomainEvents.send(Topics.DISPUTE_EVENTS, resolved(dispute, partner, "adj-" + UUID.randomUUID(), "7.25",
                "DEBIT_PARTNER"), null);
        awaitInputs(partner, period, 2, 2);
        // an earlier run drafted the statement and stopped before closing the period
        periods.startClosing(period.id());
        UUID draftedBeforeCrash = statements.draft(uuid(partner), period.id(), "fiona").id();

        JsonNode run = run(partner);

        assertThat(run.get("state").asString()).isEqualTo("COMPLETED");
        Statements.View statement = statements.ofPeriod(uuid(partner), period.id()).orElseThrow();
        assertThat(statement.id()).isEqualTo(draftedBeforeCrash);
        // a SIM all month (1.50) and one from day 11 (1.50 × (days − 10) / days), summed before rounding
        Money simFees = Money.of("1.50", "EUR").plus(Money.of(new BigDecimal("1.50").multiply(
                BigDecimal.valueOf(days - 10L)).divide(BigDecimal.valueOf(days), java.math.MathContext.DECIMAL128),
                "EUR"));
        BigDecimal simRounded = minor(simFees);
        BigDecimal commitment = new BigDecimal("100.00").subtract(new BigDecimal("5.00"))
                .subtract(new BigDecimal("20.00")).subtract(simRounded).subtract(new BigDecimal("5.00"));
        assertLines(statement,
                line("WHOLESALE", "-5.000000", "-5.00"),
                line("RECURRING_WHOLESALE", "-20.000000", "-20.00"),
                line("RECURRING_WHOLESALE", simFees.amount().negate().toPlainString(),
                        simRounded.negate().toPlainString()),
                line("ONE_TIME_WHOLESALE", "-5.000000", "-5.00"),
                line("MINIMUM_COMMITMENT", commitment.negate().toPlainString(), commitment.negate().toPlainString()),
                line("DISPUTE_ADJUSTMENT", "-7.250000", "-7.25"));
        assertThat(statement.direction()).isEqualTo("RECEIVABLE");
        assertThat(statement.netAmount()).isEqualByComparingTo("-107.25");
        assertThat(statement.taxAmount()).isEqualByComparingTo("-20.38");
        assertThat(statement.totalAmount()).isEqualByComparingTo("-127.63");
        assertThat(statement.lines().get(2).label()).contains("Per-SIM monthly fee");
        assertThat(statement.lines()).filteredOn(line -> line.type().equals("DISPUTE_ADJUSTMENT")).singleElement()
                .satisfies(line -> assertThat(line.label()).contains(dispute, "debit"));
        assertThat(adjustments.ofPartner(uuid(partner))).singleElement()
                .satisfies(adjustment -> assertThat(adjustment.statementId()).isEqualTo(statement.id()));
        assertConserved(period, "OWED_BY_PARTNER", "5.000000");
    }

    @Test
    void aCoCreatingParticipantIsPaidItsParticipantSharesAndTierBonusOverAQuarterUnderReverseCharge() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        Instant start = today.withMonth((today.getMonthValue() - 1) / 3 * 3 + 1).withDayOfMonth(1).minusMonths(3)
                .atStartOfDay(ZoneOffset.UTC).toInstant();
        String partner = fixtures.partnerWith("CO_CREATE", start, terms("""
                [{"offeringCategory":null,"usageType":null,"partnerSharePercent":"50",
                  "tiers":[{"fromVolume":"1000","partnerSharePercent":"60"}]}]""", "[]", "0", "QUARTERLY", "19",
                true));
        String creator = UUID.randomUUID().toString();
        String offering = "off-joint-" + UUID.randomUUID();
        SettlementPeriods.Period period = periods.periodFor(uuid(partner), start.plus(10, ChronoUnit.DAYS))
                .orElseThrow().period();
        product(OrderEvents.product("cc1-" + UUID.randomUUID(), offering).ownedBy(creator).category("apps")
                .participant(partner, "40").participant(creator, "30").valid(start.plus(5, ChronoUnit.DAYS), null)
                .recurring("monthly", "30.00", "MONTH", "NONE").oneTime("setup", "100.00"));
        Instant usage = start.plus(10, ChronoUnit.DAYS);
        RatedUsageEvents.send(
                RatedUsageEvents.rated(offering, usage).quantity("800", "S").allocation("CO_CREATED").charge("50.00")
                        .share(partner, "40").share(creator, "30").build(),
                RatedUsageEvents.rated(offering, usage).quantity("800", "S").allocation("CO_CREATED").charge("50.00")
                        .share(partner, "40").share(creator, "30").build());
        String dispute = "dsp-" + UUID.randomUUID();
        DomainEvents.send(Topics.DISPUTE_EVENTS, resolved(dispute, partner, "adj-" + UUID.randomUUID(), "10",
                "CREDIT_PARTNER"), null);
        awaitInputs(partner, period, 1, 2);

        JsonNode run = run(partner);

        assertThat(run.get("state").asString()).isEqualTo("COMPLETED");
        Statements.View statement = statements.ofPeriod(uuid(partner), period.id()).orElseThrow();
        // three months of 30.00 at 40 %; 1,600 units for 100.00 gross: 600 units above 1,000 at +10 % = 3.75
        assertLines(statement,
                line("USAGE_REVENUE_SHARE", "40.000000", "40.00"),
                line("RECURRING_SHARE", "36.000000", "36.00"),
                line("ONE_TIME_SHARE", "40.000000", "40.00"),
                line("VOLUME_TIER_BONUS", "3.750000", "3.75"),
                line("DISPUTE_ADJUSTMENT", "10.000000", "10.00"));
        assertThat(statement.netAmount()).isEqualByComparingTo("129.75");
        assertThat(statement.taxAmount()).isEqualByComparingTo("0");
        assertThat(statement.totalAmount()).isEqualByComparingTo("129.75");
        assertThat(statement.lines().get(1).label()).contains("40 % (participant share)");
        JsonNode conservation = assertConserved(period, "PAYABLE_TO_PARTNER", "40.000000");
        assertThat(conservation.get("ratingCountEquation").get(0).get("href").asString())
                .startsWith("/api/rating/reconciliation?from=" + LocalDate.ofInstant(start, ZoneOffset.UTC));
    }

    private JsonNode assertConserved(SettlementPeriods.Period period, String direction, String amount) {
        JsonNode conservation = finance().get(conservationPath(period)).json();
        assertThat(conservation.get("balanced").asBoolean()).isTrue();
        assertThat(conservation.get("amounts")).singleElement().satisfies(row -> {
            assertThat(row.get("direction").asString()).isEqualTo(direction);
            assertThat(row.get("rated").decimalValue()).isEqualByComparingTo(amount);
            assertThat(row.get("onStatements").decimalValue()).isEqualByComparingTo(amount);
            assertThat(row.get("notYetOnStatement").decimalValue()).isZero();
            assertThat(row.get("difference").decimalValue()).isZero();
        });
        return conservation;
    }

    private static String conservationPath(SettlementPeriods.Period period) {
        return "/api/settlement/periods/" + period.id() + "/conservation";
    }

    private void awaitInputs(String partner, SettlementPeriods.Period period, int productCount, long records) {
        await().atMost(Duration.ofSeconds(60)).until(() ->
                products.activeBetween(uuid(partner), period.startAt(), period.endAt()).size() == productCount
                        && sums.ofPeriod(period.id()).stream().mapToLong(UsageSums.Sum::recordCount).sum() == records
                        && !adjustments.ofPartner(uuid(partner)).isEmpty());
    }

    private JsonNode run(String partner) {
        String location = finance().post(RUNS, "{\"partnerIds\": [\"" + partner + "\"]}").header("Location");
        return await().atMost(Duration.ofSeconds(60)).until(() -> finance().get(location).json(),
                run -> !"RUNNING".equals(run.get("state").asString()));
    }

    private TestHttp finance() {
        return TestHttp.localPort(port).as(TestJwt.staff("fiona", Roles.FINANCE));
    }

    private static void product(OrderEvents.Product product) {
        OrderEvents.send(product.activated(), 1L);
    }

    private static DisputeResolved resolved(String disputeId, String partner, String adjustmentId, String amount,
                                            String direction) {
        Instant now = Instant.now();
        return new DisputeResolved(UUID.randomUUID(), now, disputeId, partner, "ACCEPTED", "fiona", now,
                "missing minutes", new DisputeResolved.Adjustment(adjustmentId, null, null, amount, "EUR", direction,
                "missing minutes"));
    }

    private static String terms(String shares, String wholesaleRates, String guarantee, String cycle, String tax,
                                boolean reverseCharge) {
        return """
                {"currency":"EUR","revenueShares":%s,"wholesaleRates":%s,"minimumMonthlyGuarantee":"%s",
                 "settlementCycle":"%s","paymentTermsDays":30,
                 "taxTreatment":{"ratePercent":"%s","reverseCharge":%s},
                 "reconciliationTolerance":{"absoluteAmount":"5.00","percent":"0.5"},"disputeWindowDays":60,
                 "validityMonths":null}""".formatted(shares, wholesaleRates, guarantee, cycle, tax, reverseCharge);
    }

    private static void assertLines(Statements.View statement, ExpectedLine... expected) {
        assertThat(statement.lines()).extracting(Statements.Line::type)
                .containsExactly(java.util.Arrays.stream(expected).map(ExpectedLine::type).toArray(String[]::new));
        for (int i = 0; i < expected.length; i++) {
            Statements.Line line = statement.lines().get(i);
            assertThat(line.unrounded()).as("unrounded %s", line.label()).isEqualByComparingTo(expected[i].unrounded());
            assertThat(line.rounded()).as("rounded %s", line.label()).isEqualByComparingTo(expected[i].rounded());
        }
    }

    private static ExpectedLine line(String type, String unrounded, String rounded) {
        return new ExpectedLine(type, unrounded, rounded);
    }

    private static BigDecimal minor(Money money) {
        return money.amount().setScale(2, java.math.RoundingMode.HALF_EVEN);
    }

    private static UUID uuid(String id) {
        return UUID.fromString(id);
    }

    private record ExpectedLine(String type, String unrounded, String rounded) {
    }
}
