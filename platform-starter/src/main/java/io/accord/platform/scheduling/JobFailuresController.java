package io.accord.platform.scheduling;

import io.accord.contracts.Roles;
import io.accord.platform.persistence.PagedQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
@Validated
@Tag(name = "Scheduled jobs (operations)")
@PreAuthorize("hasAnyRole('" + Roles.OPS + "', '" + Roles.PLATFORM_ADMIN + "')")
class JobFailuresController {

    /** Auditors read the list too; changes stay with ops and platform admins. */
    static final String READERS = "hasAnyRole('" + Roles.OPS + "', '" + Roles.PLATFORM_ADMIN + "', '" + Roles.AUDITOR
            + "')";

    static final String PATH = "${accord.platform.api-base-path:/api}" + JobItemsConfiguration.ADMIN_PATH
            + "/failures";

    private final JobFailures failures;

    JobFailuresController(JobFailures failures) {
        this.failures = failures;
    }

    @GetMapping(PATH)
    @PreAuthorize(READERS)
    @Operation(operationId = "listJobItemFailures", summary = "Items of this service's scheduled jobs that failed and"
            + " have not been handled since (each is tried again later on its own; the job's other items go on),"
            + " the most recent failure first; ?job= for one job")
    ResponseEntity<List<JobFailure>> list(@RequestParam(required = false) @Size(max = 100) String job,
                                          @RequestParam(defaultValue = "0") @Min(0) int offset,
                                          @RequestParam(defaultValue = "50") @Min(1) @Max(1000) int limit) {
        PagedQuery.Slice<JobFailure> page = failures.list(job, offset, limit);
        return ResponseEntity.ok()
                .header("X-Total-Count", String.valueOf(page.total()))
                .header("X-Result-Count", String.valueOf(page.items().size()))
                .body(page.items());
    }

    @PostMapping(PATH + "/{job}/{itemId}/retry")
    @Operation(operationId = "retryJobItem", summary = "Have the job try a failing item at its next run instead of"
            + " after its back-off (once its cause is fixed); audited")
    JobFailure retry(@PathVariable @Size(max = 100) String job, @PathVariable @Size(max = 200) String itemId) {
        return failures.retry(job, itemId);
    }

    @DeleteMapping(PATH + "/{job}/{itemId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "dismissJobItemFailure", summary = "Forget an item's failure record when it no longer"
            + " applies (the item was removed, or its cause fixed and it will not be selected again); if the item"
            + " fails again it is counted afresh; audited. Records whose item has been due for "
            + "7 days without any run trying it are forgotten on their own")
    void dismiss(@PathVariable @Size(max = 100) String job, @PathVariable @Size(max = 200) String itemId) {
        failures.dismiss(job, itemId);
    }
}
