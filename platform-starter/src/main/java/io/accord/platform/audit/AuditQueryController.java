package io.accord.platform.audit;

import io.accord.platform.persistence.PagedQuery;
import io.accord.contracts.Roles;
import io.swagger.v3.oas.annotations.Operation;
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

import java.util.List;
import java.util.UUID;

/** Read-only audit trail of this service for auditors: {@code GET <apiBasePath>/audit}, newest first. */
@RestController
@Validated
@Tag(name = "Audit trail")
class AuditQueryController {

    private static final String FILTER = """
            where (cast(:partner as uuid) is null or partner_id = cast(:partner as uuid))
              and (cast(:type as text) is null or resource_type = cast(:type as text))
              and (cast(:resource as text) is null or resource_id = cast(:resource as text))
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
            summary = "Audit trail of this service, filtered by partner, resource type or resource id")
    ResponseEntity<List<AuditEntry>> audit(@RequestParam(required = false) UUID partnerId,
                                           @RequestParam(required = false) String resourceType,
                                           @RequestParam(required = false) String resourceId,
                                           @RequestParam(defaultValue = "0") @Min(0) int offset,
                                           @RequestParam(defaultValue = "50") @Min(1) @Max(1000) int limit) {
        PagedQuery.Slice<AuditEntry> page = PagedQuery.from(jdbc, "audit_event " + FILTER)
                .param("partner", partnerId).param("type", resourceType).param("resource", resourceId)
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

    private tools.jackson.databind.JsonNode tree(String value) {
        return value == null ? null : json.readTree(value);
    }
}
