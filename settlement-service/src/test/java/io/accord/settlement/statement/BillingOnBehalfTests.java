package io.accord.settlement.statement;

import io.accord.contracts.Roles;
import io.accord.contracts.usage.UsageRated;
import io.accord.settlement.StatementFixtures;
import io.accord.settlement.period.SettlementPeriods;
import io.accord.settlement.usage.UsageSums;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.RatedUsageEvents;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestJwt;
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
 * Billing-on-behalf invoice data per end customer: the period's revenue-share usage summed by the rated records'
 * customer reference and tax category while consuming (reversals subtract, wholesale is not billed on behalf),
 * readable per statement, paged by customer; a partner reads it once the statement is issued.
 */
@AccordServiceTest
class BillingOnBehalfTests {

    @LocalServerPort
    int port;

    private final StatementFixtures fixtures;
    private final SettlementPeriods periods;
    private final UsageSums sums;
    private final Statements statements;
    private final Clock clock;

    BillingOnBehalfTests(StatementFixtures statementFixtures, SettlementPeriods periods, UsageSums sums,
                         Statements statements, Clock clock) {
        this.fixtures = statementFixtures;
        this.periods = periods;
        this.sums = sums;
        this.statements = statements;
        this.clock = clock;
    }

    @Test
    void aStatementsUsageIsSummedPerEndCustomerOfferingAndUsageType() {
        String partner = fixtures.partner();
        UUID partnerId = UUID.fromString(partner);
        Instant usage = clock.instant().minus(Duration.ofDays(40));
        UUID period = periods.periodFor(partnerId, usage).orElseThrow().period().id();
        RatedUsageEvents.send(rated(partner, usage, "cust-a", "VOICE", "10.00"));
        // built after the one sent before it: a partition's sequences only increase (else, on the same partition of
        // 3, it would be taken for a redelivery and skipped)
        UsageRated reversed = rated(partner, usage, "cust-a", "VOICE", "10.00");
        RatedUsageEvents.send(reversed);
        RatedUsageEvents.send(rated(partner, usage, "cust-a", "DATA", "5.00"));
        RatedUsageEvents.send(rated(partner, usage, "cust-b", "VOICE", "4.00"));
        RatedUsageEvents.send(rated(partner, usage, null, "VOICE", "1.00"));
        RatedUsageEvents.send(RatedUsageEvents.rated("off-bob", usage).charge("7.00").customer("cust-c")
                .wholesale(partner).build());
        RatedUsageEvents.send(RatedUsageEvents.reversalOf(reversed));
        await().atMost(StatementFixtures.PATIENCE).until(() -> sums.ofPeriod(period).stream()
                .mapToLong(UsageSums.Sum::reversalCount).sum() == 1
                && sums.ofPeriod(period).stream().mapToLong(UsageSums.Sum::recordCount).sum() == 5);
        periods.startClosing(period);
        Statements.View statement = statements.draft(partnerId, period, "finance");
        String path = "/api/settlement/statements/" + statement.id() + "/billing-on-behalf";
        TestHttp finance = TestHttp.localPort(port).as(TestJwt.staff("fiona", Roles.FINANCE));

        TestHttp.Response all = finance.get(path);

        assertThat(all.status()).as(all.body()).isEqualTo(200);
        assertThat(all.header("X-Total-Count")).isEqualTo("3");
        JsonNode customers = all.json();
        assertThat(customers.get(0).path("customerReference").isNull()).isTrue();
        assertThat(customers.get(0).path("totals").get(0).path("charge").decimalValue()).isEqualByComparingTo("1");
        JsonNode a = customers.get(1);
        assertThat(a.path("customerReference").asString()).isEqualTo("cust-a");
        assertThat(a.path("lines")).hasSize(2);
        assertThat(a.path("lines").get(0).path("usageType").asString()).isEqualTo("DATA");
        assertThat(a.path("lines").get(1).path("charge").decimalValue()).isEqualByComparingTo("10.00");
        assertThat(a.path("lines").get(1).path("recordCount").asLong()).isEqualTo(1);
        assertThat(a.path("totals").get(0).path("charge").decimalValue()).isEqualByComparingTo("15.00");
        assertThat(a.path("totals").get(0).path("recordCount").asLong()).isEqualTo(2);
        assertThat(customers.get(2).path("customerReference").asString()).isEqualTo("cust-b");
        assertThat(customers.findValuesAsString("customerReference")).doesNotContain("cust-c");
        TestHttp.Response page = finance.get(path + "?offset=2&limit=1");
        assertThat(page.header("X-Result-Count")).isEqualTo("1");
        assertThat(page.json().get(0).path("customerReference").asString()).isEqualTo("cust-b");

        TestHttp own = TestHttp.localPort(port).as(TestJwt.partner("pia", partner, Roles.PARTNER_USER));
        assertThat(own.get(path).status()).isEqualTo(404);
        statements.issue(statements.approve(statement.id(), "finance-b").id());
        assertThat(own.get(path).json()).hasSize(3);
        TestHttp other = TestHttp.localPort(port).as(TestJwt.partner("olga", UUID.randomUUID().toString(),
                Roles.PARTNER_USER));
        assertThat(other.get(path).status()).isEqualTo(404);
    }

