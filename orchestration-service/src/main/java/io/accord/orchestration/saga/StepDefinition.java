package io.accord.orchestration.saga;

import tools.jackson.databind.JsonNode;

import java.time.Duration;

/**
 * A step to run, as a saga is started with it.
 *
 * @param type         the {@link StepHandler#type()} that runs it
 * @param payload      what the handler needs, as JSON (an object)
 * @param maxAttempts  attempts before a retryable failure becomes a failure; {@code null}: the configured default
 * @param firstBackoff wait after the first retryable failure, doubling up to {@code maxBackoff}; {@code null}:
 *                     the configured default (the platform's {@code Backoffs} policy either way)
 * @param maxBackoff   cap of that wait; {@code null}: the configured default
 */
public record StepDefinition(String type, JsonNode payload, Integer maxAttempts, Duration firstBackoff,
                             Duration maxBackoff) {

    public StepDefinition {
        if (type == null || type.isBlank()) {
            throw new IllegalArgumentException("a step needs a type");
        }
        if (payload == null || !payload.isObject()) {
            throw new IllegalArgumentException("the payload of a " + type + " step must be a JSON object");
        }
        if (maxAttempts != null && maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
        }
    }

    /** A step with the configured retry policy. */
    public static StepDefinition of(String type, JsonNode payload) {
        return new StepDefinition(type, payload, null, null, null);
    }

    /** The same step with its own retry policy. */
    public StepDefinition withRetries(int attempts, Duration first, Duration max) {
        return new StepDefinition(type, payload, attempts, first, max);
    }
}
