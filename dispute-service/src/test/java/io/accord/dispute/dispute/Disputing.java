package io.accord.dispute.dispute;

import io.accord.contracts.Roles;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestJwt;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Calls of the dispute APIs as a partner and as finance, for the integration tests. */
final class Disputing {

    static final String TICKETS = "/tmf-api/troubleTicket/v4/troubleTicket";
    static final String API = "/api/disputes";

    final String partnerId = UUID.randomUUID().toString();
    final TestHttp partner;
    final TestHttp finance;

    Disputing(int port) {
        this.partner = TestHttp.localPort(port).as(TestJwt.partner("pa-" + partnerId.substring(0, 8), partnerId,
                Roles.PARTNER_ADMIN));
        this.finance = TestHttp.localPort(port).as(TestJwt.staff("fin", Roles.FINANCE));
    }

    static String ticket(String statementId, String lineId, String amount, String category) {
        return """
                {"ticketType": "BillingDispute", "description": "rated at the old rate", "category": "%s",
                 "disputedAmount": {"unit": "EUR", "value": "%s"},
                 "relatedEntity": [{"id": "%s", "role": "Statement"}, {"id": "%s", "role": "StatementLine"}]}
                """.formatted(category, amount, statementId, lineId);
    }

    /** Opens a dispute on a new line of the statement; its id. */
    String open(String statementId, String amount) {
        TestHttp.Response created = partner.post(TICKETS, ticket(statementId, UUID.randomUUID().toString(), amount,
                "RATE"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("id").asString();
    }

    TestHttp.Response step(TestHttp as, String id, String step, String body) {
        return as.post(API + "/" + id + "/" + step, body);
    }

    static String proposal(String amount) {
        return "{\"direction\": \"CREDIT_PARTNER\", \"amount\": \"" + amount + "\", \"reason\": \"re-rated\"}";
    }
}
