package io.accord.platform.audit;

import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.UUID;

/** One audit row as the audit API shows it; {@code actorId} is the actor's token subject ({@code null} for system work). */
record AuditEntry(long id, Instant occurredAt, String actor, String actorId, UUID partnerId, String resourceType,
                  String resourceId, String action, JsonNode before, JsonNode after, String correlationId) {
}
