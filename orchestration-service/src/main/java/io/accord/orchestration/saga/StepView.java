package io.accord.orchestration.saga;

import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.UUID;

/** A step as callers see it. */
public record StepView(UUID id, UUID sagaId, int position, String type, JsonNode payload, StepState state,
                       int attempts, int maxAttempts, Instant nextAttemptAt, Instant deadline, String lastError,
                       String skipReason) {
}
