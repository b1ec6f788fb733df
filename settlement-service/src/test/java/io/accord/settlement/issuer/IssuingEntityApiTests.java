package io.accord.settlement.issuer;

import io.accord.contracts.Roles;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestJwt;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The configured issuing entities, readable by staff and partners. */
@AccordServiceTest
class IssuingEntityApiTests {

    @LocalServerPort
    int port;

    @Test
    void listsTheConfiguredEntitiesDefaultFirst() {
        TestHttp partner = TestHttp.localPort(port)
                .as(TestJwt.partner("p", UUID.randomUUID().toString(), Roles.PARTNER_USER));

        TestHttp.Response listed = partner.get("/api/settlement/issuing-entities");

        assertThat(listed.status()).isEqualTo(200);
        JsonNode first = listed.json().get(0);
        assertThat(first.get("id").asString()).isEqualTo("accord-de");
        assertThat(first.get("name").asString()).isEqualTo("Accord Telecom Deutschland GmbH");
        assertThat(first.get("taxId").asString()).isEqualTo("DE811907980");
        assertThat(first.get("documentNumberPrefix").asString()).isEqualTo("ACD");
        assertThat(first.get("address").get("city").asString()).isEqualTo("Berlin");
        assertThat(first.get("address").get("postCode").asString()).isEqualTo("10117");
        assertThat(listed.json().get(1).get("id").asString()).isEqualTo("accord-fr");
    }

    @Test
    void oneEntityByIdAndA404ForAnUnknownOne() {
        TestHttp finance = TestHttp.localPort(port).as(TestJwt.staff("fiona", Roles.FINANCE));

        assertThat(finance.get("/api/settlement/issuing-entities/accord-fr").json().get("country")).isNull();
        assertThat(finance.get("/api/settlement/issuing-entities/accord-fr").json().get("address").get("country")
                .asString()).isEqualTo("FR");
        TestHttp.Response unknown = finance.get("/api/settlement/issuing-entities/nope");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
    }
}
