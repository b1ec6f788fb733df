package io.accord.gateway.security;

import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.web.server.ServerWebExchange;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's bearer-token converter decides exactly as Spring Security's reactive one (the character rules are
 * compared with Spring's patterns in shared-contracts' RequestChecksTests).
 */
class RequestCheckEquivalenceTests {

    private static final String ALPHABET = "abcXYZ019-._~+/= \t\u0000\u007f\u00e9\u0378\u200b;:,\"";

    @Test
    void bearerTokensAreTakenAndRefusedLikeSpringSecurityDoes() {
        ServerAuthenticationConverter spring = new ServerBearerTokenAuthenticationConverter();
        ServerAuthenticationConverter ours = new BearerTokens();
        List<String> headers = new ArrayList<>(List.of("Bearer abc.def-ghi_jkl~mno+pqr/stu==", "bearer abc",
                "BEARER abc", "Bearer", "Bearer ", "Bearer  abc", "Bearer abc ", "Bearer abc=def", "Bearer ==",
                "Bearer abc\u00e9", "Basic dXNlcjpwYXNz", "Bearerabc", "Bear abc", "", "Bearer a=", "Token x"));
        Random random = new Random(42);
        for (int i = 0; i < 5_000; i++) {
            StringBuilder header = new StringBuilder(random.nextBoolean() ? "Bearer " : "bearer");
            for (int length = random.nextInt(12); length > 0; length--) {
                header.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            headers.add(header.toString());
        }
        for (String header : headers) {
            assertThat(outcome(ours, header)).as("Authorization: %s", header).isEqualTo(outcome(spring, header));
        }
        assertThat(outcome(ours, "Bearer abc.def")).isEqualTo("token abc.def");
        assertThat(outcome(ours, "Bearer abc def")).startsWith("refused");
        assertThat(outcome(ours, "Basic x")).isEqualTo("none");
    }

    private static String outcome(ServerAuthenticationConverter converter, String header) {
        ServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/x")
                .header("Authorization", header));
        try {
            Authentication authentication = converter.convert(exchange).block();
            return authentication == null ? "none"
                    : "token " + ((BearerTokenAuthenticationToken) authentication).getToken();
        } catch (RuntimeException e) {
            return "refused " + e.getMessage();
        }
    }
}
