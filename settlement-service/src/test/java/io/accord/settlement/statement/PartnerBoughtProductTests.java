package io.accord.settlement.statement;

import io.accord.contracts.Roles;
import io.accord.settlement.StatementFixtures;
import io.accord.settlement.period.SettlementPeriods;
import io.accord.settlement.product.PartnerProducts;
import io.accord.settlement.usage.UsageSums;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.OrderEvents;
import io.accord.testsupport.RatedUsageEvents;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestJwt;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A partner that bought another partner's offering, and a co-created one it participates in (orchestration lets a
 * partner buy them): it billed its own customers, so its statement owes their whole monthly and one-time fees (and
 * the whole usage charge), beside its own participant share; the owner and the participants are paid their shares of
 * the same products on their own statements, each part once, and money stays conserved for both.
 */
@AccordServiceTest
class PartnerBoughtProductTests {

    @LocalServerPort
    int port;

    private final StatementFixtures fixtures;
    private final SettlementPeriods periods;
    private final UsageSums sums;
    private final Statements statements;
    private final PartnerProducts products;
    private final Clock clock;

    PartnerBoughtProductTests(StatementFixtures statementFixtures, SettlementPeriods periods, UsageSums sums,
                              Statements statements, PartnerProducts products, Clock clock) {
        this.fixtures = statementFixtures;
        this.periods = periods;
        this.sums = sums;
        this.statements = statements;
        this.products = products;
        this.clock = clock;
    }

    @Test
    void theBuyerOwesTheWholeFeesBesideItsOwnShareAndTheOwnerAndParticipantsArePaidTheirShares() {
        // both sell through, 70 % of the video category (the fixtures' terms), monthly periods of the same months
        String owner = fixtures.partner();
        String buyer = fixtures.partner();
        Instant usage = clock.instant().minus(Duration.ofDays(40));
        SettlementPeriods.Period ownerPeriod = periods.periodFor(UUID.fromString(owner), usage).orElseThrow().period();
        SettlementPeriods.Period buyerPeriod = periods.periodFor(UUID.fromString(buyer), usage).orElseThrow().period();
        Instant start = ownerPeriod.startAt().plus(Duration.ofDays(2));
        String owned = "off-owned-" + UUID.randomUUID();
        String joint = "off-joint-" + UUID.randomUUID();
        OrderEvents.send(OrderEvents.product("pb1-" + UUID.randomUUID(), owned).ownedBy(owner).boughtBy(buyer)
                .category("video").valid(start, null).recurring("monthly", "30.00", "MONTH", "NONE")
                .oneTime("setup", "20.00").activated(), 1L);
        OrderEvents.send(OrderEvents.product("pb2-" + UUID.randomUUID(), joint).ownedBy(owner)
                .participant(buyer, "40").participant(owner, "30").boughtBy(buyer).category("video")
                .valid(start, null).recurring("monthly", "30.00", "MONTH", "NONE").activated(), 1L);
        // the same instance's usage as rating rates it now: the owner's share, the whole charge owed by the buyer
        RatedUsageEvents.send(RatedUsageEvents.rated(owned, usage).charge("10.00").share(owner, "70")
                .wholesale(buyer).build());
        await().atMost(StatementFixtures.PATIENCE).until(() ->
                products.activeBetween(UUID.fromString(owner), ownerPeriod.startAt(), ownerPeriod.endAt()).size() == 2
                        && products.activeBetween(UUID.fromString(buyer), buyerPeriod.startAt(),
                        buyerPeriod.endAt()).size() == 2
                        && recordCount(ownerPeriod) == 1 && recordCount(buyerPeriod) == 1);
        periods.startClosing(ownerPeriod.id());
        periods.startClosing(buyerPeriod.id());

        Statements.View ownerStatement = statements.draft(UUID.fromString(owner), ownerPeriod.id(), "finance");
        Statements.View buyerStatement = statements.draft(UUID.fromString(buyer), buyerPeriod.id(), "finance");

        // NONE: the month the product was active in counts in full
        assertThat(buyerStatement.lines()).extracting(Statements.Line::type, Statements.Line::offeringId,
                line -> line.rounded().stripTrailingZeros().toPlainString(), Statements.Line::direction)
                .containsExactlyInAnyOrder(
                        Tuple.tuple("WHOLESALE", owned, "-10", "OWED_BY_PARTNER"),
                        Tuple.tuple("RECURRING_WHOLESALE", owned, "-30", "OWED_BY_PARTNER"),
                        Tuple.tuple("ONE_TIME_WHOLESALE", owned, "-20", "OWED_BY_PARTNER"),
                        Tuple.tuple("RECURRING_SHARE", joint, "12", "PAYABLE_TO_PARTNER"),
                        Tuple.tuple("RECURRING_WHOLESALE", joint, "-30", "OWED_BY_PARTNER"));
        assertThat(buyerStatement.lines()).filteredOn(line -> "RECURRING_WHOLESALE".equals(line.type()))
                .allSatisfy(line -> assertThat(line.label()).contains("owed in full (bought for its own customer)"));
        assertThat(buyerStatement.netAmount()).isEqualByComparingTo("-78.00");
        assertThat(ownerStatement.lines()).extracting(Statements.Line::type, Statements.Line::offeringId,
                line -> line.rounded().stripTrailingZeros().toPlainString(), Statements.Line::direction)
                .containsExactlyInAnyOrder(
                        Tuple.tuple("USAGE_REVENUE_SHARE", owned, "7", "PAYABLE_TO_PARTNER"),
                        Tuple.tuple("RECURRING_SHARE", owned, "21", "PAYABLE_TO_PARTNER"),
                        Tuple.tuple("ONE_TIME_SHARE", owned, "14", "PAYABLE_TO_PARTNER"),
                        Tuple.tuple("RECURRING_SHARE", joint, "9", "PAYABLE_TO_PARTNER"));
        assertConserved(ownerPeriod, "PAYABLE_TO_PARTNER", "7");
        assertConserved(buyerPeriod, "OWED_BY_PARTNER", "10");
    }

    private long recordCount(SettlementPeriods.Period period) {
        return sums.ofPeriod(period.id()).stream().mapToLong(UsageSums.Sum::recordCount).sum();
    }

    private void assertConserved(SettlementPeriods.Period period, String direction, String amount) {
        TestHttp finance = TestHttp.localPort(port).as(TestJwt.staff("fiona", Roles.FINANCE));
        JsonNode conservation = finance.get("/api/settlement/periods/" + period.id() + "/conservation").json();
        assertThat(conservation.get("balanced").asBoolean()).as(conservation.toString()).isTrue();
        assertThat(conservation.get("amounts")).singleElement().satisfies(row -> {
            assertThat(row.get("direction").asString()).isEqualTo(direction);
            assertThat(row.get("rated").decimalValue()).isEqualByComparingTo(amount);
            assertThat(row.get("onStatements").decimalValue()).isEqualByComparingTo(amount);
            assertThat(row.get("difference").decimalValue()).isZero();
        });
    }
}
