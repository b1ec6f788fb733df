package io.accord.platform.audit;

import io.accord.platform.persistence.PagedQuery;
import io.accord.contracts.Roles;
import io.accord.platform.problem.InvalidInputException;
import io.accord.platform.time.SupportedTimes;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** Read-only audit trail of this service for auditors: {@code GET <apiBasePath>/audit}, newest first. */
@RestController
@Validated
@Tag(name = "Audit trail")
class AuditQueryController {

    /** The filters of the query, shared by the export ({@link AuditExportController}). */
    static final String FILTER = """
            where (cast(:partner as uuid) is null or partner_id = cast(:partner as uuid))
              and (cast(:type as text) is null or resource_type = cast(:type as text))
              and (cast(:resource as text) is null or resource_id = cast(:resource as text))
              and (cast(:actor as text) is null or actor = cast(:actor as text) or actor_id = cast(:actor as text))
              and (cast(:action as text) is null or action = cast(:action as text))
              and (cast(:from as timestamptz) is null or occurred_at >= cast(:from as timestamptz))
              and (cast(:to as timestamptz) is null or occurred_at < cast(:to as timestamptz))
              and (cast(:correlation as text) is null or correlation_id = cast(:correlation as text))
            """;

    private final JdbcClient jdbc;
    private final JsonMapper json;

    AuditQueryController(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @GetMapping("${accord.platform.api-base-path:/api}/audit")
    @PreAuthorize("hasAnyRole('" + Roles.AUDITOR + "', '" + Roles.PLATFORM_ADMIN + "')")
    @Operation(operationId = "auditTrail",
            summary = "Audit trail of this service, filtered by partner, resource type, resource id, actor, action,"
                    + " correlation id and time",
            description = "Every filter is optional and exact; they combine. actor matches the username or the"
                    + " immutable subject id (actorId) of whoever acted; correlationId is the X-Correlation-Id of the request"
                    + " (or of the event's request) that wrote the entry. from (inclusive) and to (exclusive) bound"
                    + " occurredAt, each an ISO-8601 instant (2026-11-01T00:00:00Z) or date (2026-11-01, midnight"
                    + " UTC).")
    ResponseEntity<List<AuditEntry>> audit(@RequestParam(required = false) UUID partnerId,
                                           @RequestParam(required = false) String resourceType,
                                           @RequestParam(required = false) String resourceId,
                                           @RequestParam(required = false) String actor,
                                           @RequestParam(required = false) String action,
                                           @RequestParam(required = false) String correlationId,
                                           @Parameter(schema = @Schema(type = "string", format = "date-time"))
                                           @RequestParam(required = false) String from,
                                           @Parameter(schema = @Schema(type = "string", format = "date-time"))
                                           @RequestParam(required = false) String to,
                                           @RequestParam(defaultValue = "0") @Min(0) int offset,
                                           @RequestParam(defaultValue = "50") @Min(1) @Max(1000) int limit) {
        Instant start = SupportedTimes.instantOrDate("from", from);
        Instant end = SupportedTimes.instantOrDate("to", to);
        if (start != null && end != null && !end.isAfter(start)) {
            throw new InvalidInputException("to", "to must be after from (to is exclusive)");
        }
        PagedQuery.Slice<AuditEntry> page = PagedQuery.from(jdbc, "audit_event " + FILTER)
                .param("partner", partnerId).param("type", resourceType).param("resource", resourceId)
                .param("actor", blankToNull(actor)).param("action", blankToNull(action))
                .param("correlation", blankToNull(correlationId))
                .param("from", start == null ? null : start.atOffset(ZoneOffset.UTC))
                .param("to", end == null ? null : end.atOffset(ZoneOffset.UTC))
                .orderBy("id desc")
                .slice(offset, limit, (rs, row) -> new AuditEntry(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(),
                        rs.getString("actor"), rs.getString("actor_id"), rs.getObject("partner_id", UUID.class),
                        rs.getString("resource_type"),
                        rs.getString("resource_id"), rs.getString("action"), tree(rs.getString("before_state")),
                        tree(rs.getString("after_state")), rs.getString("correlation_id")));
        return ResponseEntity.ok()
                .header("X-Total-Count", String.valueOf(page.total()))
                .header("X-Result-Count", String.valueOf(page.items().size()))
                .body(page.items());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private tools.jackson.databind.JsonNode tree(String value) {
        return value == null ? null : json.readTree(value);
    }
}