    @Test
    void eachCustomersLinesAndTotalsAreGroupedPerTaxCategoryOfTheRatedPrices() {
        String partner = fixtures.partner();
        UUID partnerId = UUID.fromString(partner);
        Instant usage = clock.instant().minus(Duration.ofDays(40));
        UUID period = periods.periodFor(partnerId, usage).orElseThrow().period().id();
        // built in the order sent: a partition's sequences only increase
        UsageRated standard = rated(partner, usage, "cust-t", "VOICE", "10.00", "STANDARD");
        UsageRated reduced = rated(partner, usage, "cust-t", "VOICE", "4.00", "REDUCED");
        UsageRated reversed = rated(partner, usage, "cust-t", "VOICE", "6.00", "STANDARD");
        RatedUsageEvents.send(standard, reduced, reversed,
                rated(partner, usage, "cust-u", "DATA", "2.50", "STANDARD"),
                rated(partner, usage, "cust-u", "VOICE", "1.00", null));
        RatedUsageEvents.send(RatedUsageEvents.reversalOf(reversed));
        await().atMost(StatementFixtures.PATIENCE).until(() -> sums.ofPeriod(period).stream()
                .mapToLong(UsageSums.Sum::reversalCount).sum() == 1
                && sums.ofPeriod(period).stream().mapToLong(UsageSums.Sum::recordCount).sum() == 4);
        periods.startClosing(period);
        Statements.View statement = statements.draft(partnerId, period, "finance");
        TestHttp finance = TestHttp.localPort(port).as(TestJwt.staff("fiona", Roles.FINANCE));

        TestHttp.Response response = finance.get("/api/settlement/statements/" + statement.id()
                + "/billing-on-behalf");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode t = response.json().get(0);
        assertThat(t.path("customerReference").asString()).isEqualTo("cust-t");
        // one offering × usage type, two tax categories: two lines; the reversal left STANDARD under its category
        assertThat(t.path("lines")).hasSize(2);
        assertThat(t.path("lines").get(0).path("taxCategory").asString()).isEqualTo("REDUCED");
        assertThat(t.path("lines").get(0).path("charge").decimalValue()).isEqualByComparingTo("4.00");
        assertThat(t.path("lines").get(1).path("taxCategory").asString()).isEqualTo("STANDARD");
        assertThat(t.path("lines").get(1).path("charge").decimalValue()).isEqualByComparingTo("10.00");
        assertThat(t.path("lines").get(1).path("recordCount").asLong()).isEqualTo(1);
        assertThat(t.path("taxCategoryTotals")).hasSize(2);
        assertThat(t.path("taxCategoryTotals").get(0).path("taxCategory").asString()).isEqualTo("REDUCED");
        assertThat(t.path("taxCategoryTotals").get(1).path("charge").decimalValue()).isEqualByComparingTo("10.00");
        assertThat(t.path("totals").get(0).path("charge").decimalValue()).isEqualByComparingTo("14.00");
        JsonNode u = response.json().get(1);
        assertThat(u.path("lines").get(1).path("usageType").asString()).isEqualTo("VOICE");
        assertThat(u.path("lines").get(1).path("taxCategory").isNull()).isTrue();
        assertThat(u.path("taxCategoryTotals")).hasSize(2);
        assertThat(u.path("taxCategoryTotals").get(0).path("taxCategory").asString()).isEqualTo("STANDARD");
        assertThat(u.path("taxCategoryTotals").get(0).path("charge").decimalValue()).isEqualByComparingTo("2.50");
        assertThat(u.path("taxCategoryTotals").get(1).path("taxCategory").isNull()).isTrue();
        assertThat(u.path("taxCategoryTotals").get(1).path("charge").decimalValue()).isEqualByComparingTo("1.00");
    }

