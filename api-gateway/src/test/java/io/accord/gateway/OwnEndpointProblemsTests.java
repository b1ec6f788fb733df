package io.accord.gateway;

import io.accord.contracts.Roles;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's own endpoints answer what they do not serve as the services do: problem+json, a 405 with the
 * methods it does answer in {@code Allow}, a 404 for a path below them.
 */
class OwnEndpointProblemsTests extends EchoBackedGatewaySupport {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"POST, /api/audit", "PUT, /api/audit", "DELETE, /api/audit", "PATCH, /api/audit/verification",
            "POST, /api/audit/verification"})
    void answersAMethodItDoesNotServeWith405NamingTheOnesItDoes(String method, String path) {
        var response = client.method(HttpMethod.valueOf(method)).uri(path)
                .header(AUTHORIZATION, bearer(TestTokens.staff(Roles.AUDITOR)))
                .contentType(MediaType.TEXT_PLAIN)
                .bodyValue("S64 body")
                .exchange();

        assertProblem(response, 405, "method-not-allowed");
        response.expectHeader().value("Allow", allow -> assertThat(allow).contains("GET"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"/api/audit/00000000-0000-4000-8000-000000000000", "/api/audit/verification/onboarding",
            "/api/audit/entries"})
    void answersAPathBelowItWith404(String path) {
        assertProblem(client.get().uri(path)
                .header(AUTHORIZATION, bearer(TestTokens.staff(Roles.AUDITOR)))
                .exchange(), 404, "not-found");
    }
}
