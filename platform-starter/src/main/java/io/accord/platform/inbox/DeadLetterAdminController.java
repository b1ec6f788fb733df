package io.accord.platform.inbox;

import io.accord.contracts.Roles;
import io.accord.platform.persistence.PagedQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * Ops' dead letters of this service's consumers: {@code <apiBasePath>/admin/dead-letters}, with replay once the
 * cause is fixed. Roles {@code ops} and {@code platform-admin} only, checked by request
 * ({@code InboxConfiguration}) and here: a dead letter's payload may carry personal data.
 */
@RestController
@Validated
@Tag(name = "Dead letters (operations)")
@PreAuthorize("hasAnyRole('" + Roles.OPS + "', '" + Roles.PLATFORM_ADMIN + "')")
class DeadLetterAdminController {

    static final String PATH = "${accord.platform.api-base-path:/api}" + InboxConfiguration.ADMIN_PATH;

    /** Kafka's legal topic names, short enough for the audit trail's id {@code <dlt>-<partition>@<offset>}. */
    private static final String TOPIC = "[a-zA-Z0-9._-]{1,160}";
    private static final String TOPIC_MESSAGE =
            "must be a Kafka topic name (letters, digits, '.', '_', '-'; at most 160)";

    private final DeadLetterReplays deadLetters;

    DeadLetterAdminController(DeadLetterReplays deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping(PATH)
    @Operation(operationId = "listDeadLetters", summary = "Records this service's consumers gave up on, from the"
            + " dead-letter topics (<topic>.DLT) of the topics they consume, by topic, partition and offset: where"
            + " each came from, the exception, whether and when it was replayed; the payload only with"
            + " payload=true; ?topic= for one dead-letter topic")
    ResponseEntity<List<DeadLetter>> list(
            @RequestParam(required = false) @Pattern(regexp = TOPIC, message = TOPIC_MESSAGE) String topic,
            @RequestParam(defaultValue = "false") boolean payload,
            @RequestParam(defaultValue = "0") @Min(0) int offset,
            @RequestParam(defaultValue = "50") @Min(1) @Max(1000) int limit) {
        PagedQuery.Slice<DeadLetter> page = deadLetters.list(topic, payload, offset, limit);
        return ResponseEntity.ok()
                .header("X-Total-Count", String.valueOf(page.total()))
                .header("X-Result-Count", String.valueOf(page.items().size()))
                .body(page.items());
    }

    @PostMapping(PATH + "/{topic}/{partition}/{offset}/replay")
    @Operation(operationId = "replayDeadLetter", summary = "Republish a dead letter to its original topic (its key"
            + " and headers, plus accord-replayed-from) once its cause is fixed; once only: a dead letter already"
            + " replayed is answered ALREADY_REPLAYED and not sent again, one whose replay is not confirmed (yet) 409"
            + " for two minutes from its claim; audited")
    DeadLetterReplays.Replay replay(@PathVariable @Pattern(regexp = TOPIC, message = TOPIC_MESSAGE) String topic,
                                    @PathVariable @Min(0) int partition, @PathVariable @Min(0) long offset) {
        return deadLetters.replay(topic, partition, offset);
    }

    @PostMapping(PATH + "/{topic}/replay")
    @Operation(operationId = "replayDeadLetters", summary = "Republish this service's dead letters of a dead-letter"
            + " topic (?partition= for one partition) up to ?upToOffset= (inclusive; all of them without it) to"
            + " their original topic, each once: those already replayed (or IN_PROGRESS: not confirmed yet) are"
            + " counted, not sent again; records that are no CloudEvent are left; each replay audited")
    DeadLetterReplays.Summary replayAll(
            @PathVariable @Pattern(regexp = TOPIC, message = TOPIC_MESSAGE) String topic,
            @RequestParam(required = false) @Min(0) Integer partition,
            @RequestParam(required = false) @Min(0) Long upToOffset) {
        return deadLetters.replayAll(topic, partition, upToOffset);
    }
}
