package io.accord.settlement.adjustment;

import io.accord.contracts.Roles;
import io.accord.contracts.value.PartnerId;
import io.accord.platform.apidocs.RequestExample;
import io.accord.platform.problem.InvalidInputException;
import io.accord.settlement.partner.PartnerTerms;
import io.accord.platform.problem.NotFoundException;
import io.accord.platform.security.Tenancy;
import io.accord.platform.web.OffsetLimit;
import io.accord.platform.web.PagedResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

/**
 * A partner's dispute adjustments, pending or carried, with the statement that carries each: staff name the partner,
 * a partner sees its own (another partner's are an empty list, never their content).
 */
@RestController
@Tag(name = "Settlement dispute adjustments")
class AdjustmentController {

    static final String PATH = "/api/settlement/adjustments";
    static final String SETTINGS = "/api/settlement/adjustment-settings/{partnerId}";
    static final String SETTERS = "hasAnyRole('" + Roles.FINANCE + "', '" + Roles.PLATFORM_ADMIN + "')";
    static final String READERS = "hasAnyRole('" + Roles.FINANCE + "', '" + Roles.PLATFORM_ADMIN + "', '"
            + Roles.AUDITOR + "', '" + Roles.OPS + "', '" + Roles.PARTNER_MANAGER + "', '" + Roles.PARTNER_ADMIN
            + "', '" + Roles.PARTNER_USER + "')";

    private final DisputeAdjustments adjustments;
    private final Tenancy tenancy;
    private final PartnerTerms partners;

    AdjustmentController(DisputeAdjustments adjustments, Tenancy tenancy, PartnerTerms partners) {
        this.adjustments = adjustments;
        this.tenancy = tenancy;
        this.partners = partners;
    }

    /**
     * Whether settlement knows the partner (an agreement, or its legal data, from partner.events.v1): a setting for an
     * id nobody has was stored and audited (found on 2026-12-06).
     */
    private boolean known(UUID partner) {
        return partners.known(java.util.List.of(partner)).contains(partner);
    }

    @GetMapping(PATH)
    @PreAuthorize(READERS)
    @Operation(operationId = "listSettlementDisputeAdjustments",
            summary = "A partner's dispute adjustments, oldest first: pending, or carried by a statement; paged by "
                    + "offset and limit (X-Total-Count)")
    ResponseEntity<List<AdjustmentView>> list(
            @Parameter(description = "the partner (staff: required; a partner: its own, the default)")
            @RequestParam(required = false) String partnerId,
            @RequestParam(required = false) Integer offset,
            @RequestParam(required = false) Integer limit) {
        UUID partner = partner(partnerId);
        OffsetLimit page = OffsetLimit.of(offset, limit, Sort.unsorted());
        List<DisputeAdjustments.Adjustment> all;
        if (!tenancy.isStaff()) {
            UUID own = tenancy.partnerId().map(PartnerId::value).orElse(null);
            // a partner sees the documents carrying its adjustments only once they are issued
            all = own == null || partner != null && !partner.equals(own) ? List.of()
                    : adjustments.ofPartnerAsIssued(own);
        } else if (partner == null) {
            throw new InvalidInputException("partnerId", "partnerId is required");
        } else {
            all = adjustments.ofPartner(partner);
        }
        boolean staff = tenancy.isStaff();
        return PagedResponse.of(OffsetLimit.slice(all, page), adjustment -> AdjustmentView.of(adjustment, staff));
    }

