package io.accord.platform.outbox;

import io.accord.platform.persistence.PagedQuery;
import io.accord.contracts.Roles;
import io.accord.platform.apidocs.RequestExample;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

/**
 * Ops' view of this service's parked outbox events: {@code <apiBasePath>/admin/outbox/parked}, with retry and
 * discard. Roles {@code ops} and {@code platform-admin}, checked by request ({@code OutboxConfiguration}) and here.
 */
@RestController
@Validated
@Tag(name = "Outbox (operations)")
@PreAuthorize("hasAnyRole('" + Roles.OPS + "', '" + Roles.PLATFORM_ADMIN + "')")
class OutboxAdminController {

    /** Auditors read the list too; changes stay with ops and platform admins. */
    static final String READERS = "hasAnyRole('" + Roles.OPS + "', '" + Roles.PLATFORM_ADMIN + "', '" + Roles.AUDITOR
            + "')";

    static final String PATH = "${accord.platform.api-base-path:/api}" + OutboxConfiguration.ADMIN_PATH + "/parked";

    private final ParkedEvents parked;

    OutboxAdminController(ParkedEvents parked) {
        this.parked = parked;
    }

    @GetMapping(PATH)
    @PreAuthorize(READERS)
    @Operation(operationId = "listParkedEvents",
            summary = "Outbox events parked after repeated publishing failures, oldest first")
    ResponseEntity<List<ParkedEvent>> list(@RequestParam(defaultValue = "0") @Min(0) int offset,
                                           @RequestParam(defaultValue = "50") @Min(1) @Max(1000) int limit) {
        PagedQuery.Slice<ParkedEvent> page = parked.list(offset, limit);
        return ResponseEntity.ok()
                .header("X-Total-Count", String.valueOf(page.total()))
                .header("X-Result-Count", String.valueOf(page.items().size()))
                .body(page.items());
    }

    @PostMapping(PATH + "/{id}/retry")
    @Operation(operationId = "retryParkedEvent",
            summary = "Give a parked event back to the relay; later events of its key follow it")
    ParkedEvent retry(@PathVariable UUID id) {
        return parked.retry(id);
    }

    @PostMapping(PATH + "/{id}/discard")
    @Operation(operationId = "discardParkedEvent",
            summary = "Drop a parked event without publishing it, so later events of its key flow on")
    @RequestExample("platform/parked-event-discard.json")
    ParkedEvent discard(@PathVariable UUID id, @Valid @RequestBody Discard request) {
        return parked.discard(id, request.reason());
    }

    @Schema(name = "OutboxDiscard")
    record Discard(@NotBlank @Size(max = 500) String reason) {
    }
}
