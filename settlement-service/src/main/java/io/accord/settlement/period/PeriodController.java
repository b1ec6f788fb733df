package io.accord.settlement.period;

import io.accord.contracts.Roles;
import io.accord.platform.apidocs.RequestExample;
import io.accord.platform.time.SupportedTimes;
import io.accord.platform.problem.InvalidInputException;
import io.accord.platform.problem.NotFoundException;
import io.accord.platform.web.OffsetLimit;
import io.accord.platform.web.PagedResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Settlement periods: staff read every partner's, partners their own; finance closes the current one early. */
@RestController
@Tag(name = "Settlement periods")
class PeriodController {

    static final String PATH = "/api/settlement/periods";
    static final String CLOSERS = "hasAnyRole('" + Roles.FINANCE + "')";
    static final String READERS = "hasAnyRole('" + Roles.FINANCE + "', '" + Roles.PLATFORM_ADMIN + "', '"
            + Roles.AUDITOR + "', '" + Roles.OPS + "', '" + Roles.PARTNER_MANAGER + "', '" + Roles.PARTNER_ADMIN
            + "', '" + Roles.PARTNER_USER + "')";

    private final SettlementPeriods periods;
    private final io.accord.platform.security.Tenancy tenancy;

    PeriodController(SettlementPeriods periods, io.accord.platform.security.Tenancy tenancy) {
        this.periods = periods;
        this.tenancy = tenancy;
    }

    /** @param reason why it closes early (a partner's termination, a trial run), kept in the audit trail */
    record EarlyClose(@NotBlank @Size(max = 500) String reason) {
    }

    /**
     * A period as the API shows it; {@code closedEarlyBy} (one of our finance users) is {@code null} to a partner, who
     * is not told our staff's names (as on statements, notes and adjustments).
     */
    record PeriodView(UUID id, String href, UUID partnerId, String agreementId, String cycle, Instant startAt,
                      Instant endAt, PeriodState state, Instant closedEarlyAt, String closedEarlyBy,
                      Instant closingAt, Instant closedAt) {

        static PeriodView of(SettlementPeriods.Period period) {
            return new PeriodView(period.id(), PATH + "/" + period.id(), period.partnerId(), period.agreementId(),
                    period.cycle(), period.startAt(), period.endAt(), period.state(), period.closedEarlyAt(),
                    period.closedEarlyBy(), period.closingAt(), period.closedAt());
        }

        PeriodView withoutStaffNames() {
            return new PeriodView(id, href, partnerId, agreementId, cycle, startAt, endAt, state, closedEarlyAt, null,
                    closingAt, closedAt);
        }
    }

    /** The period as the caller may see it: a partner without who of our staff closed it early. */
    private PeriodView visible(SettlementPeriods.Period period) {
        PeriodView view = PeriodView.of(period);
        return tenancy.isStaff() ? view : view.withoutStaffNames();
    }

    @GetMapping(PATH)
    @PreAuthorize(READERS)
    @Operation(operationId = "listSettlementPeriods",
            summary = "List settlement periods, newest first (a partner sees its own), paged by offset and limit")
    ResponseEntity<List<PeriodView>> list(
            @Parameter(description = "only this partner's periods") @RequestParam(required = false) String partnerId,
            @Parameter(description = "OPEN, CLOSING or CLOSED") @RequestParam(required = false) String state,
            @Parameter(description = "only the periods holding this instant (start at or before it, end after it; ISO"
                    + " 8601, e.g. 2026-04-01T00:00:00Z, or now): a partner's current period is at=now")
            @RequestParam(required = false) String at,
            @RequestParam(required = false) Integer offset,
            @RequestParam(required = false) Integer limit) {
        Instant instant = at == null || at.isBlank() ? null
                : "now".equals(at.strip()) ? periods.now() : SupportedTimes.instantOrDate("at", at);
        return PagedResponse.of(periods.list(uuid("partnerId", partnerId), state(state), instant,
                OffsetLimit.of(offset, limit, Sort.unsorted())), this::visible);
    }

    @GetMapping(PATH + "/{id}")
    @PreAuthorize(READERS)
    @Operation(operationId = "retrieveSettlementPeriod", summary = "One settlement period (a partner: its own)")
    PeriodView get(@PathVariable UUID id) {
        return periods.find(id).map(this::visible)
                .orElseThrow(() -> new NotFoundException("Settlement period", id));
    }

    @PostMapping(PATH + "/{id}/early-close")
    @PreAuthorize(CLOSERS)
    @Operation(operationId = "closeSettlementPeriodEarly",
            summary = "Close the partner's current period early: its end becomes now and the next period starts now;"
                    + " answers both")
    @RequestExample("settlement/period-early-close.json")
    List<PeriodView> closeEarly(@PathVariable UUID id, @Valid @RequestBody EarlyClose request) {
        return periods.closeEarly(id, request.reason()).stream().map(PeriodView::of).toList();
    }

    private static UUID uuid(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException malformed) {
            throw new InvalidInputException(field, field + " must be a UUID, was '" + value + "'");
        }
    }

    private static PeriodState state(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return PeriodState.valueOf(value);
        } catch (IllegalArgumentException unknown) {
            throw new InvalidInputException("state", "state must be one of " + Arrays.toString(PeriodState.values())
                    + ", was '" + value + "'");
        }
    }
}
