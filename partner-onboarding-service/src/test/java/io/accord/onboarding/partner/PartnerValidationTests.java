package io.accord.onboarding.partner;

import io.accord.contracts.Roles;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestJwt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@AccordServiceTest
class PartnerValidationTests {

    private static final String PARTNERS = "/api/onboarding/partners";

    @LocalServerPort
    int port;

    private TestHttp manager;
    private String countBefore;

    @BeforeEach
    void setUp() {
        manager = TestHttp.localPort(port).as(TestJwt.staff("pm", Roles.PARTNER_MANAGER));
        countBefore = manager.get(PARTNERS).header("X-Total-Count");
    }

    @Test
    void malformedJsonIsABadRequest() {
        TestHttp.Response response = manager.post(PARTNERS, "{\"legalName\": ");

        assertProblem(response, "malformed-request");
        assertNothingStored();
    }

    @Test
    void missingFieldsAreNamed() {
        TestHttp.Response response = manager.post(PARTNERS, "{\"legalName\": \"\"}");

        assertProblem(response, "validation-error");
        assertThat(fields(response)).containsExactlyInAnyOrder(
                "legalName", "partnerType", "businessModel", "country", "settlementCurrency");
        assertNothingStored();
    }

    @Test
    void aWrongTypeIsNamed() {
        TestHttp.Response response = manager.post(PARTNERS, PartnerApiTests.newPartner("Typo Ltd")
                .replace("\"OTT_CONTENT\"", "\"SATELLITE\""));

        assertProblem(response, "malformed-request");
        assertThat(fields(response)).containsExactly("partnerType");
        assertThat(response.json().get("detail").asString()).contains("must be one of OTT_CONTENT, MVNO");
        assertNothingStored();
    }

    @Test
    void anUnknownCountryIsNamed() {
        TestHttp.Response response = manager.post(PARTNERS, PartnerApiTests.newPartner("Nowhere Ltd")
                .replace("\"DE\"", "\"QQ\""));

        assertProblem(response, "validation-error");
        assertThat(fields(response)).containsExactly("country");
        assertNothingStored();
    }

    @Test
    void aMalformedIdIsABadRequestNotAServerError() {
        assertProblem(manager.get(PARTNERS + "/not-a-uuid"), "malformed-request");
        assertThat(manager.get(PARTNERS + "/" + java.util.UUID.randomUUID()).status()).isEqualTo(404);
    }

    private void assertProblem(TestHttp.Response response, String type) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("type").asString()).as(response.body())
                .isEqualTo("https://accord.dev/problems/" + type);
        assertThat(response.json().path("correlationId").asString()).isNotBlank();
    }

    private void assertNothingStored() {
        assertThat(manager.get(PARTNERS).header("X-Total-Count")).isEqualTo(countBefore);
    }

    private static List<String> fields(TestHttp.Response response) {
        List<String> fields = new ArrayList<>();
        for (JsonNode violation : response.json().get("violations")) {
            fields.add(violation.get("field").asString());
        }
        return fields;
    }
}
