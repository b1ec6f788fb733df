package io.accord.platform.audit;

import io.accord.contracts.Roles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Tamper check of this service's audit trail for auditors: {@code GET <apiBasePath>/audit/verification}. */
@RestController
@Tag(name = "Audit trail")
class AuditVerificationController {

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
            + " the oldest has waited longer than accord.platform.audit.seal-overdue-after.")
    AuditVerification verification() {
        return chain.verify();
    }
}
