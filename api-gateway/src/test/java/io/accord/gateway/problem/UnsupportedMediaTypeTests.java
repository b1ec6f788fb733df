package io.accord.gateway.problem;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A 415 the gateway answers itself names the accepted content types in its body, not only in a header. */
class UnsupportedMediaTypeTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void a415NamesTheAcceptedContentTypesInTheBody() {
        var exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/api/audit").build());
        var handler = new ProblemExceptionHandler(new ProblemResponses(JSON));

        handler.handle(exchange, new UnsupportedMediaTypeStatusException(MediaType.TEXT_PLAIN,
                List.of(MediaType.APPLICATION_JSON, MediaType.valueOf("application/merge-patch+json")))).block();

        assertThat(exchange.getResponse().getStatusCode().value()).isEqualTo(415);
        JsonNode body = JSON.readTree(exchange.getResponse().getBodyAsString().block());
        assertThat(body.get("type").asString()).endsWith("/unsupported-media-type");
        assertThat(body.get("detail").asString()).contains("text/plain", "application/json",
                "application/merge-patch+json");
        assertThat(body.get("acceptedContentTypes").toString()).contains("application/json");
    }
}
