package io.accord.orchestration.saga;

import tools.jackson.databind.JsonNode;

import java.util.UUID;

/**
 * One attempt of a step (or of its compensation) as its handler sees it.
 *
 * @param attempt the attempt number of this run, 1 for the first (counted separately for the compensation)
 */
public record StepContext(UUID sagaId, UUID stepId, String reference, String type, JsonNode payload, int attempt) {
}
