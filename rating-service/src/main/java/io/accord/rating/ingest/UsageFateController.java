package io.accord.rating.ingest;

import io.accord.contracts.Roles;
import io.accord.contracts.value.PartnerId;
import io.accord.platform.problem.InvalidInputException;
import io.accord.platform.problem.NotFoundException;
import io.accord.platform.security.Tenancy;
import io.accord.platform.web.OffsetLimit;
import io.accord.platform.web.PagedResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.data.domain.Sort;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Function;

/** What became of a usage record, and the per-source, per-day count of what was received and what became of it. */
@RestController
@Tag(name = "Usage ingestion")
class UsageFateController {

    static final String USAGE = "/api/rating/usage";
    static final String RECONCILIATION = "/api/rating/reconciliation";
    static final String DUPLICATES = "/api/rating/duplicates";
    static final int MAX_DAYS = 92;
    static final String STAFF = "hasAnyRole('" + Roles.PLATFORM_ADMIN + "', '" + Roles.OPS + "', '" + Roles.FINANCE
            + "', '" + Roles.AUDITOR + "', '" + Roles.PARTNER_MANAGER + "')";
    static final String ANYONE = "hasAnyRole('" + Roles.PLATFORM_ADMIN + "', '" + Roles.OPS + "', '" + Roles.FINANCE
            + "', '" + Roles.AUDITOR + "', '" + Roles.PARTNER_MANAGER + "', '" + Roles.PARTNER_ADMIN + "', '"
            + Roles.PARTNER_USER + "')";

    private final UsageFates fates;
    private final Reconciliation reconciliation;
    private final Duplicates duplicates;
    private final Tenancy tenancy;

    UsageFateController(UsageFates fates, Reconciliation reconciliation, Duplicates duplicates, Tenancy tenancy) {
        this.fates = fates;
        this.reconciliation = reconciliation;
        this.duplicates = duplicates;
        this.tenancy = tenancy;
    }

    @GetMapping(USAGE + "/{source}/{usageId}")
    @PreAuthorize(ANYONE)
    @Operation(operationId = "retrieveUsageFate", summary = "What became of a usage record: rated (amounts and"
            + " versions), in suspense (reason), its duplicates, or 404 when not processed (yet); a partner sees usage"
            + " rated for its products")
    UsageFateView fate(@PathVariable String source, @PathVariable String usageId) {
        return fates.fate(source, usageId);
    }

    @GetMapping(USAGE + "/fate")
    @PreAuthorize(ANYONE)
    @Operation(operationId = "findUsageFate", summary = "The same as GET /api/rating/usage/{source}/{usageId}, the"
            + " source and usage id given as query parameters: for ids holding a slash (s1/2026/12/01-0001), which"
            + " no path segment can carry")
    UsageFateView fateOf(@RequestParam String source, @RequestParam String usageId) {
        return fates.fate(source, usageId);
    }

    @GetMapping(RECONCILIATION)
    @PreAuthorize(ANYONE)
    @Operation(operationId = "reconcileUsage", summary = "Per source and day: received = rated + suspended +"
            + " duplicates + written off, and the records still waiting on the raw usage topic; a partner reads"
            + " its own source only (its partner id, the default; another source is a 404) and no topic figures")
    ReconciliationView reconcile(
            @Parameter(description = "first day (UTC), e.g. 2026-12-01", required = true)
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @Parameter(description = "last day (UTC), inclusive; defaults to from")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @Parameter(description = "only this source; a partner's is its partner id (the default for a partner"
                    + " token)") @RequestParam(required = false) String source) {
        LocalDate last = lastDay(from, to);
        String asked = source == null || source.isBlank() ? null : source.strip();
        if (tenancy.isStaff()) {
            return reconciliation.reconcile(from, last, asked);
        }
        return reconciliation.reconcilePartner(from, last, ownSource(asked));
    }

    @GetMapping(DUPLICATES)
    @PreAuthorize(ANYONE)
    @Operation(operationId = "listUsageDuplicates", summary = "The records the reconciliation counts as duplicates"
            + " (a source + usage id received before): when and through which input (KAFKA, REST, FILE) each copy came,"
            + " whether its content differs from the original's (conflicting; such copies are not rated either), and"
            + " the original; by received day (UTC), oldest first, X-Total-Count; a partner lists its own source only")
    ResponseEntity<List<Duplicates.Item>> duplicates(
            @Parameter(description = "first day received (UTC), e.g. 2026-12-01", required = true)
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @Parameter(description = "last day received (UTC), inclusive; defaults to from")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @Parameter(description = "only this source; a partner's is its partner id (the default for a partner"
                    + " token)") @RequestParam(required = false) String source,
            @Parameter(description = "true: only copies whose content differs from the original's")
            @RequestParam(required = false) Boolean conflicting,
            @RequestParam(required = false) Integer offset, @RequestParam(required = false) Integer limit) {
        LocalDate last = lastDay(from, to);
        String asked = source == null || source.isBlank() ? null : source.strip();
        if (asked != null && (asked.length() > 200 || asked.indexOf('\u0000') >= 0)) {
            throw new InvalidInputException("source", "no source is over 200 characters or holds a NUL character");
        }
        String wanted = tenancy.isStaff() ? asked : ownSource(asked);
        OffsetLimit paging = OffsetLimit.of(offset, limit, Sort.unsorted());
        return PagedResponse.of(duplicates.list(new Duplicates.Filter(from, last, wanted,
                Boolean.TRUE.equals(conflicting)), paging), Function.identity());
    }

    /** The last day of a range (defaults to the first); at most {@link #MAX_DAYS} days. */
    private static LocalDate lastDay(LocalDate from, LocalDate to) {
        LocalDate last = to == null ? from : to;
        if (last.isBefore(from)) {
            throw new InvalidInputException("to", "to (" + last + ") is before from (" + from + ")");
        }
        if (ChronoUnit.DAYS.between(from, last) >= MAX_DAYS) {
            throw new InvalidInputException("to", "at most " + MAX_DAYS + " days at a time");
        }
        return last;
    }

    /**
     * A partner's source is its partner id: given or not, that is what it reads; another source answers 404, as the
     * fate of another partner's usage does (whether that source exists is not told).
     */
    private String ownSource(String asked) {
        String own = tenancy.partnerId().map(PartnerId::toString)
                .orElseThrow(() -> new AccessDeniedException("the token names no partner"));
        if (asked != null && !asked.equalsIgnoreCase(own)) {
            throw new NotFoundException("UsageSource", asked);
        }
        return own;
    }
}
