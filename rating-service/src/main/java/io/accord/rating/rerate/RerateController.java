package io.accord.rating.rerate;

import io.accord.contracts.Roles;
import io.accord.platform.apidocs.RequestExample;
import io.accord.platform.problem.InvalidInputException;
import io.accord.platform.problem.NotFoundException;
import io.accord.platform.problem.Problems;
import io.accord.platform.time.SupportedTimes;
import io.accord.platform.web.OffsetLimit;
import io.accord.platform.web.PagedResponse;
import io.accord.rating.model.RatingModel;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

/** Re-rate jobs for ops and finance (docs/rating-rerating.md). */
@RestController
@Tag(name = "Re-rating")
class RerateController {

    static final String READ = "hasAnyRole('" + Roles.PLATFORM_ADMIN + "', '" + Roles.OPS + "', '" + Roles.FINANCE
            + "', '" + Roles.AUDITOR + "', '" + Roles.PARTNER_MANAGER + "')";
    static final String WRITE = "hasAnyRole('" + Roles.PLATFORM_ADMIN + "', '" + Roles.OPS + "', '"
            + Roles.FINANCE + "')";
    static final Duration MAX_RANGE = Duration.ofDays(366);
    private static final Set<String> STATES = Set.of("QUEUED", "RUNNING", "COMPLETED", "FAILED",
            "CANCELLED");
    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    private final RerateJobs jobs;
    private final RatingModel model;
    private final Clock clock;

    RerateController(RerateJobs jobs, RatingModel model, Clock clock) {
        this.jobs = jobs;
        this.model = model;
        this.clock = clock;
    }

    record RerateRequest(String requestId, String partnerId, String offeringId, String usageType, String from,
                         String to, String reason) {
    }

