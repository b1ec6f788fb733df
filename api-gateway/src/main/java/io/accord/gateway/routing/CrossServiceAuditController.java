package io.accord.gateway.routing;

import io.accord.gateway.correlation.CorrelationId;
import io.accord.gateway.routing.AuditTrailMerge.Entry;
import io.accord.gateway.routing.AuditTrailMerge.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The audit trail of all services in one query for auditors (ARCHITECTURE §5): asks every service concurrently
 * for its newest {@code offset + limit} matching entries and merges them ({@link AuditTrailMerge}). Roles are
 * checked by the security configuration (and stated in the API document from it); each service checks them again
 * on the relayed token. The same filters without paging export every matching entry as one CSV file
 * ({@link AuditExport}).
 */
@RestController
@Tag(name = "Audit", description = "The audit trail across all Accord services")
class CrossServiceAuditController {

    static final String PARTIAL_RESULT = "X-Partial-Result";

    private final ServiceAuditClient services;

    CrossServiceAuditController(ServiceAuditClient services) {
        this.services = services;
    }

    @GetMapping(path = "/api/audit", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "auditTrailAcrossServices", summary = "Audit trail across all services, newest first",
            description = "Entries of every service matching the filters, ordered by occurredAt (newest first; ties"
                    + " by service, then id), each with the service it comes from. A service that does not answer"
                    + " in time or fails is left out instead of failing the query: the answer then names it in"
                    + " X-Partial-Result, and its entries and total are missing. If no service answers: 503."
                    + " Filters are exact and combine; actor matches the username or the subject id."
                    + " offset + limit may not exceed 1000; narrow longer trails with the filters (from/to).")
    @ApiResponse(responseCode = "200", description = "The page, possibly partial", content = @Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE, array = @ArraySchema(schema = @Schema(type = "object",
            description = "An entry of a service's audit trail, with the service it comes from"))), headers = {
            @Header(name = "X-Total-Count", description = "Sum of the answering services' totals"),
            @Header(name = "X-Result-Count", description = "Entries in this page"),
            @Header(name = PARTIAL_RESULT, description = "Comma-separated services that did not answer; absent"
                    + " when all did")})
    @ApiResponse(responseCode = "400", description = "A parameter has a bad value (named in violations)")
    @ApiResponse(responseCode = "403", description = "Only auditors and platform admins read the audit trail")
    @ApiResponse(responseCode = "503", description = "No service answered")
    Mono<ResponseEntity<List<ObjectNode>>> audit(
            @Parameter(schema = @Schema(type = "string", format = "uuid")) @RequestParam(required = false)
            String partnerId,
            @RequestParam(required = false) String resourceType,
            @RequestParam(required = false) String resourceId,
            @Parameter(description = "Username or subject id (actorId) of whoever acted")
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) String action,
            @Parameter(description = "The X-Correlation-Id of the request (or of the event's request) that wrote the"
                    + " entries: one request followed through every service")
            @RequestParam(required = false) String correlationId,
            @Parameter(description = "occurredAt at or after: an ISO-8601 instant or date (midnight UTC)",
                    schema = @Schema(type = "string", format = "date-time"))
            @RequestParam(required = false) String from,
            @Parameter(description = "occurredAt before (exclusive): an ISO-8601 instant or date (midnight UTC)",
                    schema = @Schema(type = "string", format = "date-time"))
            @RequestParam(required = false) String to,
            @Parameter(schema = @Schema(type = "integer", minimum = "0", defaultValue = "0"))
            @RequestParam(required = false) String offset,
            @Parameter(schema = @Schema(type = "integer", minimum = "1", maximum = "500", defaultValue = "50"))
            @RequestParam(required = false) String limit,
            ServerWebExchange exchange) {
        AuditQuery query = AuditQuery.parse(
                new AuditQuery.Filters(partnerId, resourceType, resourceId, actor, action, correlationId, from, to),
                offset, limit);
        String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        String requestCorrelationId = CorrelationId.of(exchange);
        return Flux.fromArray(Service.values())
                .flatMapSequential(service -> services.fetch(service, query, authorization, requestCorrelationId))
                .collectList()
                .map(trails -> answer(AuditTrailMerge.merge(trails, query.offset(), query.limit()), trails.size()));
    }

    @GetMapping(path = "/api/audit/export", produces = "text/csv")
    @Operation(operationId = "exportAuditTrailAcrossServices",
            summary = "Every entry of every service's audit trail matching the filters, as one CSV file",
            description = "The filters of the audit trail query, without paging: every matching entry of every"
                    + " service, ordered as the query orders them (newest first; ties by service, then id), streamed"
                    + " from the services' own exports (GET /api/<service>/audit/export). from and to are required"
                    + " and at most " + AuditQuery.EXPORT_MAX_DAYS + " days apart; export a longer time in several"
                    + " files. Columns: service, id, occurredAt, actor, actorId, partnerId, resourceType,"
                    + " resourceId, action, before, after (JSON text), correlationId. A text a spreadsheet would take"
                    + " for a formula (starting with = + - @, a tab or a carriage return) is written after a '. The"
                    + " file is named audit-<from>-<to>.csv. A service that does not answer in time is left out and"
                    + " named in X-Partial-Result; one that fails after it began answering breaks the download off,"
                    + " so that a file is never silently incomplete. If no service answers: 503.")
    @ApiResponse(responseCode = "200", description = "The CSV file (streamed), possibly partial", content = @Content(
            mediaType = "text/csv", schema = @Schema(type = "string")), headers = {
            @Header(name = HttpHeaders.CONTENT_DISPOSITION, description = "attachment; filename=\"audit-<from>-<to>.csv\""),
            @Header(name = PARTIAL_RESULT, description = "Comma-separated services that did not answer; absent"
                    + " when all did")})
    @ApiResponse(responseCode = "400", description = "A parameter has a bad value or from or to is missing (named in"
            + " violations)")
    @ApiResponse(responseCode = "403", description = "Only auditors and platform admins read the audit trail")
    @ApiResponse(responseCode = "503", description = "No service answered")
    Mono<ResponseEntity<Flux<String>>> export(
            @Parameter(schema = @Schema(type = "string", format = "uuid")) @RequestParam(required = false)
            String partnerId,
            @RequestParam(required = false) String resourceType,
            @RequestParam(required = false) String resourceId,
            @Parameter(description = "Username or subject id (actorId) of whoever acted")
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) String action,
            @Parameter(description = "The X-Correlation-Id of the request (or of the event's request) that wrote the"
                    + " entries: one request followed through every service")
            @RequestParam(required = false) String correlationId,
            @Parameter(description = "occurredAt at or after: an ISO-8601 instant or date (midnight UTC)",
                    required = true, schema = @Schema(type = "string", format = "date-time"))
            @RequestParam(required = false) String from,
            @Parameter(description = "occurredAt before (exclusive), at most " + AuditQuery.EXPORT_MAX_DAYS
                    + " days after from", required = true, schema = @Schema(type = "string", format = "date-time"))
            @RequestParam(required = false) String to,
            ServerWebExchange exchange) {
        AuditQuery query = AuditQuery.export(
                new AuditQuery.Filters(partnerId, resourceType, resourceId, actor, action, correlationId, from, to));
        String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        String requestCorrelationId = CorrelationId.of(exchange);
        return Flux.fromArray(Service.values())
                .flatMapSequential(service -> services.export(service, query, authorization, requestCorrelationId))
                .collectList()
                .map(exports -> {
                    List<String> unanswered = exports.stream().filter(export -> !export.isAnswered())
                            .map(ServiceAuditClient.ServiceExport::service).toList();
                    if (unanswered.size() == exports.size()) {
                        throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "No service answered the"
                                + " audit export: " + String.join(", ", unanswered) + ".");
                    }
                    var response = ResponseEntity.ok()
                            .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                            .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                                    .filename(AuditExport.fileName(query.from(), query.to())).build().toString());
                    if (!unanswered.isEmpty()) {
                        response.header(PARTIAL_RESULT, String.join(",", unanswered));
                    }
                    return response.body(AuditExport.merge(exports.stream()
                            .filter(ServiceAuditClient.ServiceExport::isAnswered)
                            .map(ServiceAuditClient.ServiceExport::rows).toList()));
                });
    }

    @GetMapping(path = "/api/audit/verification", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "verifyAuditChainsAcrossServices", summary = "Checks every service's audit hash chain",
            description = "Asks every service concurrently to walk its audit hash chain and answers each one's"
                    + " result: verified, entries checked, and for a broken chain the first entry that fails and"
                    + " why, and the position and hash of its chain's head (headPosition, headHash): record them"
                    + " outside the database as an anchor, and later check it at the service with"
                    + " GET /api/<service>/audit/verification?anchorPosition=&anchorHash= (anchorMatches), which"
                    + " notices a chain rewritten as a whole. verified is true only when every service answered and"
                    + " every chain is whole. A service"
                    + " that does not answer in time or fails is named in unanswered and in X-Partial-Result."
                    + " If no service answers: 503.")
    @ApiResponse(responseCode = "200", description = "Each answering service's result", headers =
            @Header(name = PARTIAL_RESULT, description = "Comma-separated services that did not answer; absent"
                    + " when all did"))
    @ApiResponse(responseCode = "403", description = "Only auditors and platform admins check the audit trail")
    @ApiResponse(responseCode = "503", description = "No service answered")
    Mono<ResponseEntity<AuditVerifications>> verification(ServerWebExchange exchange) {
        String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        String requestCorrelationId = CorrelationId.of(exchange);
        return Flux.fromArray(Service.values())
                .flatMapSequential(service -> services.verify(service, authorization, requestCorrelationId))
                .collectList()
                .map(answers -> {
                    AuditVerifications verifications = AuditVerifications.of(answers);
                    if (verifications.unanswered().size() == answers.size()) {
                        throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "No service answered the"
                                + " audit verification: " + String.join(", ", verifications.unanswered()) + ".");
                    }
                    var response = ResponseEntity.ok();
                    if (!verifications.unanswered().isEmpty()) {
                        response.header(PARTIAL_RESULT, String.join(",", verifications.unanswered()));
                    }
                    return response.body(verifications);
                });
    }

    private static ResponseEntity<List<ObjectNode>> answer(Page page, int asked) {
        if (page.unanswered().size() == asked) {
            throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE,
                    "No service answered the audit query: " + String.join(", ", page.unanswered()) + ".");
        }
        var response = ResponseEntity.ok()
                .header("X-Total-Count", Long.toString(page.total()))
                .header("X-Result-Count", Integer.toString(page.entries().size()));
        if (!page.unanswered().isEmpty()) {
            response.header(PARTIAL_RESULT, String.join(",", page.unanswered()));
        }
        return response.body(page.entries().stream().map(Entry::json).toList());
    }
}
