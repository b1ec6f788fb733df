package io.accord.settlement.statement;

import io.accord.contracts.Roles;
import io.accord.contracts.value.Money;
import io.accord.settlement.SettlementFixtures;
import io.accord.settlement.money.SettlementMath;
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

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The demo's reseller (issue 11): the RESELL template's agreement (500.00 EUR monthly minimum commitment) in force from
 * minutes ago, its period closed early by finance the same day with wholesale below the commitment. The period holds
 * no whole UTC day, and the commitment was scaled by the period's days to zero, so no line appeared; it belongs to the
 * calendar month, owed on the first part, and the month's later part settles only the difference.
 */
@AccordServiceTest
class MinimumCommitmentTests {

    /** The RESELL template's terms (onboarding's V21), as AgreementActivated carries them. */
    private static final String DEMO_RESELL_TERMS = """
            {"currency":"EUR","revenueShares":[],"wholesaleRates":[{"unit":"GB","price":"0.800000"},
             {"unit":"MINUTE","price":"0.010000"},{"unit":"SMS","price":"0.005000"},
             {"unit":"SIM_MONTH","price":"1.500000"}],"minimumMonthlyGuarantee":"500.000000",
             "settlementCycle":"MONTHLY","paymentTermsDays":30,"taxTreatment":{"ratePercent":"19.0000",
             "reverseCharge":false},"reconciliationTolerance":{"absoluteAmount":"1.000000","percent":"0.5000"},
             "disputeWindowDays":60,"validityMonths":24}""";

    @LocalServerPort
    int port;

    private final SettlementFixtures fixtures;
    private final SettlementPeriods periods;
    private final Statements statements;
    private final UsageSums sums;
    private final Clock clock;
    private final JdbcClient jdbc;

    MinimumCommitmentTests(SettlementFixtures fixtures, SettlementPeriods periods, Statements statements,
                           UsageSums sums, Clock clock, JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.fixtures = fixtures;
        this.periods = periods;
        this.statements = statements;
        this.sums = sums;
        this.clock = clock;
    }

    @Test
    void aResellersPeriodClosedEarlyTheDayItsAgreementBeganOwesTheMonthsCommitmentOnce() {
        Instant inForceFrom = clock.instant().minus(Duration.ofMinutes(1));
        String partner = fixtures.partnerWith("RESELL", inForceFrom, DEMO_RESELL_TERMS);
        String offering = "off-mobile-" + UUID.randomUUID();
        // the month's commitment under the agreement: from its start (the whole day counts) to the month's end
        Money month = SettlementMath.periodGuarantee("500.000000", "EUR", inForceFrom,
                SettlementPeriods.calendarEnd("MONTHLY", inForceFrom));
        BigDecimal commitment = month.amount().setScale(2, RoundingMode.HALF_EVEN);

        SettlementPeriods.Period first = closeEarlyWithWholesale(partner, offering, "12.345678", "17.52");
        Statements.View firstStatement = statements.ofPeriod(uuid(partner), first.id()).orElseThrow();

        // wholesale 29.865678 → 29.87; the commitment owed is the month's less that
        assertThat(firstStatement.lines()).extracting(Statements.Line::type)
                .containsExactly("WHOLESALE", "MINIMUM_COMMITMENT");
        Statements.Line owed = firstStatement.lines().getLast();
        assertThat(owed.rounded()).isEqualByComparingTo(commitment.subtract(new BigDecimal("29.87")).negate());
        assertThat(owed.label()).contains("Minimum commitment", commitment.toPlainString() + " EUR",
                "29.87 EUR wholesale");
        assertThat(firstStatement.netAmount()).isEqualByComparingTo(commitment.negate());
        assertConserved(first, "29.865678");

        // the rest of the month (closed early too): 600.00 more wholesale reaches the commitment, so what the first
        // part owed for it comes back
        SettlementPeriods.Period rest = closeEarlyWithWholesale(partner, offering, "600.00");
        Statements.View restStatement = statements.ofPeriod(uuid(partner), rest.id()).orElseThrow();
        assertThat(restStatement.lines()).extracting(Statements.Line::type)
                .containsExactly("WHOLESALE", "MINIMUM_COMMITMENT");
        Statements.Line back = restStatement.lines().getLast();
        assertThat(back.rounded()).isEqualByComparingTo(owed.rounded().negate());
        assertThat(back.direction()).isEqualTo("PAYABLE_TO_PARTNER");
        assertThat(back.label()).contains("29.87 EUR of its earlier periods' lines");
        // over the month: wholesale 629.87, commitment owed 0 in total
        assertThat(firstStatement.netAmount().add(restStatement.netAmount())).isEqualByComparingTo("-629.87");
        assertConserved(rest, "600.000000");
    }

