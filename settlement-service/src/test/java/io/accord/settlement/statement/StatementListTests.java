package io.accord.settlement.statement;

import io.accord.contracts.Roles;
import io.accord.settlement.StatementFixtures;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestJwt;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The statement list: filters, offset/limit paging with X-Total-Count, partners see their own, bad filters 400. */
@AccordServiceTest
class StatementListTests {

    private static final String PATH = "/api/settlement/statements";

    @LocalServerPort
    int port;

    private final StatementFixtures statements;
    private final Clock clock;

    StatementListTests(StatementFixtures statementFixtures, Clock clock) {
        this.statements = statementFixtures;
        this.clock = clock;
    }

    @Test
    void listsByPartnerPeriodStateAndIssueInstantPagedAndScopedToTheCallersPartner() {
        String partner = statements.partner();
        Statements.View issued = statements.issued(partner, "12.00");
        String other = statements.partner();
        Statements.View drafted = statements.drafted(other, "5.00");
        TestHttp finance = TestHttp.localPort(port).as(TestJwt.staff("fiona", Roles.FINANCE));

        TestHttp.Response byPartner = finance.get(PATH + "?partnerId=" + partner);
        assertThat(byPartner.status()).isEqualTo(200);
        assertThat(byPartner.header("X-Total-Count")).isEqualTo("1");
        assertThat(byPartner.json().get(0).path("documentNumber").asString()).isEqualTo(issued.documentNumber());
        assertThat(byPartner.json().get(0).path("lines")).hasSize(1);
        assertThat(finance.get(PATH + "?periodId=" + drafted.periodId()).json().get(0).path("id").asString())
                .isEqualTo(drafted.id().toString());
        assertThat(finance.get(PATH + "?partnerId=" + other + "&state=ISSUED").json()).isEmpty();
        assertThat(finance.get(PATH + "?partnerId=" + other + "&state=DRAFT").json()).hasSize(1);
        String from = clock.instant().minus(Duration.ofMinutes(10)).toString();
        String to = clock.instant().plus(Duration.ofMinutes(10)).toString();
        assertThat(finance.get(PATH + "?partnerId=" + partner + "&issuedFrom=" + from + "&issuedTo=" + to).json())
                .hasSize(1);
        assertThat(finance.get(PATH + "?partnerId=" + partner + "&issuedFrom=" + to).json()).isEmpty();
        TestHttp.Response page = finance.get(PATH + "?limit=1&offset=0");
        assertThat(page.json()).hasSize(1);
        assertThat(Long.parseLong(page.header("X-Total-Count"))).isGreaterThanOrEqualTo(2);
        assertThat(page.header("X-Result-Count")).isEqualTo("1");

        TestHttp own = TestHttp.localPort(port).as(TestJwt.partner("pia", partner, Roles.PARTNER_USER));
        assertThat(own.get(PATH).json()).extracting(node -> node.path("id").asString())
                .containsExactly(issued.id().toString());
        // naming another partner is not a way to one's own statements: nothing
        assertThat(own.get(PATH + "?partnerId=" + other).json()).isEmpty();
        assertThat(own.get(PATH + "?partnerId=" + partner).json()).extracting(node -> node.path("id").asString())
                .containsExactly(issued.id().toString());
        TestHttp stranger = TestHttp.localPort(port).as(TestJwt.partner("pat", UUID.randomUUID().toString(),
                Roles.PARTNER_USER));
        assertThat(stranger.get(PATH).json()).isEmpty();

        for (String bad : new String[] {"state=SENT", "partnerId=abc", "issuedFrom=yesterday", "limit=0",
                "issuedFrom=" + to + "&issuedTo=" + from}) {
            TestHttp.Response refused = finance.get(PATH + "?" + bad);
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
    }

    @Test
    void filtersByDirectionAndExactDocumentNumberAndNamesABadDirection() {
        String payee = statements.partner();
        Statements.View payable = statements.issued(payee, "12.00");
        String reseller = statements.partner();
        Statements.View receivable = statements.issuedWholesale(reseller, "20.00");
        TestHttp finance = TestHttp.localPort(port).as(TestJwt.staff("fiona", Roles.FINANCE));

        assertThat(ids(finance.get(PATH + "?partnerId=" + payee + "&direction=PAYABLE")))
                .containsExactly(payable.id().toString());
        assertThat(ids(finance.get(PATH + "?partnerId=" + payee + "&direction=RECEIVABLE"))).isEmpty();
        assertThat(ids(finance.get(PATH + "?partnerId=" + reseller + "&direction=RECEIVABLE")))
                .containsExactly(receivable.id().toString());
        assertThat(ids(finance.get(PATH + "?partnerId=" + reseller + "&direction=PAYABLE"))).isEmpty();
        TestHttp.Response byNumber = finance.get(PATH + "?documentNumber=" + receivable.documentNumber());
        assertThat(ids(byNumber)).containsExactly(receivable.id().toString());
        assertThat(byNumber.header("X-Total-Count")).isEqualTo("1");
        assertThat(ids(finance.get(PATH + "?documentNumber=" + receivable.documentNumber() + "&direction=PAYABLE")))
                .isEmpty();
        assertThat(ids(finance.get(PATH + "?documentNumber=" + receivable.documentNumber().substring(0, 8))))
                .as("exact, not a prefix").isEmpty();
        TestHttp own = TestHttp.localPort(port).as(TestJwt.partner("pia", payee, Roles.PARTNER_USER));
        assertThat(ids(own.get(PATH + "?documentNumber=" + receivable.documentNumber()))).isEmpty();
        assertThat(ids(own.get(PATH + "?direction=PAYABLE"))).containsExactly(payable.id().toString());

        for (String bad : new String[] {"direction=SIDEWAYS", "direction=payable", "documentNumber=" + "A".repeat(65)}) {
            TestHttp.Response refused = finance.get(PATH + "?" + bad);
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().get("violations").valueStream().map(v -> v.get("field").asString()))
                    .containsExactly(bad.substring(0, bad.indexOf('=')));
        }
    }

    private static java.util.List<String> ids(TestHttp.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().valueStream().map(node -> node.path("id").asString()).toList();
    }
}
