package io.accord.rating.rollup;

import io.accord.contracts.Roles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The ingestion-to-rollup lag as this replica measured it, for ops (the same figures as the metrics). */
@RestController
@Tag(name = "Usage rollups")
class RollupLagController {

    static final String LAG = RollupController.ROLLUPS + "/lag";
    static final String STAFF = Roles.ANY_STAFF;

    private final RollupLag lag;

    RollupLagController(RollupLag lag) {
        this.lag = lag;
    }

    @GetMapping(LAG)
    @PreAuthorize(STAFF)
    @Operation(operationId = "readRollupLag", summary = "The lag from a rated record's receipt to the commit of its"
            + " rollups, as this replica measured it: last batch, and per input count, mean, max, p50, p99")
    RollupLag.View lag() {
        return lag.view();
    }
}
