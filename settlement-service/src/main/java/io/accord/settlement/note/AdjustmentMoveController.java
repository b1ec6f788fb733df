package io.accord.settlement.note;

import io.accord.contracts.Roles;
import io.accord.platform.apidocs.RequestExample;
import io.accord.platform.security.Tenancy;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/**
 * Finance moves a dispute correction off a DRAFT statement onto its own credit or debit note: the way out when
 * four-eyes leaves nobody to approve the statement (see the statement's {@code APPROVER_RESTRICTED} warning).
 */
@RestController
@Tag(name = "Settlement credit and debit notes")
class AdjustmentMoveController {

    private final AdjustmentMoves moves;
    private final Tenancy tenancy;

    AdjustmentMoveController(AdjustmentMoves moves, Tenancy tenancy) {
        this.moves = moves;
        this.tenancy = tenancy;
    }

    /** {@code target}: {@code NOTE}, a credit note (a credit) or debit note (a debit) of its own. */
    record Move(@NotBlank @Size(max = 20) @Pattern(regexp = "NOTE", message = "must be NOTE (a credit or debit note "
            + "of its own, correcting the disputed issued statement)") String target) {
    }

    @PostMapping("/api/settlement/statements/{id}/adjustments/{adjustmentId}/move")
    @PreAuthorize(NoteController.FINANCE)
    @RequestExample("settlement/adjustment-move.json")
    @Operation(operationId = "moveSettlementStatementAdjustment",
            summary = "Move a dispute correction off a DRAFT statement onto its own credit or debit note (audited, "
                    + "one transaction): the statement is discarded and its period drafted again without it; the "
                    + "note awaits four-eyes approval by someone other than the correction's proposer. Not carried "
                    + "by the statement: 404; the statement not a DRAFT, not discardable, or the correction not "
                    + "settleable by a note: 409")
    AdjustmentMoves.Moved move(@PathVariable UUID id, @PathVariable String adjustmentId,
                               @Valid @RequestBody Move request) {
        return moves.moveToNote(id, adjustmentId, tenancy.actor());
    }
}
