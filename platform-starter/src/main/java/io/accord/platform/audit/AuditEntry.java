package io.accord.platform.audit;

import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.UUID;

/** One audit row as the audit API shows it. */
record AuditEntry(long id, Instant occurredAt, String actor, UUID partnerId, String resourceType,
                  String resourceId, String action, JsonNode before, JsonNode after, String correlationId) {
}