    @Test
    void usageOfAnInstanceAPartnerBoughtIsNotBilledOnBehalfOfItsOwnerOrParticipants() {
        String partner = fixtures.partner();
        String buyer = fixtures.partner();
        UUID partnerId = UUID.fromString(partner);
        Instant usage = clock.instant().minus(Duration.ofDays(40));
        UUID period = periods.periodFor(partnerId, usage).orElseThrow().period().id();
        // built in the order sent: a partition's sequences only increase
        UsageRated ours = rated(partner, usage, "cust-csp", "VOICE", "10.00");
        // the partner's offering bought by another partner: that partner billed its customer, and owes the charge
        UsageRated bought = RatedUsageEvents.rated("off-bought", usage).charge("8.00").customer("cust-buyer")
                .share(partner, "50").wholesale(buyer).build();
        // a co-created offering bought by one of its participants (the partner itself): both of its entries
        UsageRated coCreated = RatedUsageEvents.rated("off-joint", usage).allocation("CO_CREATED").charge("6.00")
                .customer("cust-own").share(partner, "40").share(buyer, "20").wholesale(partner).build();
        RatedUsageEvents.send(ours, bought, coCreated);
        RatedUsageEvents.send(RatedUsageEvents.reversalOf(bought));
        await().atMost(StatementFixtures.PATIENCE).until(() -> sums.ofPeriod(period).stream()
                .mapToLong(UsageSums.Sum::reversalCount).sum() == 1
                && sums.ofPeriod(period).stream().mapToLong(UsageSums.Sum::recordCount).sum() == 3);
        periods.startClosing(period);
        Statements.View statement = statements.draft(partnerId, period, "finance");
        TestHttp finance = TestHttp.localPort(port).as(TestJwt.staff("fiona", Roles.FINANCE));

        TestHttp.Response response = finance.get("/api/settlement/statements/" + statement.id()
                + "/billing-on-behalf");

        // the shares stay on the statement: 5.00 + 2.40 paid, 6.00 owed for what the partner bought itself (the
        // reversed record nets to zero)
        assertThat(statement.lines()).filteredOn(line -> line.rounded().signum() != 0)
                .extracting(Statements.Line::type, Statements.Line::offeringId,
                        line -> line.rounded().stripTrailingZeros().toPlainString())
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("USAGE_REVENUE_SHARE", "off-bob", "5"),
                        org.assertj.core.groups.Tuple.tuple("USAGE_REVENUE_SHARE", "off-joint", "2.4"),
                        org.assertj.core.groups.Tuple.tuple("WHOLESALE", "off-joint", "-6"));
        // only what the CSP billed its own customer is billed on the partner's behalf
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.header("X-Total-Count")).isEqualTo("1");
        assertThat(response.json().get(0).path("customerReference").asString()).isEqualTo("cust-csp");
        assertThat(response.json().get(0).path("totals").get(0).path("charge").decimalValue())
                .isEqualByComparingTo("10.00");
        assertThat(sums.onBehalfOfPeriod(period)).singleElement().satisfies(item ->
                assertThat(item.offeringId()).isEqualTo("off-bob"));
        JsonNode conservation = finance.get("/api/settlement/periods/" + period + "/conservation").json();
        assertThat(conservation.get("balanced").asBoolean()).as(conservation.toString()).isTrue();
    }

    private static UsageRated rated(String partner, Instant usage, String customer, String usageType,
                                    String charge, String taxCategory) {
        return RatedUsageEvents.rated("off-tax", usage).usageType(usageType).charge(charge).customer(customer)
                .taxCategory(taxCategory).share(partner, "50").build();
    }

    private static UsageRated rated(String partner, Instant usage, String customer, String usageType,
                                    String charge) {
        return RatedUsageEvents.rated("off-bob", usage).usageType(usageType).charge(charge).customer(customer)
                .share(partner, "50").build();
    }
}