    @Test
    void lateWholesaleOfTheMonthsFirstPartCountsTowardTheMonthsCommitmentOnTheSecondPartsStatement() {
        Instant monthStart = SettlementPeriods.calendarStart("MONTHLY", clock.instant());
        String partner = fixtures.partnerWith("RESELL", monthStart, DEMO_RESELL_TERMS);
        String offering = "off-mobile-" + UUID.randomUUID();

        SettlementPeriods.Period first = closeEarlyWithWholesale(partner, offering, "29.87");
        Statements.View firstStatement = statements.ofPeriod(uuid(partner), first.id()).orElseThrow();
        // the whole month's 500.00 less 29.87 of wholesale
        assertThat(firstStatement.lines().getLast().rounded()).isEqualByComparingTo("-470.13");

        // wholesale of the first part rated after it closed: the second part carries it as a prior-period adjustment
        Instant inFirstPart = first.startAt().plus(Duration.between(first.startAt(), first.endAt()).dividedBy(2));
        SettlementPeriods.Period second = periods.periodFor(uuid(partner), clock.instant()).orElseThrow().period();
        RatedUsageEvents.send(RatedUsageEvents.rated(offering, inFirstPart).usageType("VOICE").allocation("RESELL")
                .charge("12.79").wholesale(partner).build());
        await().atMost(Duration.ofSeconds(30)).until(() -> sums.ofPeriod(second.id()).stream()
                .anyMatch(UsageSums.Sum::priorPeriod));
        SettlementPeriods.Period rest = closeEarlyWithWholesale(partner, offering, 1, "100.00");
        assertThat(rest.id()).isEqualTo(second.id());
        Statements.View restStatement = statements.ofPeriod(uuid(partner), rest.id()).orElseThrow();

        assertThat(restStatement.lines()).extracting(Statements.Line::type)
                .containsExactly("WHOLESALE", "PRIOR_PERIOD_ADJUSTMENT", "MINIMUM_COMMITMENT");
        assertThat(restStatement.lines().get(1).rounded()).isEqualByComparingTo("-12.79");
        // the month's usage is 29.87 + 12.79 + 100.00 = 142.66: its commitment is 500.00 − 142.66 = 357.34, of which
        // the first part charged 470.13, so 112.79 comes back (not 100.00: the late 12.79 is the month's usage too)
        Statements.Line back = restStatement.lines().getLast();
        assertThat(back.rounded()).isEqualByComparingTo("112.79");
        assertThat(back.direction()).isEqualTo("PAYABLE_TO_PARTNER");
        assertThat(back.label()).contains("12.79 EUR of their usage billed late");
        // over the month the reseller pays its commitment, 500.00, and not 12.79 more
        assertThat(firstStatement.netAmount().add(restStatement.netAmount())).isEqualByComparingTo("-500.00");
    }

    /**
     * Found in a finance review: wholesale of a month rated after the month was settled lands on a later statement as
     * a prior-period adjustment, and the month's commitment had been charged without it, so the reseller paid the
     * shortfall and the late wholesale too. The later statement gives back the part of the month's commitment that the
     * late wholesale covers, at the minor unit.
     */
    @Test
    void lateWholesaleOfASettledMonthGivesBackThePartOfItsCommitmentItCovers() {
        lateUsageOfASettledMonth("RESELL", "29.87", "-470.13", "12.79", "-500.00");
    }

