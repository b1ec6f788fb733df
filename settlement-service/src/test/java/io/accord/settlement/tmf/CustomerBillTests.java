package io.accord.settlement.tmf;

import io.accord.contracts.Roles;
import io.accord.settlement.SettlementFixtures;
import io.accord.settlement.StatementFixtures;
import io.accord.settlement.statement.Statements;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestJwt;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Statements read through TMF678: customerBill and appliedCustomerBillingRate with TMF paging, filters, fields=. */
@AccordServiceTest
class CustomerBillTests {

    private static final String BILLS = "/tmf-api/customerBillManagement/v4/customerBill";
    private static final String RATES = "/tmf-api/customerBillManagement/v4/appliedCustomerBillingRate";

    @LocalServerPort
    int port;

    private final StatementFixtures statements;
    private final SettlementFixtures fixtures;
    private final Clock clock;

    CustomerBillTests(StatementFixtures statementFixtures, SettlementFixtures fixtures, Clock clock) {
        this.statements = statementFixtures;
        this.fixtures = fixtures;
        this.clock = clock;
    }

    @Test
    void eachLineCarriesItsShareOfTheStatementsTaxAndTheSharesSumExactlyToIt() {
        String partner = statements.partner();
        // lines 10.00, 0.03, 0.03, 0.03: net 10.09 at 19 % = 1.9171 → 1.92; each line rounded on its own would
        // make 1.90 + 0.01 + 0.01 + 0.01 = 1.93
        Statements.View issued = statements.issued(partner, "20.00", "0.06", "0.06", "0.06");
        TestHttp own = TestHttp.localPort(port).as(TestJwt.partner("pia", partner, Roles.PARTNER_USER));

        TestHttp.Response response = own.get(RATES + "?bill.id=" + issued.id());

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        // decimals in plain digits: a line's quantity of 60 (stored 60.000000000) was written 6E+1
        assertThat(response.body()).doesNotContainPattern("\":-?[0-9.]+[eE]")
                .contains("{\"name\":\"quantity\",\"valueType\":\"number\",\"value\":60}");
        JsonNode rates = response.json();
        assertThat(rates).hasSize(4);
        BigDecimal[] expectedTax = {new BigDecimal("1.90"), new BigDecimal("0.01"), new BigDecimal("0.01"),
                new BigDecimal("0.00")};
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < rates.size(); i++) {
            JsonNode rate = rates.get(i);
            JsonNode tax = rate.path("appliedTax");
            assertThat(tax).as("line %d", i + 1).hasSize(1);
            assertThat(tax.get(0).path("taxCategory").asString()).isEqualTo("VAT");
            assertThat(tax.get(0).path("taxRate").decimalValue()).isEqualByComparingTo("19");
            assertThat(tax.get(0).path("taxAmount").path("unit").asString()).isEqualTo("EUR");
            BigDecimal amount = tax.get(0).path("taxAmount").path("value").decimalValue();
            assertThat(amount).as("line %d", i + 1).isEqualByComparingTo(expectedTax[i]);
            assertThat(rate.path("taxIncludedAmount").path("value").decimalValue()).as("line %d", i + 1)
                    .isEqualByComparingTo(rate.path("taxExcludedAmount").path("value").decimalValue().add(amount));
            sum = sum.add(amount);
        }
        JsonNode bill = own.get(BILLS + "/" + issued.id()).json();
        assertThat(bill.path("taxItem").get(0).path("taxAmount").path("value").decimalValue())
                .isEqualByComparingTo("1.92");
        assertThat(sum).isEqualByComparingTo(issued.taxAmount()).isEqualByComparingTo("1.92");
        assertThat(own.get(RATES + "/" + issued.id() + "-2").json().path("appliedTax").get(0).path("taxAmount")
                .path("value").decimalValue()).isEqualByComparingTo("0.01");
    }

    @Test
    void underReverseChargeEveryLinesTaxIsZeroWithTheLegalNote() {
        String partner = fixtures.partnerWith("SELL_THROUGH", clock.instant().minus(Duration.ofDays(200)),
                SettlementFixtures.terms("MONTHLY", "EUR").replace("\"reverseCharge\":false",
                        "\"reverseCharge\":true"));
        Statements.View issued = statements.issued(partner, "20.00", "0.06");
        TestHttp staff = TestHttp.localPort(port).as(TestJwt.staff("alex", Roles.AUDITOR));

        JsonNode rates = staff.get(RATES + "?bill.id=" + issued.id()).json();

        assertThat(rates).hasSize(2);
        for (JsonNode rate : rates) {
            JsonNode tax = rate.path("appliedTax").get(0);
            assertThat(tax.path("taxCategory").asString()).isEqualTo("REVERSE_CHARGE");
            assertThat(tax.path("taxRate").decimalValue()).isEqualByComparingTo("0");
            assertThat(tax.path("taxAmount").path("value").decimalValue()).isEqualByComparingTo("0");
            assertThat(rate.path("taxIncludedAmount").path("value").decimalValue())
                    .isEqualByComparingTo(rate.path("taxExcludedAmount").path("value").decimalValue());
            assertThat(rate.path("characteristic").toString()).contains("taxNote", "Reverse charge");
        }
        JsonNode bill = staff.get(BILLS + "/" + issued.id()).json();
        assertThat(bill.path("taxItem").get(0).path("taxCategory").asString()).isEqualTo("REVERSE_CHARGE");
        assertThat(bill.path("taxItem").get(0).path("taxAmount").path("value").decimalValue())
                .isEqualByComparingTo("0");
    }

    @Test
    void aPartnerReadsItsOwnBillsAndTheirLinesWithTmfPagingFiltersAndFieldSelection() {
        String partner = statements.partner();
        Statements.View issued = statements.issued(partner, "20.00", "7.00");
        Statements.View draft = statements.drafted(statements.partner(), "3.00");
        TestHttp own = TestHttp.localPort(port).as(TestJwt.partner("pia", partner, Roles.PARTNER_USER));

        TestHttp.Response list = own.get(BILLS);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.header("X-Total-Count")).isEqualTo("1");
        assertThat(list.header("X-Result-Count")).isEqualTo("1");
        JsonNode bill = list.json().get(0);
        assertThat(bill.path("id").asString()).isEqualTo(issued.id().toString());
        assertThat(bill.path("href").asString()).isEqualTo(BILLS + "/" + issued.id());
        assertThat(bill.path("@type").asString()).isEqualTo("CustomerBill");
        assertThat(bill.path("billNo").asString()).isEqualTo(issued.documentNumber());
        assertThat(bill.path("state").asString()).isEqualTo("sent");
        assertThat(bill.path("category").asString()).isEqualTo("REVENUE_SHARE_STATEMENT");
        // 10.00 + 3.50 = 13.50 net, 19 % = 2.565 → 2.56, total 16.06
        assertThat(bill.path("taxExcludedAmount").path("value").decimalValue()).isEqualByComparingTo("13.50");
        assertThat(bill.path("taxIncludedAmount").path("value").decimalValue()).isEqualByComparingTo("16.06");
        assertThat(bill.path("amountDue").path("unit").asString()).isEqualTo("EUR");
        assertThat(bill.path("taxItem").get(0).path("taxRate").decimalValue()).isEqualByComparingTo("19");
        assertThat(bill.path("billingPeriod").path("startDateTime").isString()).isTrue();
        assertThat(java.time.Instant.parse(bill.path("paymentDueDate").asString()))
                .as("TMF678's paymentDueDate is a date-time").isEqualTo(java.time.LocalDate.ofInstant(
                        java.time.Instant.parse(bill.path("billDate").asString()), java.time.ZoneOffset.UTC)
                        .plusDays(30) // SettlementFixtures.terms: paymentTermsDays 30
                        .atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
        assertThat(bill.path("billDocument").get(0).path("href").asString())
                .isEqualTo("/api/settlement/statements/" + issued.id() + "/document");
        assertThat(bill.path("relatedParty").get(0).path("id").asString()).isEqualTo(partner);
        // the agreement versions the statement was computed with, as the statement names them
        assertThat(issued.agreements()).isNotEmpty();
        assertThat(bill.path("agreements").valueStream().map(agreement -> new Statements.AgreementVersion(
                agreement.path("agreementId").asString(), agreement.path("version").asInt())).toList())
                .isEqualTo(issued.agreements());

        JsonNode selected = own.get(BILLS + "?fields=billNo,state").json().get(0);
        assertThat(selected.properties().stream().map(java.util.Map.Entry::getKey).toList()).containsExactlyInAnyOrder("id", "href", "@type", "billNo", "state");
        assertThat(own.get(BILLS + "?state=settled").header("X-Total-Count")).isEqualTo("0");
        assertThat(own.get(BILLS + "?state=sent").header("X-Total-Count")).isEqualTo("1");
        assertThat(own.get(BILLS + "/" + issued.id()).json().path("billNo").asString())
                .isEqualTo(issued.documentNumber());
        assertThat(own.get(BILLS + "/" + draft.id()).status()).isEqualTo(404);
        for (String shape : new String[] {"not-an-id", "null", "123", "-1", "%20", "a".repeat(1000)}) {
            assertThat(own.get(BILLS + "/" + shape).status()).as(shape).isEqualTo(404);
            assertThat(own.get(RATES + "/" + shape).status()).as(shape).isEqualTo(404);
        }
        TestHttp.Response unknownFilter = own.get(BILLS + "?colour=blue");
        assertThat(unknownFilter.status()).isEqualTo(400);
        assertThat(unknownFilter.body()).contains("colour");

        TestHttp.Response rates = own.get(RATES + "?bill.id=" + issued.id());
        assertThat(rates.header("X-Total-Count")).isEqualTo("2");
        JsonNode rate = rates.json().get(0);
        assertThat(rate.path("id").asString()).isEqualTo(issued.id() + "-1");
        assertThat(rate.path("@type").asString()).isEqualTo("AppliedCustomerBillingRate");
        assertThat(rate.path("type").asString()).isEqualTo("USAGE_REVENUE_SHARE");
        assertThat(rate.path("isBilled").asBoolean()).isTrue();
        assertThat(rate.path("bill").path("id").asString()).isEqualTo(issued.id().toString());
        assertThat(rate.path("taxExcludedAmount").path("value").decimalValue()).isEqualByComparingTo("10.00");
        assertThat(own.get(RATES + "?limit=1&offset=1").json().get(0).path("id").asString())
                .isEqualTo(issued.id() + "-2");
        assertThat(own.get(RATES + "/" + issued.id() + "-2").json().path("taxExcludedAmount").path("value")
                .decimalValue()).isEqualByComparingTo("3.50");
        assertThat(own.get(RATES + "/" + issued.id() + "-3").status()).isEqualTo(404);
        assertThat(own.get(RATES + "/" + draft.id() + "-1").status()).isEqualTo(404);
        assertThat(own.get(RATES + "?bill.id=" + draft.id()).json()).isEmpty();

        TestHttp staff = TestHttp.localPort(port).as(TestJwt.staff("alex", Roles.AUDITOR));
        JsonNode drafted = staff.get(BILLS + "?relatedParty.id=" + draft.partnerId()).json();
        assertThat(drafted).hasSize(1);
        assertThat(drafted.get(0).path("state").asString()).isEqualTo("new");
        assertThat(drafted.get(0).has("billNo")).isFalse();
        assertThat(staff.get(BILLS + "?relatedParty.id=nope").status()).isEqualTo(400);
        TestHttp other = TestHttp.localPort(port).as(TestJwt.partner("pat", UUID.randomUUID().toString(),
                Roles.PARTNER_USER));
        assertThat(other.get(BILLS + "/" + issued.id()).status()).isEqualTo(404);
        assertThat(other.get(BILLS + "?relatedParty.id=" + partner).json()).isEmpty();
        // the partner itself naming another partner gets nothing, not its own bills
        assertThat(own.get(BILLS + "?relatedParty.id=" + UUID.randomUUID()).json()).isEmpty();
        assertThat(own.get(BILLS + "?relatedParty.id=" + partner).json()).isNotEmpty();
    }
}
