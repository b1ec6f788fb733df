package io.accord.settlement.run;

import io.accord.contracts.Roles;
import io.accord.platform.apidocs.RequestExample;
import io.accord.platform.problem.NotFoundException;
import io.accord.platform.security.Tenancy;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.Set;
import java.util.UUID;

/** Finance starts settlement runs and follows their progress. */
@RestController
@Tag(name = "Settlement runs")
class RunController {

    static final String PATH = "/api/settlement/runs";
    static final String STARTERS = "hasAnyRole('" + Roles.FINANCE + "')";
    static final String READERS = "hasAnyRole('" + Roles.FINANCE + "', '" + Roles.PLATFORM_ADMIN + "', '"
            + Roles.AUDITOR + "', '" + Roles.OPS + "')";

    private final SettlementRuns runs;
    private final Tenancy tenancy;

    RunController(SettlementRuns runs, Tenancy tenancy) {
        this.runs = runs;
        this.tenancy = tenancy;
    }

    /** @param partnerIds the partners to settle; absent or empty: every partner with an ended period */
    record StartRun(@Size(max = 10000) Set<UUID> partnerIds) {
    }

    @PostMapping(PATH)
    @PreAuthorize(STARTERS)
    @Operation(operationId = "startSettlementRun",
            summary = "Start a run closing the ended periods of all or the selected partners; answers 202 and the run")
    @RequestExample("settlement/run-start.json")
    ResponseEntity<SettlementRuns.Run> start(@Valid @RequestBody(required = false) StartRun request) {
        Set<UUID> partners = request == null || request.partnerIds() == null ? Set.of() : request.partnerIds();
        SettlementRuns.Run run = runs.start(partners, tenancy.actor());
        return ResponseEntity.accepted().location(URI.create(PATH + "/" + run.id())).body(run);
    }

    @GetMapping(PATH + "/{id}")
    @PreAuthorize(READERS)
    @Operation(operationId = "retrieveSettlementRun", summary = "A run and its progress (periods done of total)")
    SettlementRuns.Run get(@PathVariable UUID id) {
        return runs.find(id).orElseThrow(() -> new NotFoundException("Settlement run", id));
    }
}
