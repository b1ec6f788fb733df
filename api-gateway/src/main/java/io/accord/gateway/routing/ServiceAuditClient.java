package io.accord.gateway.routing;

import io.accord.gateway.correlation.CorrelationId;
import io.accord.gateway.routing.AuditTrailMerge.Entry;
import io.accord.gateway.routing.AuditVerifications.Answer;
import io.accord.gateway.routing.AuditVerifications.ServiceVerification;
import io.accord.gateway.routing.AuditTrailMerge.ServiceTrail;
import io.netty.channel.ChannelOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.http.codec.CodecCustomizer;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.ResolvableType;
import org.springframework.core.codec.StringDecoder;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.util.MimeType;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Asks one service for its audit trail ({@code GET <api-base-path>/audit}) with the caller's token and correlation
 * id. Uses the routes' HTTP client (same connection pool settings) with the routes' connect and response timeouts;
 * the whole call is bounded by their sum. A service that is down, too slow, refuses or answers something that is
 * not an audit trail counts as not answering: the failure is logged and the query goes on without it. The same for
 * the check of a service's audit hash chain ({@code GET <api-base-path>/audit/verification}) and its CSV export
 * ({@code GET <api-base-path>/audit/export}).
 */
@Component
class ServiceAuditClient {

    private static final Logger log = LoggerFactory.getLogger(ServiceAuditClient.class);

    private static final MediaType TEXT_CSV = new MediaType("text", "csv");
    private static final MimeType TEXT_CSV_UTF8 = new MimeType("text", "csv", StandardCharsets.UTF_8);
    /** The most one CSV record (a line) of a service's export may hold: before and after of a large resource. */
    private static final int MAX_RECORD_BYTES = 16 * 1024 * 1024;
    /** Splits an export at every line break, keeping it, so that records with quoted line breaks stay exact. */
    private static final StringDecoder LINES = lines();

    private final WebClient webClient;
    private final RoutingProperties properties;
    private final Duration deadline;

