package io.accord.gateway.problem;

import io.accord.gateway.correlation.CorrelationId;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes RFC 9457 {@code application/problem+json} bodies that carry the request's correlation id. */
@Component
public class ProblemResponses {

    private final JsonMapper jsonMapper;

    ProblemResponses(JsonMapper jsonMapper) {
        this.jsonMapper = jsonMapper;
    }

    /** Answers with one of the gateway's own problem types. Extra headers must be set on the response first. */
    public Mono<Void> write(ServerWebExchange exchange, ProblemType problem, String detail) {
        return write(exchange, problem, detail, Map.of());
    }

    /** As {@link #write(ServerWebExchange, ProblemType, String)}, with extension members such as {@code violations}. */
    public Mono<Void> write(ServerWebExchange exchange, ProblemType problem, String detail,
                            Map<String, Object> extensions) {
        return write(exchange, problem.status(), problem.type(), problem.title(), detail, extensions);
    }

    /** Answers with a status the gateway has no type of its own for, named the way the services name it. */
    public Mono<Void> write(ServerWebExchange exchange, HttpStatusCode status, String detail) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return write(exchange, status, URI.create(ProblemType.BASE + slugFor(status)),
                known != null ? known.getReasonPhrase() : "Error", detail, Map.of());
    }

    private static String slugFor(HttpStatusCode status) {
        return io.accord.contracts.ProblemTypes.slugFor(status.value());
    }

    /** A problem of any status with extension members (e.g. the accepted content types of a 415). */
    public Mono<Void> write(ServerWebExchange exchange, HttpStatusCode status, URI type, String title, String detail,
                             Map<String, Object> extensions) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type.toString());
        body.put("title", title);
        body.put("status", status.value());
        body.put("detail", detail);
        body.put("instance", exchange.getRequest().getPath().value());
        body.put("correlationId", CorrelationId.of(exchange));
        body.putAll(extensions);
        byte[] json = jsonMapper.writeValueAsBytes(body);
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.getHeaders().setContentLength(json.length);
        response.getHeaders().setCacheControl("no-store");
        return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(json)));
    }
}