    /**
     * An adjustment as callers see it: {@code amount} a decimal string as everywhere else in settlement's answers, at
     * least at the currency's minor unit ({@code "1.00"}), with the decimals the dispute service sent beyond it;
     * {@code resolvedBy} (one of our users) {@code null} to a partner; {@code settledLineId} the first line that
     * carries it (kept for callers reading one line), {@code settledLines} every one (empty while pending).
     */
    record AdjustmentView(String adjustmentId, String disputeId, UUID partnerId, String direction, String amount,
                          String currency, String reason, String periodReference, String statementReference,
                          String outcome, java.time.Instant resolvedAt, String resolvedBy,
                          java.time.Instant receivedAt, UUID statementId, UUID noteId, String settledLineId,
                          java.time.Instant carriedAt, List<SettledLineView> settledLines) {

        static AdjustmentView of(DisputeAdjustments.Adjustment adjustment, boolean staff) {
            return new AdjustmentView(adjustment.adjustmentId(), adjustment.disputeId(), adjustment.partnerId(),
                    adjustment.direction(), decimal(adjustment.amount(), adjustment.currency()),
                    adjustment.currency(), adjustment.reason(), adjustment.periodReference(),
                    adjustment.statementReference(), adjustment.outcome(), adjustment.resolvedAt(),
                    staff ? adjustment.resolvedBy() : null, adjustment.receivedAt(), adjustment.statementId(),
                    adjustment.noteId(), adjustment.settledLineId(), adjustment.carriedAt(),
                    adjustment.settledLines().stream().map(SettledLineView::of).toList());
        }
    }

    /**
     * A document line carrying (a share of) an adjustment.
     *
     * @param lineId          {@code <document id>-<n>}
     * @param statementLineId the disputed statement line whose share it carries, {@code null} when not split
     * @param amount          as the document shows it, signed (positive in the partner's favour), in {@code currency}
     * @param sourceAmount    a converted statement line's share in the adjustment's currency ({@code sourceCurrency}),
     *                        with the period-end {@code fxRate} and its version {@code fxRateId}; all {@code null}
     *                        when the line was not converted
     */
    record SettledLineView(String lineId, String statementLineId, String amount, String currency,
                           String sourceAmount, String sourceCurrency, String fxRate, UUID fxRateId) {

        static SettledLineView of(DisputeAdjustments.PlacedLine line) {
            io.accord.contracts.value.Money source = line.sourceAmount();
            return new SettledLineView(line.lineId(), line.statementLineId(),
                    decimal(line.amount().amount(), line.amount().currency()), line.amount().currency(),
                    source == null ? null : decimal(source.amount(), source.currency()),
                    source == null ? null : source.currency(),
                    line.fxRate() == null ? null : line.fxRate().stripTrailingZeros().toPlainString(),
                    line.fxRateId());
        }
    }

    /** At least at the currency's minor unit, with any decimals beyond it that are not zero. */
    private static String decimal(java.math.BigDecimal value, String currency) {
        java.math.BigDecimal stripped = value.stripTrailingZeros();
        int digits = Math.max(0, java.util.Currency.getInstance(currency).getDefaultFractionDigits());
        return stripped.setScale(Math.max(digits, stripped.scale())).toPlainString();
    }

    @GetMapping(SETTINGS)
    @PreAuthorize(READERS)
    @Operation(operationId = "getSettlementAdjustmentSetting",
            summary = "Where the partner's dispute adjustments are settled: NEXT_STATEMENT or NOTE")
    DisputeAdjustments.Setting setting(@PathVariable String partnerId) {
        UUID partner = partner(partnerId);
        // a partner reads its own (the default until settlement learns of it); staff only a partner it knows
        if (partner == null || !tenancy.canAccess(new PartnerId(partner)) || tenancy.isStaff() && !known(partner)) {
            throw new NotFoundException("Partner", partnerId);
        }
        return adjustments.setting(partner);
    }

    @PutMapping(SETTINGS)
    @PreAuthorize(SETTERS)
    @RequestExample("settlement/adjustment-setting.json")
    @Operation(operationId = "setSettlementAdjustmentSetting",
            summary = "Settle the partner's dispute adjustments on its next statement or at once on a credit/debit "
                    + "note")
    DisputeAdjustments.Setting setSetting(@PathVariable String partnerId,
                                          @Valid @RequestBody SettingRequest request) {
        UUID partner = partner(partnerId);
        if (partner == null) {
            throw new InvalidInputException("partnerId", "partnerId is required");
        }
        if (!known(partner)) {
            throw new NotFoundException("Partner", partnerId);
        }
        return adjustments.setSettleBy(partner, DisputeAdjustments.SettleBy.valueOf(request.settleBy()));
    }

    /** {@code settleBy}: {@code NEXT_STATEMENT} or {@code NOTE}. */
    record SettingRequest(@NotBlank @Pattern(regexp = "NEXT_STATEMENT|NOTE",
            message = "must be NEXT_STATEMENT or NOTE") String settleBy) {
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
