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
 * activate, passed to the partner as it is...}, "ackTimeout": "PT1H"}} (the timeout is optional). Its compensation
 * asks the partner to deactivate; {@link #deactivation(PartnerId, JsonNode)} asks that on its own, as a step.
 */
public final class PartnerActivation {

    /** The step type, served by the activation feature's handler. */
    public static final String STEP_TYPE = "ACTIVATE_AT_PARTNER";

    /** The step type of {@link #deactivation}, served by the activation feature's handler too. */
    public static final String DEACTIVATION_STEP_TYPE = "DEACTIVATE_AT_PARTNER";

    /**
     * Attempts of a deactivation before it is given up: with the saga's default backoff (doubling from 1 s up to
     * 5 min) about a week of a partner system being down, during which the saga stays in the ops fallout queue
     * (retry now, or skip) instead of failing after the usual few attempts.
     */
    public static final int DEACTIVATION_ATTEMPTS = 2016;

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

    /**
     * Deactivate {@code activation} at the partner: the request the {@link #step} step's compensation sends (action
     * {@code DEACTIVATE}, no acknowledgement expected; 2xx, 404 and 410 are done), as a step of its own, for what
     * ends after it was activated (a product staff terminate). Retried for {@link #DEACTIVATION_ATTEMPTS} attempts;
     * nothing to undo.
     */
    public static StepDefinition deactivation(PartnerId partner, JsonNode activation) {
        return new StepDefinition(DEACTIVATION_STEP_TYPE, payload(partner, activation), DEACTIVATION_ATTEMPTS, null,
                null);
    }

    private static ObjectNode payload(PartnerId partner, JsonNode activation) {
        ObjectNode payload = JSON.createObjectNode().put("partnerId", partner.value().toString());
        payload.set("activation", activation == null ? JSON.createObjectNode() : activation);
        return payload;
    }
}
