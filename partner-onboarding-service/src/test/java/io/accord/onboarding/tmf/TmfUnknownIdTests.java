package io.accord.onboarding.tmf;

import io.accord.contracts.Roles;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestJwt;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Any unknown id on any TMF path of this service answers 404 problem+json, whatever its shape. */
@AccordServiceTest
class TmfUnknownIdTests {

    private static final List<String> ID_SHAPES = List.of("null", "123", "-1", "undefined", UUID.randomUUID().toString(),
            "00000000-0000-0000-0000-000000000000", "x".repeat(1000), "caf%C3%A9", "a%20b", "%7Bid%7D",
            "%20", "%20%20%09");

    /** method, path template ({id} replaced), body and its content type. */
    private static final List<List<String>> OPERATIONS = List.of(
            List.of("GET", "/tmf-api/party/v4/organization/{id}", "", ""),
            List.of("PATCH", "/tmf-api/party/v4/organization/{id}", "{\"tradingName\": \"x\"}",
                    "application/merge-patch+json"),
            List.of("DELETE", "/tmf-api/party/v4/organization/{id}", "", ""),
            List.of("GET", "/tmf-api/party/v4/individual/{id}", "", ""),
            List.of("PATCH", "/tmf-api/party/v4/individual/{id}", "{\"givenName\": \"x\"}",
                    "application/merge-patch+json"),
            List.of("GET", "/tmf-api/agreementManagement/v4/agreement/{id}", "", ""),
            List.of("POST", "/tmf-api/agreementManagement/v4/agreement/{id}/proposal", "", ""),
            List.of("POST", "/tmf-api/agreementManagement/v4/agreement/{id}/termination", "{\"reason\": \"r\"}",
                    "application/json"),
            List.of("GET", "/tmf-api/document/v4/document/{id}", "", ""),
            List.of("GET", "/tmf-api/document/v4/document/{id}/version", "", ""),
            List.of("GET", "/tmf-api/document/v4/document/{id}/version/1", "", ""),
            List.of("GET", "/tmf-api/document/v4/document/{id}/content", "", ""),
            List.of("GET", "/tmf-api/document/v4/document/{id}/version/1/content", "", ""));

    @LocalServerPort
    int port;

    static Stream<Arguments> unknownIds() {
        return OPERATIONS.stream().flatMap(operation -> ID_SHAPES.stream().map(id -> Arguments.of(operation.get(0),
                operation.get(1).replace("{id}", id), operation.get(2), operation.get(3))));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("unknownIds")
    void anUnknownIdOfAnyShapeIsA404Problem(String method, String path, String body, String contentType) {
        TestHttp staff = TestHttp.localPort(port).as(TestJwt.staff("pm-ids", Roles.PARTNER_MANAGER));

        TestHttp.Response response = staff.send(method, path, body.isEmpty() ? null : body,
                contentType.isEmpty() ? null : contentType);

        assertThat(response.status()).as(response.body()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("status").asInt()).isEqualTo(404);
    }

    static Stream<String> unknownReads() {
        return OPERATIONS.stream().filter(operation -> "GET".equals(operation.get(0)))
                .flatMap(operation -> ID_SHAPES.stream().map(id -> operation.get(1).replace("{id}", id)));
    }

    @ParameterizedTest(name = "GET {0}")
    @MethodSource("unknownReads")
    void anUnknownIdIsA404ForAPartnerToo(String path) {
        TestHttp partner = TestHttp.localPort(port).as(TestJwt.partner("pu-ids", UUID.randomUUID().toString(),
                Roles.PARTNER_USER));

        TestHttp.Response response = partner.get(path);

        assertThat(response.status()).as(response.body()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }
}
