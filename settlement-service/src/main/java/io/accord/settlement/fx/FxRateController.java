package io.accord.settlement.fx;

import io.accord.contracts.Roles;
import io.accord.platform.apidocs.RequestExample;
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

/** Finance loads effective-dated exchange rates; staff read them. Partners do not. */
@RestController
@Tag(name = "FX rates")
class FxRateController {

    static final String WRITERS = "hasAnyRole('" + Roles.FINANCE + "', '" + Roles.PLATFORM_ADMIN + "')";
    static final String READERS = "hasAnyRole('" + Roles.FINANCE + "', '" + Roles.PLATFORM_ADMIN + "', '"
            + Roles.AUDITOR + "', '" + Roles.OPS + "')";

    private final FxRates rates;
    private final java.time.Clock clock;

    FxRateController(FxRates rates, java.time.Clock clock) {
        this.rates = rates;
        this.clock = clock;
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

    @GetMapping(FxRateResources.PATH)
    @PreAuthorize(READERS)
    @Operation(operationId = "listFxRates",
            summary = "List loaded rates by pair, newest validFrom first, paged by offset and limit")
    ResponseEntity<List<FxRateResources.FxRateView>> list(
            @Parameter(description = "only rates of this base currency") @RequestParam(required = false) String base,
            @Parameter(description = "only rates of this quote currency") @RequestParam(required = false) String quote,
            @RequestParam(required = false) Integer offset,
            @RequestParam(required = false) Integer limit) {
        return PagedResponse.of(rates.list(base, quote, OffsetLimit.of(offset, limit, Sort.unsorted())),
                FxRateResources.FxRateView::of);
    }

    @GetMapping(FxRateResources.PATH + "/in-force")
    @PreAuthorize(READERS)
    @Operation(operationId = "retrieveFxRateInForce",
            summary = "The rate of a pair in force at an instant (default: now), as statements convert with it")
    FxRateResources.RateInForce inForce(@RequestParam String base, @RequestParam String quote,
                                        @Parameter(description = "ISO 8601 instant, e.g. 2026-03-31T23:59:59Z")
                                        @RequestParam(required = false) String at) {
        Instant instant = at == null ? clock.instant() : instant(at);
        FxRates.FxRate rate = rates.inForce(base, quote, instant);
        return new FxRateResources.RateInForce(base, quote, instant, rate.rate().toPlainString(), rate.validFrom(),
                rate.id());
    }

    @GetMapping(FxRateResources.PATH + "/{id}")
    @PreAuthorize(READERS)
    @Operation(operationId = "retrieveFxRate", summary = "One loaded rate")
    FxRateResources.FxRateView get(@PathVariable UUID id) {
        return FxRateResources.FxRateView.of(rates.get(id));
    }

    private static Instant instant(String text) {
        return SupportedTimes.required("at", SupportedTimes.instantOrDate("at", text));
    }
}
