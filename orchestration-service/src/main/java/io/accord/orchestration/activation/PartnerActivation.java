package io.accord.orchestration.activation;

import io.accord.contracts.value.PartnerId;
import io.accord.orchestration.saga.StepDefinition;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.time.Duration;

/**
 * The saga step that activates something at a partner, in the partner's registered mode: add
 * {@link #step(PartnerId, JsonNode)} to a saga. Payload: {@code {"partnerId": "...", "activation": {...what to
 * activate, passed to the partner as it is...}, "ackTimeout": "PT1H"}} (the timeout is optional).
 */
public final class PartnerActivation {

    /** The step type, served by the activation feature's handler. */
    public static final String STEP_TYPE = "ACTIVATE_AT_PARTNER";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private PartnerActivation() {
    }

    /** Activate {@code activation} at the partner, which has the configured time to acknowledge. */
    public static StepDefinition step(PartnerId partner, JsonNode activation) {
        return StepDefinition.of(STEP_TYPE, payload(partner, activation));
    }

    /** The same with the time the partner has to acknowledge a request it accepted for later. */
    public static StepDefinition step(PartnerId partner, JsonNode activation, Duration ackTimeout) {
        return StepDefinition.of(STEP_TYPE, payload(partner, activation).put("ackTimeout", ackTimeout.toString()));
    }

    private static ObjectNode payload(PartnerId partner, JsonNode activation) {
        ObjectNode payload = JSON.createObjectNode().put("partnerId", partner.value().toString());
        payload.set("activation", activation == null ? JSON.createObjectNode() : activation);
        return payload;
    }
}
