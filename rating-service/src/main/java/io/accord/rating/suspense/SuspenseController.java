package io.accord.rating.suspense;

import io.accord.contracts.Roles;
import io.accord.platform.problem.InvalidInputException;
import io.accord.platform.problem.ProblemExceptionHandler;
import io.accord.platform.problem.Problems;
import io.accord.platform.web.OffsetLimit;
import io.accord.platform.web.PagedResponse;
import io.accord.platform.apidocs.RequestExample;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;
import tools.jackson.databind.exc.MismatchedInputException;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/** Usage in suspense, for ops (docs/rating-suspense.md). */
@RestController
@Tag(name = "Usage suspense")
class SuspenseController {

    static final String SUSPENSE = "/api/rating/suspense";
    static final String READ = "hasAnyRole('" + Roles.PLATFORM_ADMIN + "', '" + Roles.OPS + "', '" + Roles.FINANCE
            + "', '" + Roles.AUDITOR + "')";
    static final String WRITE = "hasAnyRole('" + Roles.PLATFORM_ADMIN + "', '" + Roles.OPS + "')";
    private static final String SUBSCRIBER = "the subscriber identifier exactly as the usage record named it";
    private static final String OFFERING = "the offering id the record concerns: that of the product instance the"
            + " engine picked (e.g. one with no price for the usage), else the one the record named";

    private final SuspenseOps ops;
    private final SuspenseRecycler recycler;
    private final ProblemExceptionHandler problems;

    SuspenseController(SuspenseOps ops, SuspenseRecycler recycler, ProblemExceptionHandler problems) {
        this.ops = ops;
        this.recycler = recycler;
        this.problems = problems;
    }

    /**
     * A body that is JSON but no object ({@code []}, a text, a number) was answered "The request body is missing or
     * is not valid JSON": say what a recycle or write-off takes. Every other unreadable body is the platform's.
     */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<?> unreadable(HttpMessageNotReadableException unreadable, WebRequest request) throws Exception {
        if (unreadable.getCause() instanceof MismatchedInputException mismatch && mismatch.getPath().isEmpty()) {
            return ResponseEntity.badRequest().body(Problems.invalid("body", "the body is a JSON object with either"
                    + " ids (1 to " + SuspenseOps.MAX_SELECTION + " suspense ids) or filter (an object of reason,"
                    + " source, subscriber, offering, from, to), e.g. {\"ids\":"
                    + " [\"3fa85f64-5717-4562-b3fc-2c963f66afa6\"]} (a write-off also takes reason); this body is JSON"
                    + " of another kind"));
        }
        return problems.handleException(unreadable, request);
    }

    /** Either {@code ids} or {@code filter} (reason, source, subscriber, offering, from, to over OPEN records). */
    record RecycleRequest(List<UUID> ids, Selection filter) {
    }

    @RequestExample("rating/suspense-recycle.json")
    @PostMapping(SUSPENSE + "/recycle")
    @PreAuthorize(WRITE)
    @Operation(operationId = "recycleSuspense", summary = "Rates OPEN suspense records again (by ids or a filter)"
            + " after the cause was fixed; each exactly once; those that would still be suspended stay OPEN and are"
            + " reported with their reason; audited")
    SuspenseRecycler.Result recycle(@RequestBody RecycleRequest request) {
        if ((request.ids() == null) == (request.filter() == null)) {
            throw new InvalidInputException("ids", "give either ids or filter");
        }
        if (request.ids() != null && (request.ids().isEmpty() || request.ids().size() > SuspenseOps.MAX_SELECTION)) {
            throw new InvalidInputException("ids", "give 1 to " + SuspenseOps.MAX_SELECTION + " ids");
        }
        checkSelection(request.ids(), request.filter());
        return recycler.recycle(request.ids(), open(request.filter()));
    }

