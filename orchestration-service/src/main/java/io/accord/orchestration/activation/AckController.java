package io.accord.orchestration.activation;

import io.accord.contracts.Roles;
import io.accord.contracts.value.PartnerId;
import io.accord.orchestration.saga.Acknowledgement;
import io.accord.orchestration.saga.SagaView;
import io.accord.orchestration.saga.Sagas;
import io.accord.orchestration.saga.StepState;
import io.accord.orchestration.saga.StepView;
import io.accord.platform.apidocs.RequestExample;
import io.accord.platform.problem.NotFoundException;
import io.accord.platform.security.Tenancy;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.Optional;
import java.util.UUID;

/** The partner's callback: it acknowledges (or refuses) an activation it accepted for later. */
@RestController
@Tag(name = "Partner activation endpoints")
class AckController {

    static final String PATH = "/api/orchestration/activations/{stepId}/ack";

    private final Sagas sagas;
    private final Tenancy tenancy;

    AckController(Sagas sagas, Tenancy tenancy) {
        this.sagas = sagas;
        this.tenancy = tenancy;
    }

    /** The partner's answer: ACTIVATED, or REJECTED with a reason. */
    record Ack(@NotNull Status status, @Size(max = 1000) String reason) {
    }

    enum Status { ACTIVATED, REJECTED }

    /** The activation step after the answer. */
    record AckResult(UUID stepId, UUID sagaId, StepState state) {
    }

    @PostMapping(PATH)
    @PreAuthorize("hasRole('" + Roles.PARTNER_ADMIN + "')")
    @Operation(operationId = "acknowledgeActivation", summary = "Acknowledge (ACTIVATED) or refuse (REJECTED) an "
            + "activation request of Accord; 409 when it no longer waits (timed out, already answered)")
    @RequestExample("orchestration/activation-ack.json")
    AckResult acknowledge(@PathVariable String stepId, @Valid @RequestBody Ack ack) {
        StepView step = ownStep(stepId).orElseThrow(() -> new NotFoundException("Activation", stepId));
        SagaView saga = sagas.acknowledge(step.sagaId(), step.id(), ack.status() == Status.ACTIVATED
                ? new Acknowledgement(true, ack.reason()) : Acknowledgement.failure(ack.reason()));
        return new AckResult(step.id(), saga.id(), saga.step(step.id()).orElseThrow().state());
    }

    /** Only an activation step of the caller's own partner: any other answers 404, as if there were none. */
    private Optional<StepView> ownStep(String stepId) {
        UUID id;
        try {
            id = UUID.fromString(stepId);
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
        Optional<PartnerId> caller = tenancy.partnerId();
        return sagas.findStep(id)
                .filter(step -> PartnerActivation.STEP_TYPE.equals(step.type()))
                .filter(step -> caller.isPresent()
                        && caller.get().value().toString().equals(step.payload().path("partnerId").asString()));
    }
}
