package io.accord.gateway.routing;

import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.filter.headers.GRPCRequestHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.GRPCResponseHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter.Type;
import org.springframework.cloud.gateway.filter.headers.RemoveForwardedHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.RemoveHopByHopHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.RemoveXForwardedHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.TransferEncodingNormalizationHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.XForwardedHeadersFilter;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link ProxiedHeaders} leaves a request's and a response's headers exactly as the six default filters do. */
class ProxiedHeadersEquivalenceTests {

    private static final List<String> NAMES = List.of("Accept", "Authorization", "X-Correlation-Id", "Content-Type",
            "Content-Length", "Transfer-Encoding", "transfer-encoding", "Connection", "connection", "Keep-Alive",
            "TE", "Trailer", "Upgrade", "Proxy-Authorization", "Proxy-Authenticate", "X-Application-Context",
            "Forwarded", "forwarded", "X-Forwarded-For", "x-forwarded-host", "X-FORWARDED-PROTO", "X-Forwarded",
            "X-Forwardedx", "Forwarded-For", "X-Private", "x-private", "X-Other", "Cookie", "grpc-message");
    // no grpc-status: a gRPC answer's trailers are set on the native response (by SCG's own filter in both cases)
    private static final List<String> VALUES = List.of("a", "chunked", " Chunked ", "gzip, chunked", "12",
            "application/json", "application/grpc", "APPLICATION/GRPC+proto", "X-Private", "x-other, Keep-Alive",
            "close", "for=203.0.113.7", "0", "", "trailers");

    private final List<HttpHeadersFilter> defaults = sorted(new RemoveForwardedHeadersFilter(),
            new RemoveXForwardedHeadersFilter(), new RemoveHopByHopHeadersFilter(),
            new TransferEncodingNormalizationHeadersFilter(), new GRPCRequestHeadersFilter(),
            new GRPCResponseHeadersFilter());

    @Test
    void replacesExactlySpringCloudGatewaysDefaultHeaderFilters() {
        assertThat(ProxiedHeaders.canReplace(defaults)).isTrue();
        List<HttpHeadersFilter> withTrustedProxies = new ArrayList<>(defaults);
        withTrustedProxies.add(new XForwardedHeadersFilter(".*"));
        assertThat(ProxiedHeaders.canReplace(withTrustedProxies)).isFalse();
        assertThat(ProxiedHeaders.canReplace(List.of())).isFalse();
    }

    @Test
    void requestAndResponseHeadersComeOutAsFromTheDefaultFilters() {
        Random random = new Random(7);
        for (int i = 0; i < 5_000; i++) {
            HttpHeaders headers = new HttpHeaders();
            for (int count = random.nextInt(10); count > 0; count--) {
                headers.add(pick(random, NAMES), pick(random, VALUES));
            }
            var exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/api/catalog/offerings")
                    .headers(headers));
            for (Type type : Type.values()) {
                assertThat(entries(HttpHeadersFilter.filter(ProxiedHeaders.filters(), headers, exchange, type)))
                        .as("%s headers %s", type, headers)
                        .isEqualTo(entries(HttpHeadersFilter.filter(defaults, headers, exchange, type)));
            }
        }
    }

    @Test
    void dropsForgedForwardingHeadersAndTheLengthOfAChunkedRequest() {
        HttpHeaders headers = new HttpHeaders();
        headers.add("X-Forwarded-For", "203.0.113.7");
        headers.add("Forwarded", "for=203.0.113.7");
        headers.add("Transfer-Encoding", "chunked");
        headers.add("Content-Length", "12");
        headers.add("Connection", "X-Private");
        headers.add("X-Private", "secret");
        headers.add("Accept", "application/json");
        var exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/").headers(headers));

        HttpHeaders forwarded = HttpHeadersFilter.filter(ProxiedHeaders.filters(), headers, exchange, Type.REQUEST);

        assertThat(forwarded.headerNames()).containsExactly("Accept");
    }

    private static List<Map.Entry<String, List<String>>> entries(HttpHeaders headers) {
        return headers.headerSet().stream().map(entry -> Map.entry(entry.getKey(), List.copyOf(entry.getValue())))
                .toList();
    }

    private static List<HttpHeadersFilter> sorted(HttpHeadersFilter... filters) {
        List<HttpHeadersFilter> list = new ArrayList<>(List.of(filters));
        AnnotationAwareOrderComparator.sort(list);
        return list;
    }

    private static String pick(Random random, List<String> from) {
        return from.get(random.nextInt(from.size()));
    }
}
