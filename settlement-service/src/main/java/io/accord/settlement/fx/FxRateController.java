package io.accord.settlement.fx;

import io.accord.contracts.Roles;
import io.accord.platform.apidocs.RequestExample;
import io.accord.platform.security.Tenancy;
import io.accord.platform.time.SupportedTimes;
import io.accord.platform.web.OffsetLimit;
import io.accord.platform.web.PagedResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Finance loads and corrects effective-dated exchange rates, a second finance user confirms or rejects them
 * (four-eyes); staff read them. Partners do not.
 */
@RestController
@Tag(name = "FX rates")
class FxRateController {

    static final String WRITERS = "hasAnyRole('" + Roles.FINANCE + "', '" + Roles.PLATFORM_ADMIN + "')";
    static final String CONFIRMERS = "hasAnyRole('" + Roles.FINANCE + "')";
    static final String READERS = "hasAnyRole('" + Roles.FINANCE + "', '" + Roles.PLATFORM_ADMIN + "', '"
            + Roles.AUDITOR + "', '" + Roles.OPS + "')";

    private final FxRates rates;
    private final java.time.Clock clock;
    private final Tenancy tenancy;

    FxRateController(FxRates rates, java.time.Clock clock, Tenancy tenancy) {
        this.rates = rates;
        this.clock = clock;
        this.tenancy = tenancy;
    }

    @PostMapping(FxRateResources.PATH)
    @PreAuthorize(WRITERS)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "loadFxRate",
            summary = "Load an exchange rate of a currency pair, in force from validFrom until the pair's next rate")
    @RequestExample("settlement/fx-rate.json")
    ResponseEntity<FxRateResources.FxRateView> load(@Valid @RequestBody FxRateResources.LoadFxRate request) {
        FxRateResources.FxRateView loaded = FxRateResources.FxRateView.of(rates.load(request));
        return ResponseEntity.created(URI.create(loaded.href())).body(loaded);
    }

    @PostMapping(FxRateResources.PATH + "/{id}/correction")
    @PreAuthorize(WRITERS)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "correctFxRate",
            summary = "Correct a rate: a new PROPOSED version of the pair and validFrom, with a reason; once a second "
                    + "finance user confirms it, it supersedes the old one (kept). 409 once an issued statement "
                    + "converted at the rate (naming them: correct them with notes), or while a correction of it "
                    + "is pending")
    @RequestExample("settlement/fx-rate-correction.json")
    ResponseEntity<FxRateResources.FxRateView> correct(@PathVariable UUID id,
                                                       @Valid @RequestBody FxRateResources.CorrectFxRate request) {
        FxRateResources.FxRateView correction = FxRateResources.FxRateView.of(rates.correct(id, request));
        return ResponseEntity.created(URI.create(correction.href())).body(correction);
    }

    @PostMapping(FxRateResources.PATH + "/{id}/confirmation")
    @PreAuthorize(CONFIRMERS)
    @Operation(operationId = "confirmFxRate",
            summary = "Confirm a PROPOSED rate; finance only, not whoever loaded or corrected it (four-eyes, 409). "
                    + "Only confirmed rates are in force; a confirmed correction supersedes the version it corrects")
    FxRateResources.FxRateView confirm(@PathVariable UUID id) {
        return FxRateResources.FxRateView.of(rates.confirm(id, tenancy.actor()));
    }

    @PostMapping(FxRateResources.PATH + "/{id}/rejection")
    @PreAuthorize(CONFIRMERS)
    @Operation(operationId = "rejectFxRate",
            summary = "Reject a PROPOSED rate with a reason; finance only: a second finance user rejects it, whoever "
                    + "loaded or corrected it withdraws it (audited as withdrawn). REJECTED is kept and never in "
                    + "force; a rejected first load frees its pair and validFrom. 409 when the rate is not PROPOSED")
    @RequestExample("settlement/fx-rate-rejection.json")
    FxRateResources.FxRateView reject(@PathVariable UUID id,
                                      @Valid @RequestBody FxRateResources.RejectFxRate request) {
        return FxRateResources.FxRateView.of(rates.reject(id, tenancy.actor(), request));
    }

    @GetMapping(FxRateResources.PATH)
    @PreAuthorize(READERS)
    @Operation(operationId = "listFxRates",
            summary = "List loaded rates, every version (proposed, confirmed, superseded, rejected) by pair, newest "
                    + "validFrom first, paged by offset and limit")
    ResponseEntity<List<FxRateResources.FxRateView>> list(
            @Parameter(description = "only rates of this base currency") @RequestParam(required = false) String base,
            @Parameter(description = "only rates of this quote currency") @RequestParam(required = false) String quote,
            @Parameter(description = "only versions in this state: PROPOSED, CONFIRMED, SUPERSEDED, REJECTED")
            @RequestParam(required = false) String state,
            @RequestParam(required = false) Integer offset,
            @RequestParam(required = false) Integer limit) {
        return PagedResponse.of(rates.list(base, quote, state, OffsetLimit.of(offset, limit, Sort.unsorted())),
                FxRateResources.FxRateView::of);
    }

    @GetMapping(FxRateResources.PATH + "/in-force")
    @PreAuthorize(READERS)
    @Operation(operationId = "retrieveFxRateInForce",
            summary = "The confirmed rate of a pair in force at an instant (default: now), as statements convert "
                    + "with it; a PROPOSED rate is never in force. With knownAt: as the rates stood then (confirmed "
                    + "by then, not superseded by then), to reproduce a past conversion")
    FxRateResources.RateInForce inForce(@RequestParam String base, @RequestParam String quote,
                                        @Parameter(description = "ISO 8601 instant, e.g. 2026-03-31T23:59:59Z")
                                        @RequestParam(required = false) String at,
                                        @Parameter(description = "ISO 8601 instant: answer as the confirmed rates "
                                                + "stood then (default: now, every confirmation and correction)")
                                        @RequestParam(required = false) String knownAt) {
        Instant instant = at == null ? clock.instant() : instant("at", at);
        Instant known = knownAt == null ? null : instant("knownAt", knownAt);
        FxRates.FxRate rate = known == null ? rates.inForce(base, quote, instant)
                : rates.inForceKnownAt(base, quote, instant, known);
        return new FxRateResources.RateInForce(base, quote, instant, known, rate.rate().toPlainString(),
                rate.validFrom(), rate.id());
    }

    @GetMapping(FxRateResources.PATH + "/{id}")
    @PreAuthorize(READERS)
    @Operation(operationId = "retrieveFxRate", summary = "One version of a rate, in any state")
    FxRateResources.FxRateView get(@PathVariable UUID id) {
        return FxRateResources.FxRateView.of(rates.get(id));
    }

    private static Instant instant(String parameter, String text) {
        return SupportedTimes.required(parameter, SupportedTimes.instantOrDate(parameter, text));
    }
}
