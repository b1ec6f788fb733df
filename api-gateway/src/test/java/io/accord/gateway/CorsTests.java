package io.accord.gateway;

import io.accord.contracts.Roles;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CorsTests extends EchoBackedGatewaySupport {

    private static final String PORTAL = "http://localhost:3000";

    @Test
    void answersThePortalsPreflightWithoutToken() {
        client.options().uri("/tmf-api/productOrderingManagement/v4/productOrder")
                .header("Origin", PORTAL)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization, content-type, x-correlation-id")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("Access-Control-Allow-Origin", PORTAL)
                .expectHeader().valueEquals("Access-Control-Allow-Credentials", "true")
                .expectHeader().value("Access-Control-Allow-Methods", methods -> assertThat(methods).contains("POST"))
                .expectHeader().value("Access-Control-Allow-Headers",
                        headers -> assertThat(headers.toLowerCase()).contains("authorization"));
    }

    @Test
    void exposesCorrelationAndPagingHeadersToThePortal() {
        client.get().uri("/api/catalog/offerings")
                .header("Origin", PORTAL)
                .header(AUTHORIZATION, bearer(TestTokens.partner(Roles.PARTNER_USER)))
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("Access-Control-Allow-Origin", PORTAL)
                .expectHeader().value("Access-Control-Expose-Headers", exposed -> assertThat(exposed)
                        .contains("X-Correlation-Id", "X-Total-Count", "X-Result-Count", "ETag"));
    }

    @Test
    void letsThePortalSendConditionalRequests() {
        client.options().uri("/tmf-api/party/v4/organization/1")
                .header("Origin", PORTAL)
                .header("Access-Control-Request-Method", "PATCH")
                .header("Access-Control-Request-Headers", "authorization, content-type, if-match, if-none-match")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().value("Access-Control-Allow-Methods", methods -> assertThat(methods).contains("PATCH"))
                .expectHeader().value("Access-Control-Allow-Headers",
                        headers -> assertThat(headers.toLowerCase()).contains("if-match", "if-none-match"));
    }

    @Test
    void refusesAPreflightFromAnotherOrigin() {
        client.options().uri("/api/catalog/offerings")
                .header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "GET")
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().doesNotExist("Access-Control-Allow-Origin");
    }
}