    @RequestExample("rating/rerate-job.json")
    @PostMapping(RerateJobs.BASE)
    @PreAuthorize(WRITE)
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.ACCEPTED)
    @Operation(operationId = "requestRerate", summary = "Re-rates a partner's rated usage of an offering in a usage"
            + " time range [from, to) with the read models in force now: each record that comes out different is"
            + " reversed and rated again as a new record. Answers 202 with the job; the same requestId with the same"
            + " parameters answers the same job, with any other parameter 409 naming those that differ; 400 for a"
            + " range starting in the future; 422 naming partnerId, offeringId or usageType when rating's read"
            + " models know no such partner, offering or usage type priced by the offering; audited")
    ResponseEntity<RerateJobView> request(@RequestBody RerateRequest request) {
        if (request == null) {
            throw new InvalidInputException("requestId", "a body with requestId, partnerId, offeringId, from and to"
                    + " is required");
        }
        if (request.requestId() == null || !REQUEST_ID.matcher(request.requestId()).matches()) {
            throw new InvalidInputException("requestId", "requestId is required: 1 to 100 letters, digits, '.',"
                    + " '_', ':' or '-'");
        }
        if (request.partnerId() == null) {
            throw new InvalidInputException("partnerId", "partnerId is required");
        }
        try {
            UUID.fromString(request.partnerId());
        } catch (IllegalArgumentException malformed) {
            throw new InvalidInputException("partnerId", "partnerId is not a UUID");
        }
        String offering = text("offeringId", request.offeringId(), true);
        String usageType = text("usageType", request.usageType(), false);
        Instant from = instant("from", request.from());
        Instant to = instant("to", request.to());
        if (!to.isAfter(from)) {
            throw new InvalidInputException("to", "to must be after from (to is exclusive)");
        }
        if (Duration.between(from, to).compareTo(MAX_RANGE) > 0) {
            throw new InvalidInputException("to", "at most " + MAX_RANGE.toDays() + " days at a time");
        }
        if (from.isAfter(clock.instant())) {
            throw new InvalidInputException("from", "from " + from + " is in the future: no usage there is rated yet");
        }
        String reason = request.reason() == null || request.reason().isBlank() ? null : request.reason().strip();
        if (reason != null && reason.length() > 500) {
            throw new InvalidInputException("reason", "reason is at most 500 characters");
        }
        String partnerId = request.partnerId().toLowerCase(java.util.Locale.ROOT);
        checkKnown(partnerId, offering, usageType);
        RerateJobs.Requested requested = jobs.request(request.requestId(), new RerateJobs.Scope(
                partnerId, offering, usageType, from, to, null), reason);
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create(requested.job().href()))
                .body(requested.job());
    }

    @GetMapping(RerateJobs.BASE + "/{id}")
    @PreAuthorize(READ)
    @Operation(operationId = "retrieveRerateJob", summary = "A re-rate job: state and progress")
    RerateJobView job(@PathVariable String id) {
        UUID jobId = uuid(id);
        return jobs.find(jobId).orElseThrow(() -> new NotFoundException("RerateJob", id));
    }

    @GetMapping(RerateJobs.BASE)
    @PreAuthorize(READ)
    @Operation(operationId = "listRerateJobs", summary = "Re-rate jobs, newest first, by state and offering"
            + " (X-Total-Count)")
    ResponseEntity<List<RerateJobView>> jobs(@RequestParam(required = false) String state,
                                             @RequestParam(required = false) String offeringId,
                                             @RequestParam(required = false) Integer offset,
                                             @RequestParam(required = false) Integer limit) {
        if (state != null && !STATES.contains(state)) {
            throw new InvalidInputException("state", "state is one of " + STATES);
        }
        OffsetLimit paging = OffsetLimit.of(offset, limit, Sort.unsorted());
        return PagedResponse.of(jobs.list(state, offeringId == null || offeringId.isBlank() ? null : offeringId,
                paging), Function.identity());
    }

    @PostMapping(RerateJobs.BASE + "/{id}/cancel")
    @PreAuthorize(WRITE)
    @Operation(operationId = "cancelRerateJob", summary = "Stops a QUEUED, RUNNING or FAILED re-rate job for good:"
            + " a running job stops at its next batch boundary (after the batch in flight commits). What it already"
            + " corrected stays corrected (each batch is its own transaction: its reversals and replacements stand);"
            + " the rest of the scope is left as rated. 409 for a job COMPLETED or CANCELLED; audited")
    RerateJobView cancel(@PathVariable String id) {
        return jobs.cancel(uuid(id));
    }

    @PostMapping(RerateJobs.BASE + "/{id}/resume")
    @PreAuthorize(WRITE)
    @Operation(operationId = "resumeRerateJob", summary = "Runs a FAILED re-rate job again from where its last"
            + " committed batch ended; audited")
    RerateJobView resume(@PathVariable String id) {
        return jobs.resume(uuid(id));
    }

    /**
     * A scope the read models cannot match is refused (422 naming the field): it was accepted and came to nothing
     * (toExamine 0), so a typo looked like "nothing to correct".
     */
    private void checkKnown(String partnerId, String offeringId, String usageType) {
        if (!model.knowsPartner(partnerId)) {
            throw unknown("partnerId", "rating knows no partner " + partnerId + " (no agreement of it, no offering"
                    + " it owns)");
        }
        if (!model.knowsOffering(offeringId)) {
            throw unknown("offeringId", "rating knows no offering " + abbreviated(offeringId));
        }
        if (usageType != null) {
            SortedSet<String> priced = model.usageTypesPriced(offeringId);
            if (!priced.contains(usageType)) {
                throw unknown("usageType", "offering " + abbreviated(offeringId) + " prices no usage type "
                        + abbreviated(usageType) + (priced.isEmpty() ? " (it has no usage price)"
                        : "; it prices " + String.join(", ", priced)));
            }
        }
    }

    private static ErrorResponseException unknown(String field, String detail) {
        ProblemDetail problem = Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "unknown-scope", detail);
        problem.setProperty("field", field);
        return new ErrorResponseException(HttpStatus.UNPROCESSABLE_CONTENT, problem, null);
    }

    private static String abbreviated(String value) {
        return value.length() > 60 ? value.substring(0, 60) + "..." : value;
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException malformed) {
            throw new NotFoundException("RerateJob", id);
        }
    }

    private static String text(String field, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw new InvalidInputException(field, field + " is required");
            }
            return null;
        }
        if (value.length() > 200) {
            throw new InvalidInputException(field, field + " is at most 200 characters");
        }
        return value.strip();
    }

    static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, field + " is required (ISO-8601 instant, e.g."
                    + " 2026-12-01T00:00:00Z)");
        }
        return SupportedTimes.instantOrDate(field, value);
    }
}