    @GetMapping(SUSPENSE)
    @PreAuthorize(READ)
    @Operation(operationId = "listSuspense", summary = "Usage in suspense, oldest first, filtered by status, reason,"
            + " source, subscriber, offering and suspension time (X-Total-Count)")
    ResponseEntity<List<SuspenseOps.Item>> list(
            @RequestParam(required = false) String status, @RequestParam(required = false) String reason,
            @RequestParam(required = false) String source,
            @Parameter(description = SUBSCRIBER) @RequestParam(required = false) String subscriber,
            @Parameter(description = OFFERING) @RequestParam(required = false) String offering,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to,
            @RequestParam(required = false) Integer offset, @RequestParam(required = false) Integer limit) {
        OffsetLimit paging = OffsetLimit.of(offset, limit, Sort.unsorted());
        return PagedResponse.of(ops.list(new SuspenseOps.Filter(blank(status), blank(reason), blank(source),
                blank(subscriber), blank(offering), from, to), paging), Function.identity());
    }

    @GetMapping(SUSPENSE + "/summary")
    @PreAuthorize(READ)
    @Operation(operationId = "summarizeSuspense", summary = "Suspense counted by reason, by source (a partner's"
            + " usage has its partner id as source) and by age (<1h, 1h-1d, 1d-7d, >7d); status defaults to OPEN;"
            + " filtered like the list")
    SuspenseOps.Summary summary(
            @RequestParam(required = false) String status, @RequestParam(required = false) String reason,
            @RequestParam(required = false) String source,
            @Parameter(description = SUBSCRIBER) @RequestParam(required = false) String subscriber,
            @Parameter(description = OFFERING) @RequestParam(required = false) String offering,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to) {
        String wanted = blank(status) == null ? "OPEN" : status;
        return ops.summary(new SuspenseOps.Filter(wanted, blank(reason), blank(source), blank(subscriber),
                blank(offering), from, to));
    }

    /**
     * No null among the ids ({@code [null]} was answered 200 with {@code notOpen: [null]}), and a filter that names
     * at least one criterion: {@code {}} selected every OPEN record on the platform, for every source.
     */
    private static void checkSelection(List<UUID> ids, Selection filter) {
        if (ids != null && ids.contains(null)) {
            throw new InvalidInputException("ids", "ids holds a null; give suspense ids");
        }
        if (filter != null && blank(filter.reason()) == null && blank(filter.source()) == null
                && blank(filter.subscriber()) == null && blank(filter.offering()) == null
                && filter.from() == null && filter.to() == null) {
            throw new InvalidInputException("filter", "the filter names no reason, source, subscriber, offering, from"
                    + " or to: it would select every OPEN suspense record of every source; name at least one");
        }
    }

    /** The OPEN records a recycle or write-off filter selects ({@code null}: none, ids were given). */
    private static SuspenseOps.Filter open(Selection filter) {
        return filter == null ? null : new SuspenseOps.Filter("OPEN", blank(filter.reason()), blank(filter.source()),
                blank(filter.subscriber()), blank(filter.offering()), filter.from(), filter.to());
    }

    /**
     * Either {@code ids} or {@code filter} (reason, source, subscriber, offering, from, to over OPEN records), and the
     * reason.
     */
    record WriteOffRequest(List<UUID> ids, Selection filter, String reason) {
    }

    /** A selection of OPEN records: every criterion given must hold (as the list's parameters of the same names). */
    record Selection(String reason, String source, String subscriber, String offering, Instant from, Instant to) {
    }

    @RequestExample("rating/suspense-write-off.json")
    @PostMapping(SUSPENSE + "/write-off")
    @PreAuthorize(WRITE)
    @Operation(operationId = "writeOffSuspense", summary = "Writes off OPEN suspense records (by ids or a filter)"
            + " with a reason; audited; moves their count from suspended to written off")
    SuspenseOps.WriteOffResult writeOff(@RequestBody WriteOffRequest request) {
        if ((request.ids() == null) == (request.filter() == null)) {
            throw new InvalidInputException("ids", "give either ids or filter");
        }
        if (request.ids() != null && request.ids().isEmpty()) {
            throw new InvalidInputException("ids", "ids is empty");
        }
        checkSelection(request.ids(), request.filter());
        return ops.writeOff(request.ids(), open(request.filter()), request.reason());
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