    ServiceAuditClient(HttpClient gatewayHttpClient, RoutingProperties properties,
                       ObjectProvider<CodecCustomizer> codecCustomizers) {
        RoutingProperties.Timeouts timeouts = properties.timeouts();
        HttpClient httpClient = gatewayHttpClient
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, Math.toIntExact(timeouts.connect().toMillis()))
                .responseTimeout(timeouts.response());
        this.webClient = WebClient.builder()
                .clientConnector(new ReactorClientHttpConnector(httpClient))
                // the application's JSON mapper and buffer limit (spring.http.codecs): a page of 1000 entries is large
                .codecs(codecs -> codecCustomizers.orderedStream().forEach(customizer -> customizer.customize(codecs)))
                .build();
        this.properties = properties;
        this.deadline = timeouts.connect().plus(timeouts.response());
    }

    /** The service's newest {@code offset + limit} entries matching the query; never an error. */
    Mono<ServiceTrail> fetch(Service service, AuditQuery query, String authorization, String correlationId) {
        return webClient.get()
                .uri(auditUri(service, query))
                .headers(headers -> {
                    if (authorization != null) {
                        headers.set(HttpHeaders.AUTHORIZATION, authorization);
                    }
                    headers.set(CorrelationId.HEADER, correlationId);
                })
                .accept(MediaType.APPLICATION_JSON)
                .retrieve()
                .toEntity(JsonNode.class)
                .map(answer -> trail(service, answer))
                .timeout(deadline)
                .onErrorResume(failure -> {
                    try (var ignored = MDC.putCloseable(CorrelationId.LOG_KEY, correlationId)) {
                        log.warn("Audit trail of {} left out of the cross-service query: {}", service.id(),
                                NestedExceptionUtils.getMostSpecificCause(failure).toString());
                    }
                    return Mono.just(ServiceTrail.unanswered(service.id()));
                });
    }

    /** The service's check of its audit hash chain; a service that does not answer yields no verification. */
    Mono<Answer> verify(Service service, String authorization, String correlationId) {
        return webClient.get()
                .uri(UriComponentsBuilder.fromUri(properties.backends().of(service))
                        .path(service.apiBasePath() + "/audit/verification").build().toUri())
                .headers(headers -> {
                    if (authorization != null) {
                        headers.set(HttpHeaders.AUTHORIZATION, authorization);
                    }
                    headers.set(CorrelationId.HEADER, correlationId);
                })
                .accept(MediaType.APPLICATION_JSON)
                .retrieve()
                .bodyToMono(JsonNode.class)
                .map(answer -> new Answer(service.id(), ServiceVerification.from(service.id(), answer)))
                // bounded like the query; a trail too long to walk within it is checked at the service itself
                .timeout(deadline)
                .onErrorResume(failure -> {
                    try (var ignored = MDC.putCloseable(CorrelationId.LOG_KEY, correlationId)) {
                        log.warn("Audit verification of {} left out of the cross-service check: {}", service.id(),
                                NestedExceptionUtils.getMostSpecificCause(failure).toString());
                    }
                    return Mono.just(new Answer(service.id(), null));
                });
    }

    /**
     * The service's export of every entry matching the query, as CSV records newest first
     * ({@code GET <api-base-path>/audit/export}); a service that does not answer with a CSV file in time yields no
     * records. Once it answered, the records are streamed: one that stalls longer than the response timeout between
     * two pieces, or answers something that is no export, fails the merged stream (the download breaks off rather
     * than looking complete).
     */
    Mono<ServiceExport> export(Service service, AuditQuery query, String authorization, String correlationId) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromUri(properties.backends().of(service))
                .path(service.apiBasePath() + "/audit/export");
        Map<String, String> filters = query.filters();
        filters.keySet().forEach(name -> uri.queryParam(name, "{" + name + "}"));
        return webClient.get()
                .uri(uri.encode().buildAndExpand(filters).toUri())
                .headers(headers -> {
                    if (authorization != null) {
                        headers.set(HttpHeaders.AUTHORIZATION, authorization);
                    }
                    headers.set(CorrelationId.HEADER, correlationId);
                })
                .accept(TEXT_CSV)
                .retrieve()
                .toEntityFlux(DataBuffer.class)
                .flatMap(answer -> {
                    MediaType type = answer.getHeaders().getContentType();
                    if (type == null || !TEXT_CSV.isCompatibleWith(type) || answer.getBody() == null) {
                        return (answer.getBody() == null ? Flux.<DataBuffer>empty() : answer.getBody())
                                .doOnNext(DataBufferUtils::release)
                                .then(Mono.<ServiceExport>error(new IllegalArgumentException(
                                        "not an audit export: needs text/csv, got " + type)));
                    }
                    Flux<String> lines = LINES.decode(answer.getBody(), ResolvableType.forClass(String.class),
                                    TEXT_CSV_UTF8, Map.of())
                            .timeout(properties.timeouts().response());
                    return Mono.just(ServiceExport.answered(service.id(), AuditExport.rows(service.id(), lines)
                            .doOnError(failure -> {
                                try (var ignored = MDC.putCloseable(CorrelationId.LOG_KEY, correlationId)) {
                                    log.warn("Audit export of {} broke off: {}", service.id(),
                                            NestedExceptionUtils.getMostSpecificCause(failure).toString());
                                }
                            })));
                })
                .timeout(deadline)
                .onErrorResume(failure -> {
                    try (var ignored = MDC.putCloseable(CorrelationId.LOG_KEY, correlationId)) {
                        log.warn("Audit export of {} left out of the cross-service export: {}", service.id(),
                                NestedExceptionUtils.getMostSpecificCause(failure).toString());
                    }
                    return Mono.just(ServiceExport.unanswered(service.id()));
                });
    }

    /** A service's export records, or none ({@code rows} null) when it did not answer. */
    record ServiceExport(String service, Flux<AuditExport.Row> rows) {

        static ServiceExport answered(String service, Flux<AuditExport.Row> rows) {
            return new ServiceExport(service, rows);
        }

        static ServiceExport unanswered(String service) {
            return new ServiceExport(service, null);
        }

        boolean isAnswered() {
            return rows != null;
        }
    }

    private static StringDecoder lines() {
        StringDecoder decoder = StringDecoder.allMimeTypes(List.of("\n"), false);
        decoder.setMaxInMemorySize(MAX_RECORD_BYTES);
        return decoder;
    }

    private URI auditUri(Service service, AuditQuery query) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromUri(properties.backends().of(service))
                .path(service.apiBasePath() + "/audit")
                .queryParam("offset", 0)
                .queryParam("limit", query.perServiceLimit());
        Map<String, String> filters = query.filters();
        // as URI variables, so that values such as "a&b" or "a+b" are encoded strictly
        filters.keySet().forEach(name -> uri.queryParam(name, "{" + name + "}"));
        return uri.encode().buildAndExpand(filters).toUri();
    }

    private static ServiceTrail trail(Service service, ResponseEntity<JsonNode> answer) {
        String total = answer.getHeaders().getFirst("X-Total-Count");
        if (!(answer.getBody() instanceof ArrayNode elements) || total == null) {
            throw new IllegalArgumentException("not an audit trail: needs a JSON array and X-Total-Count");
        }
        List<Entry> entries = new ArrayList<>(elements.size());
        for (JsonNode element : elements) {
            entries.add(Entry.from(service.id(), element));
        }
        return ServiceTrail.answered(service.id(), Long.parseLong(total.strip()), entries);
    }
}
