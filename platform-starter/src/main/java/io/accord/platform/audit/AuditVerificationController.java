package io.accord.platform.audit;

import io.accord.contracts.Roles;
import io.accord.platform.problem.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.regex.Pattern;

/** Tamper check of this service's audit trail for auditors: {@code GET <apiBasePath>/audit/verification}. */
@RestController
@Tag(name = "Audit trail")
class AuditVerificationController {

    private static final Pattern HASH = Pattern.compile("[0-9a-fA-F]{64}");

    private final AuditChain chain;

    AuditVerificationController(AuditChain chain) {
        this.chain = chain;
    }

    @GetMapping("${accord.platform.api-base-path:/api}/audit/verification")
    @PreAuthorize("hasAnyRole('" + Roles.AUDITOR + "', '" + Roles.PLATFORM_ADMIN + "')")
    @Operation(operationId = "verifyAuditTrail",
            summary = "Walks this service's audit hash chain and names the first entry that was changed,"
            + " deleted or inserted behind the trail's back",
            description = "Committed entries are sealed into the chain shortly after their commit; those not yet"
            + " sealed are counted as pendingEntries (with the age of the oldest) and fail the check only once"
            + " the oldest has waited longer than accord.platform.audit.seal-overdue-after. headPosition and"
            + " headHash are the chain's newest sealed entry: record them outside the database (an anchor), and"
            + " later pass them as anchorPosition and anchorHash: anchorMatches then says whether the entry at"
            + " that position still has that hash, which a chain rewritten as a whole (every hash recomputed)"
            + " does not. A mismatch also fails the check.")
    AuditVerification verification(
            @Parameter(description = "A headPosition recorded earlier (with anchorHash)",
                    schema = @Schema(type = "integer", format = "int64", minimum = "1"))
            @RequestParam(required = false) String anchorPosition,
            @Parameter(description = "The headHash recorded with anchorPosition: 64 hexadecimal digits")
            @RequestParam(required = false) String anchorHash) {
        return chain.verify(anchor(anchorPosition, anchorHash));
    }

    private static AuditChain.Anchor anchor(String position, String hash) {
        boolean hasPosition = position != null && !position.isBlank();
        boolean hasHash = hash != null && !hash.isBlank();
        if (!hasPosition && !hasHash) {
            return null;
        }
        if (!hasPosition) {
            throw new InvalidInputException("anchorPosition", "anchorPosition is required with anchorHash");
        }
        if (!hasHash) {
            throw new InvalidInputException("anchorHash", "anchorHash is required with anchorPosition");
        }
        long at;
        try {
            at = Long.parseLong(position.strip());
        } catch (NumberFormatException notANumber) {
            at = 0;
        }
        if (at < 1) {
            throw new InvalidInputException("anchorPosition", "anchorPosition must be a chain position (an integer"
                    + " from 1), as headPosition answered it");
        }
        if (!HASH.matcher(hash.strip()).matches()) {
            throw new InvalidInputException("anchorHash", "anchorHash must be 64 hexadecimal digits, as headHash"
                    + " answered it");
        }
        return new AuditChain.Anchor(at, hash.strip());
    }
}
