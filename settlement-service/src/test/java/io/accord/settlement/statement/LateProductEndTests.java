package io.accord.settlement.statement;

import io.accord.contracts.Roles;
import io.accord.contracts.value.Money;
import io.accord.settlement.SettlementFixtures;
import io.accord.settlement.StatementFixtures;
import io.accord.settlement.money.SettlementMath;
import io.accord.settlement.period.SettlementPeriods;
import io.accord.settlement.product.PartnerProducts;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.OrderEvents;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestJwt;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A product's end that reaches settlement after a period it affects was charged (issue 11, "Late product events"):
 * the closed statements never change; the partner's next statement carries the over-charged (or, for an end withdrawn,
 * the missing) recurring part of each closed period once, on lines labelled as prior-period adjustments.
 */
@AccordServiceTest
class LateProductEndTests {

    private static final String RESELL_TERMS = """
            {"currency":"EUR","revenueShares":[],"wholesaleRates":[{"unit":"SIM_MONTH","price":"1.500000"}],
             "minimumMonthlyGuarantee":"0","settlementCycle":"MONTHLY","paymentTermsDays":30,
             "taxTreatment":{"ratePercent":"19","reverseCharge":false},
             "reconciliationTolerance":{"absoluteAmount":"1.00","percent":"0.5"},"disputeWindowDays":60,
             "validityMonths":null}""";

    @LocalServerPort
    int port;

    private final SettlementFixtures settlementFixtures;
    private final StatementFixtures fixtures;
    private final SettlementPeriods periods;
    private final Statements statements;
    private final PartnerProducts products;
    private final Clock clock;

    LateProductEndTests(StatementFixtures statementFixtures, SettlementFixtures fixtures, SettlementPeriods periods,
                        Statements statements, PartnerProducts products, Clock clock) {
        this.settlementFixtures = fixtures;
        this.fixtures = statementFixtures;
        this.periods = periods;
        this.statements = statements;
        this.products = products;
        this.clock = clock;
    }

    @Test
    void anEndLearntAfterItsMonthWasChargedIsReversedOnTheNextStatementOnceAndBackChargedWhenWithdrawn() {
        String partner = fixtures.partner();
        UUID partnerId = UUID.fromString(partner);
        SettlementPeriods.Period month = periods.periodFor(partnerId, clock.instant().minus(Duration.ofDays(40)))
                .orElseThrow().period();
        long days = Duration.between(month.startAt(), month.endAt()).toDays();
        // one EUR a day (31.00 for a month of 31 days), DAILY, at the agreement's 70 % video share: 0.70 a day
        String monthly = days + ".00";
        String productId = "ending-" + UUID.randomUUID();
        OrderEvents.Product product = OrderEvents.product(productId, "off-video-" + UUID.randomUUID())
                .ownedBy(partner).category("video").recurring("monthly", monthly, "MONTH", "DAILY");
        OrderEvents.send(product.valid(month.startAt(), null).activated(), 1L);
        await().atMost(StatementFixtures.PATIENCE).until(() -> held(partnerId, month, productId) != null);

        Statements.View closed = statements.find(fixtures.drafted(partner, "20.00").id()).orElseThrow();
        assertThat(closed.lines()).filteredOn(line -> "RECURRING_SHARE".equals(line.type()))
                .extracting(Statements.Line::rounded).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("0.70").multiply(BigDecimal.valueOf(days)));

        // the termination arrives after the month's statement: its last day was the month's 20th
        Instant end = month.startAt().plus(Duration.ofDays(20));
        OrderEvents.send(product.valid(month.startAt(), end).status("TERMINATED").terminated(), 2L);
        await().atMost(StatementFixtures.PATIENCE).until(() -> end.equals(held(partnerId, month, productId).endAt()));
        SettlementPeriods.Period next = closeNext(partnerId, month);
        Statements.View adjusted = statements.draft(partnerId, next.id(), "finance");

        // −(days − 20) × 0.70: for a 31-day month −(11/31 × 31.00 × 70 %) = −7.70
        assertThat(adjusted.lines()).filteredOn(line -> ProductChargeLines.priorPeriod(line.label()))
                .singleElement().satisfies(line -> {
                    assertThat(line.type()).isEqualTo("RECURRING_SHARE");
                    assertThat(line.label()).startsWith(ProductChargeLines.ENDED_PREFIX).contains("70 %");
                    assertThat(line.rounded()).isEqualByComparingTo(
                            new BigDecimal("-0.70").multiply(BigDecimal.valueOf(days - 20)));
                });
        Statements.View unchanged = statements.find(closed.id()).orElseThrow();
        assertThat(unchanged.lines()).isEqualTo(closed.lines());
        assertThat(unchanged.totalAmount()).isEqualByComparingTo(closed.totalAmount());
        Statements.View stored = statements.find(adjusted.id()).orElseThrow();
        assertThat(statements.draft(partnerId, next.id(), "finance")).satisfies(again -> {
            assertThat(again.id()).isEqualTo(adjusted.id());
            assertThat(again.lines()).isEqualTo(stored.lines());
        });

        // the end is withdrawn after that statement: both closed periods are charged the part they missed, once
        OrderEvents.send(product.valid(month.startAt(), null).status("ACTIVE").modified("status"), 3L);
        await().atMost(StatementFixtures.PATIENCE).until(() -> held(partnerId, month, productId).endAt() == null);
        SettlementPeriods.Period third = closeNext(partnerId, next);
        Statements.View backCharged = statements.draft(partnerId, third.id(), "finance");

