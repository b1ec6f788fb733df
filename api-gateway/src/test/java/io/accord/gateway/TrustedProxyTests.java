package io.accord.gateway;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/** The gateway behind an ingress on this machine: anonymous callers are told apart by X-Forwarded-For. */
@TestPropertySource(properties = {
        "accord.gateway.rate-limit.trusted-proxies=127.0.0.1,::1",
        "accord.gateway.rate-limit.application-submissions.capacity=2"})
class TrustedProxyTests extends GatewayTestSupport {

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        registry.add("accord.gateway.backends.onboarding", () -> EchoBackends.uri("onboarding"));
    }

    @Test
    void givesEachClientBehindTheProxyItsOwnBucket() {
        for (int i = 0; i < 2; i++) {
            submitAs("203.0.113.10").expectStatus().isOk();
        }

        assertProblem(submitAs("203.0.113.10"), 429, "rate-limited");
        submitAs("203.0.113.11").expectStatus().isOk();
    }

    @Test
    void aClientForgingAddressesBehindTheProxyIsKeyedOnWhatTheProxyAppended() {
        for (int i = 0; i < 2; i++) {
            submitAs("198.51.100." + i + ", 203.0.113.20").expectStatus().isOk();
        }

        assertProblem(submitAs("198.51.100.99, 203.0.113.20"), 429, "rate-limited");
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec submitAs(String forwardedFor) {
        return client.post().uri("/api/onboarding/applications")
                .header("X-Forwarded-For", forwardedFor)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange();
    }
}