    /**
     * The same for a partner we pay: its late revenue share of a month whose top-up was paid claws the top-up back, up
     * to what was paid (10.00 here, less than the late 12.79).
     */
    @Test
    void lateRevenueShareOfASettledMonthClawsBackItsTopUpUpToWhatWasPaid() {
        lateUsageOfASettledMonth("SELL_THROUGH", "490.00", "10.00", "10.00", "502.79");
    }

    /**
     * Last month settled with {@code monthUsage} (its guarantee line {@code guaranteeLine}); 12.786 of its usage rated
     * afterwards lands on this month's statement (a prior-period line of 12.79), whose line for last month's guarantee
     * gives back {@code givenBack} (a commitment) or claws it back (a top-up); over last month the partner then pays,
     * or is paid, {@code monthTotal}.
     */
    private void lateUsageOfASettledMonth(String model, String monthUsage, String guaranteeLine, String givenBack,
                                          String monthTotal) {
        boolean resell = "RESELL".equals(model);
        Instant thisMonth = SettlementPeriods.calendarStart("MONTHLY", clock.instant());
        Instant lastMonth = SettlementPeriods.calendarStart("MONTHLY", thisMonth.minusSeconds(1));
        String partner = fixtures.partnerWith(model, lastMonth, DEMO_RESELL_TERMS);
        String offering = "off-mobile-" + UUID.randomUUID();
        Instant inLastMonth = lastMonth.plus(Duration.ofDays(10));
        SettlementPeriods.Period month = periods.periodFor(uuid(partner), inLastMonth).orElseThrow().period();
        RatedUsageEvents.send(usage(partner, offering, inLastMonth, monthUsage, resell));
        await().atMost(Duration.ofSeconds(30)).until(() -> sums.ofPeriod(month.id()).size() == 1);
        run(partner);
        Statements.View monthStatement = statements.ofPeriod(uuid(partner), month.id()).orElseThrow();
        assertThat(monthStatement.lines().getLast().type())
                .isEqualTo(resell ? "MINIMUM_COMMITMENT" : "MINIMUM_GUARANTEE_TOP_UP");
        assertThat(monthStatement.lines().getLast().rounded()).isEqualByComparingTo(guaranteeLine);

        SettlementPeriods.Period current = periods.periodFor(uuid(partner), clock.instant()).orElseThrow().period();
        RatedUsageEvents.send(usage(partner, offering, inLastMonth, "12.786", resell));
        await().atMost(Duration.ofSeconds(30)).until(() -> sums.ofPeriod(current.id()).stream()
                .anyMatch(UsageSums.Sum::priorPeriod));
        RatedUsageEvents.send(usage(partner, offering, clock.instant(), "100.00", resell));
        await().atMost(Duration.ofSeconds(30)).until(() -> sums.ofPeriod(current.id()).size() == 2);
        assertThat(finance().post("/api/settlement/periods/" + current.id() + "/early-close",
                "{\"reason\": \"late usage of a settled month\"}").status()).isEqualTo(200);
        run(partner);
        Statements.View later = statements.ofPeriod(uuid(partner), current.id()).orElseThrow();

        String kind = resell ? "MINIMUM_COMMITMENT" : "MINIMUM_GUARANTEE_TOP_UP";
        assertThat(later.lines()).extracting(Statements.Line::type).containsExactly(resell ? "WHOLESALE"
                : "USAGE_REVENUE_SHARE", "PRIOR_PERIOD_ADJUSTMENT", kind, kind);
        int sign = resell ? -1 : 1;
        assertThat(later.lines().get(1).rounded()).isEqualByComparingTo(new BigDecimal("12.79").multiply(
                BigDecimal.valueOf(sign)));
        // this month's own guarantee: 500.00 less its 100.00, the late usage of last month not counted in it
        assertThat(later.lines().get(2).rounded()).isEqualByComparingTo(new BigDecimal("400.00").multiply(
                BigDecimal.valueOf(sign)));
        Statements.Line back = later.lines().get(3);
        assertThat(back.rounded()).isEqualByComparingTo(new BigDecimal(givenBack).multiply(
                BigDecimal.valueOf(-sign)));
        assertThat(back.direction()).isEqualTo(resell ? "PAYABLE_TO_PARTNER" : "OWED_BY_PARTNER");
        assertThat(back.label()).startsWith("Prior-period adjustment (minimum")
                .contains("monthly calendar period " + date(lastMonth) + " – " + date(thisMonth) + " (UTC))",
                        "12.79 EUR of its usage billed late")
                .doesNotContain(lastMonth.toString());
        assertThat(back.reference()).isEqualTo("monthly calendar period " + date(lastMonth) + " – "
                + date(thisMonth) + " (UTC)");
        // last month over both statements: its usage, on time and late, and its guarantee settled once with all of it
        assertThat(monthStatement.netAmount().add(later.lines().get(1).rounded()).add(back.rounded()))
                .isEqualByComparingTo(monthTotal);
        JsonNode conservation = finance().get("/api/settlement/periods/" + current.id() + "/conservation").json();
        assertThat(conservation.get("balanced").asBoolean()).as(conservation.toString()).isTrue();
    }

