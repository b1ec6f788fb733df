package io.accord.settlement.statement;

import io.accord.contracts.Roles;
import io.accord.contracts.value.Money;
import io.accord.settlement.StatementFixtures;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestJwt;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import static io.accord.settlement.statement.StatementCsvParsing.parse;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The statement list as CSV for finance's ERP ({@code Accept: text/csv}): one row per statement with the JSON's
 * figures, the list's filters and scope, RFC 4180 quoting and the formula guard; before, 406.
 */
@AccordServiceTest
class StatementListCsvTests {

    private static final String LIST = "/api/settlement/statements";

    @LocalServerPort
    int port;

    private final StatementFixtures fixtures;
    private final Statements statements;
    private final JdbcClient jdbc;

    StatementListCsvTests(StatementFixtures statementFixtures, Statements statements, JdbcClient jdbc) {
        this.fixtures = statementFixtures;
        this.statements = statements;
        this.jdbc = jdbc;
    }

    @Test
    void theListAsCsvHasOneRowPerStatementWithTheFiguresOfItsJsonUnderTheSameFiltersAndScope() {
        String partner = fixtures.partner();
        Statements.View issued = fixtures.issued(partner, "20.00", "0.99");
        statements.recordPayment(issued.id(), Money.of("5.00", "EUR"), "PAYABLE");
        TestHttp finance = finance();

        TestHttp.Response csv = finance.header("Accept", "text/csv").get(LIST + "?partnerId=" + partner);

        assertThat(csv.status()).as(csv.body()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).contains("statements.csv");
        assertThat(csv.header("X-Total-Count")).isEqualTo("1");
        assertThat(csv.body()).endsWith("\r\n");
        List<List<String>> rows = parse(csv.body());
        assertThat(rows.getFirst()).containsExactly("id", "documentNumber", "partnerId", "periodId", "periodStart",
                "periodEnd", "state", "direction", "currency", "netAmount", "taxAmount", "totalAmount", "paidAmount",
                "remainingAmount", "dueDate", "issuedAt");
        assertThat(rows).hasSize(2);
        JsonNode json = finance.get(LIST + "?partnerId=" + partner).json().get(0);
        List<String> row = rows.get(1);
        for (String field : List.of("id", "documentNumber", "partnerId", "periodId", "periodStart", "periodEnd",
                "state", "direction", "currency", "dueDate", "issuedAt")) {
            assertThat(row.get(rows.getFirst().indexOf(field))).as(field).isEqualTo(json.path(field).asString());
        }
        for (String field : List.of("netAmount", "taxAmount", "totalAmount", "paidAmount", "remainingAmount")) {
            assertThat(new BigDecimal(row.get(rows.getFirst().indexOf(field)))).as(field)
                    .isEqualByComparingTo(json.path(field).decimalValue());
        }
        // at the minor unit; paid 5.00 of the total, so the rest remains
        assertThat(row.subList(9, 14)).containsExactly(plain(issued.netAmount()), plain(issued.taxAmount()),
                plain(issued.totalAmount()), "5.00", plain(issued.totalAmount().subtract(new BigDecimal("5"))));
        assertThat(row.get(6)).isEqualTo("ISSUED");
        // the list's filters and scope hold
        assertThat(parse(finance.header("Accept", "text/csv").get(LIST + "?partnerId=" + partner + "&state=DRAFT")
                .body())).hasSize(1);
        assertThat(parse(finance.header("Accept", "text/csv").get(LIST + "?partnerId=" + partner
                + "&direction=RECEIVABLE").body())).hasSize(1);
        TestHttp own = TestHttp.localPort(port).as(TestJwt.partner("pia", partner, Roles.PARTNER_USER))
                .header("Accept", "text/csv");
        assertThat(parse(own.get(LIST).body())).hasSize(2).last().isEqualTo(row);
        TestHttp other = TestHttp.localPort(port).as(TestJwt.partner("olga", UUID.randomUUID().toString(),
                Roles.PARTNER_USER)).header("Accept", "text/csv");
        assertThat(parse(other.get(LIST + "?partnerId=" + partner).body())).hasSize(1);
        // JSON stays the default
        assertThat(finance.get(LIST + "?partnerId=" + partner).contentType()).startsWith("application/json");
    }

    @Test
    void aDocumentNumberAFormulaWouldRunIsQuotedAndGuardedAndBadParametersAre400() {
        String partner = fixtures.partner();
        Statements.View issued = fixtures.issued(partner, "20.00");
        String number = "=HYPERLINK(\"http://x\",\"pay, now\")";
        jdbc.sql("update statement set document_number = :number where id = :id").param("number", number)
                .param("id", issued.id()).update();
        TestHttp csv = finance().header("Accept", "text/csv");

        TestHttp.Response response = csv.get(LIST + "?partnerId=" + partner);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("," + "\"'=HYPERLINK(\"\"http://x\"\",\"\"pay, now\"\")\"" + ",")
                .doesNotContain(",=HYPERLINK");
        assertThat(parse(response.body()).get(1).get(1)).isEqualTo("'" + number);
        for (String bad : List.of("limit=0", "limit=10001", "offset=-1", "partnerId=nope", "state=OPEN",
                "issuedFrom=2026-05-01T00:00:00Z&issuedTo=2026-04-01T00:00:00Z")) {
            TestHttp.Response refused = csv.get(LIST + "?" + bad);
            assertThat(refused.status()).as(bad + ": " + refused.body()).isEqualTo(400);
            assertThat(refused.contentType()).as(bad).startsWith("application/problem+json");
        }
        TestHttp.Response paged = csv.get(LIST + "?partnerId=" + partner + "&offset=1");
        assertThat(paged.header("X-Total-Count")).isEqualTo("1");
        assertThat(parse(paged.body())).hasSize(1);
    }

    private TestHttp finance() {
        return TestHttp.localPort(port).as(TestJwt.staff("fiona", Roles.FINANCE));
    }

    private static String plain(BigDecimal amount) {
        return amount.setScale(2, java.math.RoundingMode.UNNECESSARY).toPlainString();
    }
}
