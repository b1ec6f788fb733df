package io.accord.orchestration.saga;

import io.accord.contracts.Roles;
import io.accord.platform.apidocs.RequestExample;
import io.accord.platform.problem.NotFoundException;
import io.accord.platform.web.OffsetLimit;
import io.accord.platform.web.PagedResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Ops watch failed and stuck sagas and act on them: retry, skip with a reason, cancel. */
@RestController
@Tag(name = "Saga fallout")
class FalloutController {

    static final String FALLOUT = "/api/orchestration/fallout";
    static final String ACTIONS = FALLOUT + "/{sagaId}/*";
    static final String SAGA = "/api/orchestration/sagas/{sagaId}";
    static final String[] READERS = {Roles.OPS, Roles.PLATFORM_ADMIN, Roles.AUDITOR};
    static final String[] OPERATORS = {Roles.OPS, Roles.PLATFORM_ADMIN};
    private static final String MAY_READ = "hasAnyRole('" + Roles.OPS + "', '" + Roles.PLATFORM_ADMIN + "', '"
            + Roles.AUDITOR + "')";
    private static final String MAY_ACT = "hasAnyRole('" + Roles.OPS + "', '" + Roles.PLATFORM_ADMIN + "')";

    private final Sagas sagas;

    FalloutController(Sagas sagas) {
        this.sagas = sagas;
    }

    /** Why ops skip a step or cancel a saga; recorded on the saga and in the audit trail. */
    record Reason(@NotBlank @Size(max = 1000) String reason) {
    }

    /** A saga in the fallout queue: the step it is stuck at (or that failed) and why. */
    record FalloutItem(UUID sagaId, String reference, SagaState state, String reason, StepView step) {

        static FalloutItem of(SagaView saga) {
            StepView step = saga.steps().stream()
                    .filter(candidate -> candidate.lastError() != null && (candidate.state() == StepState.PENDING
                            || candidate.state() == StepState.COMPENSATING))
                    .findFirst()
                    .orElseGet(() -> saga.failedStepId() == null ? null : saga.step(saga.failedStepId()).orElse(null));
            String reason = step != null && step.lastError() != null ? step.lastError() : saga.failureReason();
            return new FalloutItem(saga.id(), saga.reference(), saga.state(), reason, step);
        }
    }

    @GetMapping(FALLOUT)
    @PreAuthorize(MAY_READ)
    @Operation(operationId = "listSagaFallout", summary = "Failed, compensated and stuck sagas with the failing step "
            + "and reason, most recently changed first, paged by offset and limit; state=FAILED,RUNNING,... narrows")
    ResponseEntity<List<FalloutItem>> fallout(@RequestParam(required = false) Integer offset,
                                              @RequestParam(required = false) Integer limit,
                                              @RequestParam(required = false) Set<SagaState> state) {
        return PagedResponse.of(sagas.fallout(state == null ? Set.of() : state,
                OffsetLimit.of(offset, limit, Sort.unsorted())), FalloutItem::of);
    }

    @GetMapping(SAGA)
    @PreAuthorize(MAY_READ)
    @Operation(operationId = "retrieveSaga", summary = "Read a saga with all its steps")
    SagaView saga(@PathVariable String sagaId) {
        UUID id = id(sagaId);
        return sagas.find(id).orElseThrow(() -> new NotFoundException("Saga", sagaId));
    }

    @PostMapping(FALLOUT + "/{sagaId}/retry")
    @PreAuthorize(MAY_ACT)
    @Operation(operationId = "retrySagaStep", summary = "Run the saga's current step (or compensation) now, with its "
            + "full retry budget again; 409 when the saga is completed or compensated")
    SagaView retry(@PathVariable String sagaId) {
        return sagas.retry(id(sagaId));
    }

    @PostMapping(FALLOUT + "/{sagaId}/skip")
    @PreAuthorize(MAY_ACT)
    @Operation(operationId = "skipSagaStep", summary = "Leave the saga's current step (or its compensation) out, "
            + "with a reason, and go on")
    @RequestExample("orchestration/saga-skip.json")
    SagaView skip(@PathVariable String sagaId, @Valid @RequestBody Reason reason) {
        return sagas.skip(id(sagaId), reason.reason().strip());
    }

    @PostMapping(FALLOUT + "/{sagaId}/cancel")
    @PreAuthorize(MAY_ACT)
    @Operation(operationId = "cancelSaga", summary = "Give a running saga up with a reason: the steps it did are "
            + "compensated in reverse order")
    @RequestExample("orchestration/saga-cancel.json")
    SagaView cancel(@PathVariable String sagaId, @Valid @RequestBody Reason reason) {
        return sagas.cancel(id(sagaId), reason.reason().strip());
    }

    /** An id of any other shape names no saga: 404, like an unknown one. */
    private static UUID id(String sagaId) {
        try {
            return UUID.fromString(sagaId);
        } catch (IllegalArgumentException malformed) {
            throw new NotFoundException("Saga", sagaId);
        }
    }
}