    /**
     * A settled month's commitment given back in steps by its wholesale rated late, on three parts of this month
     * closed early one after the other: each line gives back only what the late usage adds, since each later statement
     * counts what the earlier lines of this kind gave back; found by their label, which names the month by its dates,
     * and for lines stored before that (whose label printed the month's bounds as instants) by that text.
     */
    @Test
    void lateGuaranteeLinesStoredWithInstantsInTheirLabelStillCountOnLaterStatements() {
        Instant thisMonth = SettlementPeriods.calendarStart("MONTHLY", clock.instant());
        Instant lastMonth = SettlementPeriods.calendarStart("MONTHLY", thisMonth.minusSeconds(1));
        String partner = fixtures.partnerWith("RESELL", lastMonth, DEMO_RESELL_TERMS);
        String offering = "off-mobile-" + UUID.randomUUID();
        Instant inLastMonth = lastMonth.plus(Duration.ofDays(10));
        SettlementPeriods.Period month = periods.periodFor(uuid(partner), inLastMonth).orElseThrow().period();
        RatedUsageEvents.send(usage(partner, offering, inLastMonth, "29.87", true));
        await().atMost(Duration.ofSeconds(30)).until(() -> sums.ofPeriod(month.id()).size() == 1);
        run(partner);

        Statements.Line first = lateGuaranteeLine(partner, offering, inLastMonth, "12.786");
        assertThat(first.rounded()).isEqualByComparingTo("12.79");
        String dates = "monthly calendar period " + date(lastMonth) + " – " + date(thisMonth) + " (UTC)";
        assertThat(first.label()).contains(dates);
        // as stored before the label printed dates (data of that time)
        String instants = "monthly calendar period " + lastMonth + " – " + thisMonth;
        assertThat(jdbc.sql("""
                        update statement_line set label = replace(label, :dates, :instants)
                        where statement_id = :statement and line_no = :line""")
                .param("dates", dates).param("instants", instants)
                .param("statement", UUID.fromString(first.id().substring(0, first.id().lastIndexOf('-'))))
                .param("line", first.lineNumber()).update()).isEqualTo(1);

        // 457.34 owed for the month with 12.79 of it late, 470.13 - 12.79 charged: 5.00 more given back, not 17.79
        Statements.Line second = lateGuaranteeLine(partner, offering, inLastMonth, "5.00");
        assertThat(second.rounded()).isEqualByComparingTo("5.00");
        assertThat(second.label()).contains(dates);
        // both earlier lines count, the one with instants and the one with dates
        Statements.Line third = lateGuaranteeLine(partner, offering, inLastMonth, "3.00");
        assertThat(third.rounded()).isEqualByComparingTo("3.00");
    }

