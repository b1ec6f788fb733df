package io.accord.settlement.statement;

import io.accord.contracts.Roles;
import io.accord.settlement.StatementFixtures;
import io.accord.settlement.period.SettlementPeriods;
import io.accord.settlement.product.PartnerProducts;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.OrderEvents;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestJwt;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A product whose event arrives after the period it started in was closed: its one-time charge is not lost and does
 * not change the closed period's statement; the partner's next statement carries it once, on a line labelled as a
 * prior-period adjustment.
 */
@AccordServiceTest
class LateProductChargeTests {

    @LocalServerPort
    int port;

    private final StatementFixtures fixtures;
    private final SettlementPeriods periods;
    private final Statements statements;
    private final PartnerProducts products;
    private final Clock clock;

    LateProductChargeTests(StatementFixtures statementFixtures, SettlementPeriods periods, Statements statements,
                           PartnerProducts products, Clock clock) {
        this.fixtures = statementFixtures;
        this.periods = periods;
        this.statements = statements;
        this.products = products;
        this.clock = clock;
    }

    @Test
    void aOneTimeChargeArrivingAfterItsPeriodClosedLandsOnTheNextStatementOnce() {
        String partner = fixtures.partner();
        UUID partnerId = UUID.fromString(partner);
        Statements.View closed = fixtures.drafted(partner, "20.00");
        SettlementPeriods.Period closedPeriod = periods.ofPartner(partnerId).stream()
                .filter(period -> period.id().equals(closed.periodId())).findFirst().orElseThrow();
        String product = "late-" + UUID.randomUUID();
        OrderEvents.send(OrderEvents.product(product, "off-video-" + UUID.randomUUID()).ownedBy(partner)
                .category("video").valid(closedPeriod.startAt().plus(Duration.ofDays(2)), null)
                .recurring("monthly", "30.00", "MONTH", "NONE").oneTime("setup", "20.00").activated(), 1L);
        SettlementPeriods.Period next = periods.ofPartner(partnerId).stream()
                .filter(period -> period.startAt().equals(closedPeriod.endAt())).findFirst().orElseThrow();
        await().atMost(StatementFixtures.PATIENCE).until(() -> !products
                .startedBeforeNotChargedLate(partnerId, next.startAt()).isEmpty());

        if (next.endAt().isAfter(clock.instant())) {
            TestHttp.Response early = TestHttp.localPort(port).as(TestJwt.staff("fiona", Roles.FINANCE))
                    .post("/api/settlement/periods/" + next.id() + "/early-close", "{\"reason\": \"test\"}");
            assertThat(early.status()).as(early.body()).isEqualTo(200);
        }
        periods.startClosing(next.id());
        Statements.View carried = statements.draft(partnerId, next.id(), "finance");

        // the set-up 20.00 × 70 %, and the closed month's recurring 30.00 (NONE: the month in full) × 70 %
        assertThat(carried.lines()).filteredOn(line -> line.label().startsWith(ProductChargeLines.LATE_PREFIX))
                .extracting(Statements.Line::type, line -> line.rounded().stripTrailingZeros().toPlainString())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("RECURRING_SHARE", "21"),
                        org.assertj.core.groups.Tuple.tuple("ONE_TIME_SHARE", "14"));
        Statements.View unchanged = statements.find(closed.id()).orElseThrow();
        assertThat(unchanged.lines()).isEqualTo(closed.lines());
        assertThat(unchanged.totalAmount()).isEqualByComparingTo(closed.totalAmount());
        assertThat(products.startedBeforeNotChargedLate(partnerId, next.endAt())).isEmpty();
    }
}
