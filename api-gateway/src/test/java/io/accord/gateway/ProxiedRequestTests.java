package io.accord.gateway;

import io.accord.contracts.Roles;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.filter.NettyRoutingFilter;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a service receives from the gateway besides path and token (those are in {@link GatewayRoutingTests}): the
 * caller's headers, without the forwarding headers a caller could forge and without hop-by-hop headers, and which
 * metrics a proxied call leaves.
 */
class ProxiedRequestTests extends EchoBackedGatewaySupport {

    private final NettyRoutingFilter routingFilter;

    ProxiedRequestTests(NettyRoutingFilter routingFilter) {
        this.routingFilter = routingFilter;
    }

    @Test
    void forwardsTheCallersHeadersButNoForwardingOrHopByHopHeaders() {
        var echoed = client.get().uri("/tmf-api/party/v4/organization?limit=1")
                .header(AUTHORIZATION, bearer(TestTokens.partner(Roles.PARTNER_USER)))
                .header("Accept-Language", "de-CH")
                .header("X-Tracking-Secret", "s3cret")
                .header("X-Forwarded-For", "203.0.113.7")
                .header("X-Forwarded-Host", "evil.example")
                .header("X-Forwarded-Proto", "https")
                .header("Forwarded", "for=203.0.113.7;host=evil.example")
                .header("Keep-Alive", "timeout=5")
                .header("Proxy-Authorization", "Basic c2VjcmV0")
                .exchange()
                .expectStatus().isOk()
                .expectBody(Echoed.class)
                .returnResult().getResponseBody();

        assertThat(echoed.headers())
                .containsEntry("accept-language", "de-CH")
                .containsEntry("x-tracking-secret", "s3cret")
                .containsKeys("authorization", "x-correlation-id", "host")
                .doesNotContainKeys("x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "forwarded",
                        "keep-alive", "proxy-authorization");
    }

    @Test
    void passesConditionalRequestsAndTheirAnswersThrough() {
        String versioned = "/tmf-api/party/v4/organization/versioned";
        var echoed = client.get().uri(versioned)
                .header(AUTHORIZATION, bearer(TestTokens.staff(Roles.PARTNER_MANAGER)))
                .header("If-None-Match", "\"6\"")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("ETag", EchoBackends.VERSIONED_ETAG)
                .expectBody(Echoed.class)
                .returnResult().getResponseBody();
        assertThat(echoed.headers()).containsEntry("if-none-match", "\"6\"");

        client.get().uri(versioned)
                .header(AUTHORIZATION, bearer(TestTokens.staff(Roles.PARTNER_MANAGER)))
                .header("If-None-Match", EchoBackends.VERSIONED_ETAG)
                .exchange()
                .expectStatus().isNotModified()
                .expectHeader().valueEquals("ETag", EchoBackends.VERSIONED_ETAG)
                .expectBody().isEmpty();
        client.patch().uri(versioned)
                .header(AUTHORIZATION, bearer(TestTokens.staff(Roles.PARTNER_MANAGER)))
                .header("Content-Type", "application/merge-patch+json")
                .header("If-Match", "\"6\"")
                .bodyValue("{}")
                .exchange()
                .expectStatus().isEqualTo(412)
                .expectHeader().valueEquals("ETag", EchoBackends.VERSIONED_ETAG)
                .expectHeader().contentType("application/problem+json");
    }

    @Test
    void forwardsARequestBodyWithItsLength() {
        String body = "{\"name\":\"IoT bundle\"}";
        var echoed = client.post().uri("/api/catalog/offerings")
                .header(AUTHORIZATION, bearer(TestTokens.partner(Roles.PARTNER_ADMIN)))
                .header("Content-Type", "application/json")
                .bodyValue(body)
                .exchange()
                .expectStatus().isOk()
                .expectBody(Echoed.class)
                .returnResult().getResponseBody();

        assertThat(echoed.headers()).containsEntry("content-length", Integer.toString(body.length()))
                .containsEntry("content-type", "application/json");
    }

    @Test
    void proxiesWithTheSinglePassHeaderFilters() {
        // what ./accord bench gateway measured; falling back to the six default filters would cost a tenth more CPU
        assertThat(routingFilter.getHeadersFilters()).hasSize(2)
                .allSatisfy(filter -> assertThat(filter.getClass().getName()).contains("ProxiedHeaders"))
                .anySatisfy(filter -> assertThat(filter.supports(HttpHeadersFilter.Type.REQUEST)).isTrue())
                .anySatisfy(filter -> assertThat(filter.supports(HttpHeadersFilter.Type.RESPONSE)).isTrue());
    }

    @Test
    void aProxiedCallIsMeasuredPerRouteAndAsAServerRequestWithLatencyBuckets() {
        client.get().uri("/api/rating/rollups")
                .header(AUTHORIZATION, bearer(TestTokens.partner(Roles.PARTNER_USER)))
                .exchange()
                .expectStatus().isOk();

        client.get().uri("/actuator/prometheus")
                .header(AUTHORIZATION, bearer(TestTokens.staff(Roles.OPS)))
                .exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(metrics -> assertThat(metrics)
                        .containsPattern("http_server_requests_seconds_count\\{[^}]*method=\"GET\"")
                        .containsPattern("spring_cloud_gateway_requests_seconds_count\\{[^}]*routeId=\"rating\"")
                        // the latency histograms' buckets (application.yml), for p99 per route across replicas
                        .containsPattern("spring_cloud_gateway_requests_seconds_bucket\\{(?=[^}]*le=\"0\\.25\")"
                                + "(?=[^}]*routeId=\"rating\")")
                        .containsPattern("http_server_requests_seconds_bucket\\{[^}]*le=\"30\\.0\""));
    }

    record Echoed(String backend, Map<String, String> headers) {
    }
}