    /**
     * {@code charge} of last month's wholesale rated now lands in this month's open period, which finance closes
     * early; a run drafts its statement, whose line giving back last month's commitment is returned.
     */
    private Statements.Line lateGuaranteeLine(String partner, String offering, Instant inLastMonth, String charge) {
        SettlementPeriods.Period current = periods.periodFor(uuid(partner), clock.instant()).orElseThrow().period();
        RatedUsageEvents.send(usage(partner, offering, inLastMonth, charge, true));
        await().atMost(Duration.ofSeconds(30)).until(() -> sums.ofPeriod(current.id()).stream()
                .anyMatch(UsageSums.Sum::priorPeriod));
        assertThat(finance().post("/api/settlement/periods/" + current.id() + "/early-close",
                "{\"reason\": \"late usage of a settled month\"}").status()).isEqualTo(200);
        run(partner);
        Statements.View statement = statements.ofPeriod(uuid(partner), current.id()).orElseThrow();
        return statement.lines().stream().filter(line -> LateGuaranteeLines.isLateGuarantee(line.label()))
                .reduce((one, other) -> {
                    throw new AssertionError("more than one late guarantee line: " + statement.lines());
                }).orElseThrow(() -> new AssertionError("no late guarantee line: " + statement.lines()));
    }

    private static LocalDate date(Instant midnight) {
        return LocalDate.ofInstant(midnight, ZoneOffset.UTC);
    }

    private static io.accord.contracts.usage.UsageRated usage(String partner, String offering, Instant at,
                                                              String charge, boolean resell) {
        RatedUsageEvents.Rated rated = RatedUsageEvents.rated(offering, at).usageType("VOICE").charge(charge);
        return (resell ? rated.allocation("RESELL").wholesale(partner) : rated.share(partner, "100")).build();
    }

    private void run(String partner) {
        String location = finance().post("/api/settlement/runs", "{\"partnerIds\": [\"" + partner + "\"]}")
                .header("Location");
        JsonNode run = await().atMost(Duration.ofSeconds(60)).until(() -> finance().get(location).json(),
                state -> !"RUNNING".equals(state.get("state").asString()));
        assertThat(run.get("state").asString()).as(run.toString()).isEqualTo("COMPLETED");
    }

    /** Wholesale usage now in the partner's open period, then finance closes it early and a run settles it. */
    private SettlementPeriods.Period closeEarlyWithWholesale(String partner, String offering, String... charges) {
        return closeEarlyWithWholesale(partner, offering, 0, charges);
    }

    /** The same, the open period already holding {@code held} sums (late usage of an earlier part). */
    private SettlementPeriods.Period closeEarlyWithWholesale(String partner, String offering, long held,
                                                             String... charges) {
        Instant now = clock.instant();
        SettlementPeriods.Period open = periods.periodFor(uuid(partner), now).orElseThrow().period();
        for (String charge : charges) {
            RatedUsageEvents.send(RatedUsageEvents.rated(offering, now).usageType("VOICE").allocation("RESELL")
                    .charge(charge).wholesale(partner).build());
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> sums.ofPeriod(open.id()).stream()
                .mapToLong(UsageSums.Sum::recordCount).sum() == held + charges.length);
        assertThat(finance().post("/api/settlement/periods/" + open.id() + "/early-close",
                "{\"reason\": \"demo: month closed early to show it\"}").status()).isEqualTo(200);
        String location = finance().post("/api/settlement/runs", "{\"partnerIds\": [\"" + partner + "\"]}")
                .header("Location");
        JsonNode run = await().atMost(Duration.ofSeconds(60)).until(() -> finance().get(location).json(),
                state -> !"RUNNING".equals(state.get("state").asString()));
        assertThat(run.get("state").asString()).isEqualTo("COMPLETED");
        return periods.ofPartner(uuid(partner)).stream().filter(period -> period.id().equals(open.id()))
                .findFirst().orElseThrow();
    }

    private void assertConserved(SettlementPeriods.Period period, String owed) {
        JsonNode conservation = finance().get("/api/settlement/periods/" + period.id() + "/conservation").json();
        assertThat(conservation.get("balanced").asBoolean()).isTrue();
        assertThat(conservation.get("amounts")).singleElement().satisfies(row -> {
            assertThat(row.get("direction").asString()).isEqualTo("OWED_BY_PARTNER");
            assertThat(row.get("onStatements").decimalValue()).isEqualByComparingTo(owed);
            assertThat(row.get("difference").decimalValue()).isZero();
        });
    }

    private TestHttp finance() {
        return TestHttp.localPort(port).as(TestJwt.staff("fiona", Roles.FINANCE));
    }

    private static UUID uuid(String id) {
        return UUID.fromString(id);
    }
}
