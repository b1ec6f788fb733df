package io.accord.gateway.routing;

import org.springframework.cloud.gateway.filter.factory.rewrite.RewriteFunction;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Points the {@code servers} of a service's OpenAPI document at the gateway itself ({@code "/"} resolves against
 * the document's own URL), so "Try it out" in the Swagger UI goes through the gateway with the caller's token
 * instead of to the service's internal address.
 */
final class ApiDocsServerRewrite implements RewriteFunction<String, String> {

    private final JsonMapper jsonMapper;

    ApiDocsServerRewrite(JsonMapper jsonMapper) {
        this.jsonMapper = jsonMapper;
    }

    @Override
    public Mono<String> apply(ServerWebExchange exchange, String body) {
        var status = exchange.getResponse().getStatusCode();
        if (body == null || status == null || !status.is2xxSuccessful()) {
            return Mono.justOrEmpty(body);
        }
        try {
            JsonNode document = jsonMapper.readTree(body);
            if (!(document instanceof ObjectNode openApi)) {
                return Mono.just(body);
            }
            openApi.putArray("servers").addObject().put("url", "/").put("description", "Accord API gateway");
            return Mono.just(jsonMapper.writeValueAsString(openApi));
        }
        catch (JacksonException notJson) {
            return Mono.just(body);
        }
    }
}
