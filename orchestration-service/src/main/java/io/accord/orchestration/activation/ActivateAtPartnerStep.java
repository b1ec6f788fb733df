package io.accord.orchestration.activation;

import io.accord.contracts.value.PartnerId;
import io.accord.orchestration.saga.StepContext;
import io.accord.orchestration.saga.StepHandler;
import io.accord.orchestration.saga.StepOutcome;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@value PartnerActivation#STEP_TYPE} step: asks the partner named in the payload to activate (and, when
 * compensating, to deactivate) in the mode it registered. AUTO: done at once. WEBHOOK: a signed POST, see
 * {@link #activated}. EVENT: the request as an event, acknowledged through the callback API.
 */
@Component
class ActivateAtPartnerStep implements StepHandler {

    static final String ACTIVATE = "ACTIVATE";
    static final String DEACTIVATE = "DEACTIVATE";

    private final PartnerEndpoints endpoints;
    private final WebhookClient webhooks;
    private final ActivationEvents events;
    private final ActivationProperties properties;
    private final JsonMapper json;
    private final java.util.List<ActivationDetails> details;

    ActivateAtPartnerStep(PartnerEndpoints endpoints, WebhookClient webhooks, ActivationEvents events,
                          ActivationProperties properties, JsonMapper json, java.util.List<ActivationDetails> details) {
        this.details = details;
        this.endpoints = endpoints;
        this.webhooks = webhooks;
        this.events = events;
        this.properties = properties;
        this.json = json;
    }

    @Override
    public String type() {
        return PartnerActivation.STEP_TYPE;
    }

    /**
     * AUTO (nothing to call) and EVENT (the request goes through the outbox) only touch the database, so they run
     * in the saga runner's transaction; a WEBHOOK call never holds a transaction open.
     */
    @Override
    public boolean transactional(StepContext step) {
        return partner(step).map(endpoints::modeOf).orElse(ActivationMode.AUTO) != ActivationMode.WEBHOOK;
    }

    @Override
    public StepOutcome execute(StepContext step) {
        Optional<PartnerId> partner = partner(step);
        if (partner.isEmpty()) {
            return StepOutcome.fail("the step's payload names no partner (partnerId)");
        }
        Duration ackTimeout;
        try {
            ackTimeout = step.payload().hasNonNull("ackTimeout")
                    ? Duration.parse(step.payload().get("ackTimeout").asString()) : properties.ackTimeout();
        } catch (DateTimeParseException malformed) {
            return StepOutcome.fail("the step's ackTimeout is not an ISO-8601 duration");
        }
        Optional<PartnerEndpoints.Target> target = endpoints.target(partner.get());
        return switch (target.map(PartnerEndpoints.Target::mode).orElse(ActivationMode.AUTO)) {
            case AUTO -> StepOutcome.done();
            case EVENT -> {
                events.requested(partner.get(), request(step, ACTIVATE));
                yield StepOutcome.waitingForAck(ackTimeout);
            }
            case WEBHOOK -> activated(target.get(), step, ackTimeout);
        };
    }

    @Override
    public StepOutcome compensate(StepContext step) {
        return partner(step).isEmpty() ? StepOutcome.done() : deactivate(step);
    }

    /**
     * Asks the step's partner to deactivate what the step's activation names, in the partner's mode: the
     * compensation above, and the {@value PartnerActivation#DEACTIVATION_STEP_TYPE} step.
     */
    StepOutcome deactivate(StepContext step) {
        Optional<PartnerId> partner = partner(step);
        if (partner.isEmpty()) {
            return StepOutcome.fail("the step's payload names no partner (partnerId)");
        }
        Optional<PartnerEndpoints.Target> target = endpoints.target(partner.get());
        return switch (target.map(PartnerEndpoints.Target::mode).orElse(ActivationMode.AUTO)) {
            case AUTO -> StepOutcome.done();
            case EVENT -> {
                events.requested(partner.get(), request(step, DEACTIVATE));
                yield StepOutcome.done();
            }
            case WEBHOOK -> deactivated(target.get(), step);
        };
    }

    /**
     * 2xx with {@code "status": "ACTIVATED"}: done; 2xx with {@code "REJECTED"} or {@code "FAILED"}: a permanent
     * failure; any other 2xx (202): accepted, the partner acknowledges later. 408, 425, 429, 5xx and no answer:
     * retried; any other 4xx: a permanent failure.
     */
    private StepOutcome activated(PartnerEndpoints.Target target, StepContext step, Duration ackTimeout) {
        WebhookClient.Reply reply = webhooks.post(target.url(), target.secret(), step.stepId().toString(),
                json.writeValueAsString(request(step, ACTIVATE)));
        if (reply.status().isEmpty()) {
            return StepOutcome.retry("partner webhook unreachable: " + reply.failure());
        }
        int status = reply.status().get();
        if (status >= 200 && status < 300) {
            String answer = status(reply.body());
            return switch (answer) {
                case "ACTIVATED" -> StepOutcome.done();
                case "REJECTED", "FAILED" -> StepOutcome.fail("partner answered " + answer + ": "
                        + excerpt(reply.body()));
                default -> StepOutcome.waitingForAck(ackTimeout);
            };
        }
        return failure(status, reply.body());
    }

    /** Deactivation: 2xx, 404 and 410 (nothing there to deactivate) are done; otherwise as activation. */
    private StepOutcome deactivated(PartnerEndpoints.Target target, StepContext step) {
        WebhookClient.Reply reply = webhooks.post(target.url(), target.secret(), step.stepId().toString(),
                json.writeValueAsString(request(step, DEACTIVATE)));
        if (reply.status().isEmpty()) {
            return StepOutcome.retry("partner webhook unreachable: " + reply.failure());
        }
        int status = reply.status().get();
        return status >= 200 && status < 300 || status == 404 || status == 410 ? StepOutcome.done()
                : failure(status, reply.body());
    }

    private static StepOutcome failure(int status, String body) {
        String reason = "partner webhook answered HTTP " + status + ": " + excerpt(body);
        boolean transientStatus = status == 408 || status == 425 || status == 429 || status >= 500;
        return transientStatus ? StepOutcome.retry(reason) : StepOutcome.fail(reason);
    }

    private ObjectNode request(StepContext step, String action) {
        ObjectNode request = json.createObjectNode()
                .put("action", action)
                .put("stepId", step.stepId().toString())
                .put("sagaId", step.sagaId().toString())
                .put("reference", step.reference())
                .put("partnerId", step.payload().path("partnerId").asString())
                .put("attempt", step.attempt());
        JsonNode activation = step.payload().path("activation");
        for (ActivationDetails detail : details) {
            activation = detail.complete(activation);
        }
        request.set("activation", activation);
        if (ACTIVATE.equals(action)) {
            request.put("callbackUrl", properties.callbackBaseUrl().replaceAll("/+$", "")
                    + AckController.PATH.replace("{stepId}", step.stepId().toString()));
        }
        return request;
    }

    private String status(String body) {
        try {
            JsonNode answer = json.readTree(body == null || body.isBlank() ? "{}" : body);
            return answer.path("status").asString("");
        } catch (JacksonException notJson) {
            return "";
        }
    }

    private static String excerpt(String body) {
        return body == null ? "" : body.length() > 300 ? body.substring(0, 300) + "..." : body;
    }

    static Optional<PartnerId> partner(StepContext step) {
        try {
            return Optional.of(new PartnerId(UUID.fromString(step.payload().path("partnerId").asString())));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }
}
