package io.accord.settlement.conservation;

import io.accord.contracts.Roles;
import io.accord.platform.problem.InvalidInputException;
import io.accord.platform.problem.NotFoundException;
import io.accord.platform.security.Tenancy;
import io.accord.platform.time.SupportedTimes;
import io.accord.settlement.statement.Statements;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Money is conserved: a period's equation (staff, and a partner for its own periods) and the equation over a range
 * of days for every partner or one (staff).
 */
@RestController
@Tag(name = "Settlement conservation")
class ConservationController {

    static final String PERIOD_PATH = "/api/settlement/periods/{id}/conservation";
    static final String TOTAL_PATH = "/api/settlement/conservation";
    static final int MAX_DAYS = 366;
    static final String READERS = "hasAnyRole('" + Roles.FINANCE + "', '" + Roles.PLATFORM_ADMIN + "', '"
            + Roles.AUDITOR + "', '" + Roles.OPS + "', '" + Roles.PARTNER_MANAGER + "', '" + Roles.PARTNER_ADMIN
            + "', '" + Roles.PARTNER_USER + "')";
    static final String STAFF = "hasAnyRole('" + Roles.FINANCE + "', '" + Roles.PLATFORM_ADMIN + "', '"
            + Roles.AUDITOR + "', '" + Roles.OPS + "')";

    private final ConservationCheck check;
    private final Tenancy tenancy;

    ConservationController(ConservationCheck check, Tenancy tenancy) {
        this.check = check;
        this.tenancy = tenancy;
    }

    @GetMapping(PERIOD_PATH)
    @PreAuthorize(READERS)
    @Operation(operationId = "retrieveSettlementPeriodConservation",
            summary = "The period's amount equation (rated = on statements + not yet), the lines outside it, and "
                    + "where rating answers its count equation (a partner: its own periods)")
    ConservationViews.PeriodConservation period(@PathVariable UUID id) {
        ConservationViews.PeriodConservation found = check.ofPeriod(id)
                .orElseThrow(() -> new NotFoundException("Settlement period", id));
        ConservationViews.Outside outside = found.outsideTheEquation();
        if (tenancy.isStaff() || outside == null || Statements.issued(outside.statementState())) {
            return found;
        }
        // a partner does not see a statement before it is issued: not its lines here either, nor that its amounts
        // are on one (they count as not yet on a statement until it is issued)
        List<Ledger.Amounts> amounts = found.amounts().stream().map(amount -> new Ledger.Amounts(amount.currency(),
                amount.direction(), amount.rated(), java.math.BigDecimal.ZERO.setScale(amount.onStatements().scale()),
                amount.notYetOnStatement().add(amount.onStatements()), amount.difference(), amount.records()))
                .toList();
        return new ConservationViews.PeriodConservation(found.periodId(), found.partnerId(), found.periodStart(),
                found.periodEnd(), found.periodState(), found.equation(), found.balanced(), amounts, null,
                found.ratingCountEquation());
    }

    @GetMapping(TOTAL_PATH)
    @PreAuthorize(STAFF)
    @Operation(operationId = "retrieveSettlementConservation",
            summary = "The amount equation over the periods starting on the days from–to (at most 366 days), in "
                    + "total and per partner")
    ConservationViews.TotalConservation total(
            @Parameter(description = "first day (UTC, ISO date)", required = true) @RequestParam(required = false)
            String from,
            @Parameter(description = "last day (UTC, ISO date), default: from") @RequestParam(required = false)
            String to,
            @Parameter(description = "only this partner") @RequestParam(required = false) String partnerId) {
        LocalDate first = date("from", from);
        LocalDate last = to == null || to.isBlank() ? first : date("to", to);
        if (last.isBefore(first)) {
            throw new InvalidInputException("to", "to (" + last + ") is before from (" + first + ")");
        }
        if (ChronoUnit.DAYS.between(first, last) >= MAX_DAYS) {
            throw new InvalidInputException("to", "at most " + MAX_DAYS + " days from " + first);
        }
        return check.total(first, last, partner(partnerId));
    }

    private static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, field + " is required (an ISO date, e.g. 2026-03-01)");
        }
        return SupportedTimes.date(field, value);
    }

    private static UUID partner(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException malformed) {
            throw new InvalidInputException("partnerId", "'" + value + "' is not a partner id (a UUID)");
        }
    }
}