        Money nextMissed = SettlementMath.recurringCharge(Money.of(monthly, "EUR"), "MONTH", "DAILY",
                next.startAt(), next.endAt(), month.startAt(), null);
        BigDecimal expected = Money.of(BigDecimal.valueOf(days - 20).add(nextMissed.amount())
                .multiply(new BigDecimal("0.70")), "EUR").amount();
        assertThat(backCharged.lines()).filteredOn(line -> ProductChargeLines.priorPeriod(line.label()))
                .singleElement().satisfies(line -> {
                    assertThat(line.label()).startsWith(ProductChargeLines.EXTENDED_PREFIX);
                    assertThat(line.unrounded()).isEqualByComparingTo(expected);
                });
        SettlementPeriods.Period fourth = closeNext(partnerId, third);
        assertThat(statements.draft(partnerId, fourth.id(), "finance").lines())
                .noneMatch(line -> ProductChargeLines.priorPeriod(line.label()));
    }

    @Test
    void aResellersSimEndedLateGetsBackItsOverChargedRecurringChargeAndSimFee() {
        String partner = settlementFixtures.partnerWith("RESELL", clock.instant().minus(Duration.ofDays(200)),
                RESELL_TERMS);
        UUID partnerId = UUID.fromString(partner);
        SettlementPeriods.Period month = periods.periodFor(partnerId, clock.instant().minus(Duration.ofDays(40)))
                .orElseThrow().period();
        long days = Duration.between(month.startAt(), month.endAt()).toDays();
        String productId = "sim-" + UUID.randomUUID();
        OrderEvents.Product sim = OrderEvents.product(productId, "off-sim-" + UUID.randomUUID()).boughtBy(partner)
                .identifier("ICCID", "89490000" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L))
                .recurring("monthly", days + ".00", "MONTH", "DAILY");
        OrderEvents.send(sim.valid(month.startAt(), null).activated(), 1L);
        await().atMost(StatementFixtures.PATIENCE).until(() -> held(partnerId, month, productId) != null);
        Statements.View closed = statements.find(fixtures.drafted(partner).id()).orElseThrow();
        assertThat(closed.lines()).filteredOn(line -> "RECURRING_WHOLESALE".equals(line.type()))
                .extracting(Statements.Line::unrounded).usingElementComparator(BigDecimal::compareTo)
                .containsExactlyInAnyOrder(BigDecimal.valueOf(-days), new BigDecimal("-1.50"));

        Instant end = month.startAt().plus(Duration.ofDays(20));
        OrderEvents.send(sim.valid(month.startAt(), end).status("TERMINATED").terminated(), 2L);
        await().atMost(StatementFixtures.PATIENCE).until(() -> end.equals(held(partnerId, month, productId).endAt()));
        SettlementPeriods.Period next = closeNext(partnerId, month);
        Statements.View adjusted = statements.draft(partnerId, next.id(), "finance");

        // (days − 20) EUR of the recurring charge and 1.50 × (days − 20)/days of the SIM fee, back to the reseller
        BigDecimal fee = Money.of(new BigDecimal("1.50").multiply(BigDecimal.valueOf(days - 20))
                .divide(BigDecimal.valueOf(days), java.math.MathContext.DECIMAL128), "EUR").amount();
        assertThat(adjusted.lines()).filteredOn(line -> ProductChargeLines.priorPeriod(line.label()))
                .allSatisfy(line -> {
                    assertThat(line.type()).isEqualTo("RECURRING_WHOLESALE");
                    assertThat(line.label()).startsWith(ProductChargeLines.ENDED_PREFIX);
                })
                .extracting(Statements.Line::unrounded).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(BigDecimal.valueOf(days - 20), fee);
        assertThat(statements.find(closed.id()).orElseThrow().lines()).isEqualTo(closed.lines());
    }

    /** The product as the read model holds it, if active at some instant of the period. */
    private PartnerProducts.Product held(UUID partnerId, SettlementPeriods.Period period, String productId) {
        List<PartnerProducts.Product> active = products.activeBetween(partnerId, period.startAt(), period.endAt());
        return active.stream().filter(product -> product.productId().equals(productId)).findFirst().orElse(null);
    }

    /** The partner's period after {@code previous}, closed early when it has not ended yet, and closing. */
    private SettlementPeriods.Period closeNext(UUID partnerId, SettlementPeriods.Period previous) {
        SettlementPeriods.Period next = following(partnerId, previous);
        if (next.endAt().isAfter(clock.instant())) {
            TestHttp.Response early = TestHttp.localPort(port).as(TestJwt.staff("fiona", Roles.FINANCE))
                    .post("/api/settlement/periods/" + next.id() + "/early-close", "{\"reason\": \"test\"}");
            assertThat(early.status()).as(early.body()).isEqualTo(200);
        }
        periods.startClosing(next.id());
        return following(partnerId, previous);
    }

    private SettlementPeriods.Period following(UUID partnerId, SettlementPeriods.Period previous) {
        return periods.ofPartner(partnerId).stream()
                .filter(period -> Objects.equals(period.startAt(), previous.endAt())).findFirst().orElseThrow();
    }
}
