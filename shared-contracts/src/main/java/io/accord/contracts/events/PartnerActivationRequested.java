package io.accord.contracts.events;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Accord asks a partner (activation mode EVENT) to activate or deactivate something, on
 * {@code partner.activations.v1}, keyed by the partner id. The partner answers an {@code ACTIVATE} through
 * {@code POST /api/orchestration/activations/{stepId}/ack} before the step's deadline; a {@code DEACTIVATE}
 * (compensation) needs no answer. Requests may repeat (retries): {@code stepId} + {@code action} identify one.
 *
 * @param action     {@code ACTIVATE} or {@code DEACTIVATE}
 * @param activation what to activate, as the saga's step describes it
 */
public record PartnerActivationRequested(
        UUID eventId,
        Instant occurredAt,
        String partnerId,
        String action,
        String stepId,
        String sagaId,
        String reference,
        Map<String, Object> activation,
        String callbackUrl) implements DomainEvent {

    @Override
    public String key() {
        return partnerId;
    }
}
