package io.accord.catalog.offering;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.accord.catalog.price.PriceDraft;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * TMF620 ProductOfferingPrice as Accord shows a price version. Extensions: {@code productOffering} (the offering it
 * belongs to), {@code externalId} (its key within the offering) and {@code definition} (every price field: proration,
 * unit, rounding, tiers, accumulation, usage types, minimum charge, tax category; decimals exact). A usage price's
 * {@code unitOfMeasure} is the TMF Quantity its rate is per: amount 1 of its unit.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record PriceResource(String id, String href, String name, String version, String priceType, String lifecycleStatus,
                     OfferingResources.TimePeriod validFor, String recurringChargePeriodType, Money price,
                     Quantity unitOfMeasure, OfferingResources.Ref productOffering, String externalId, PriceDraft definition,
                     @JsonProperty("@type") String type) {

    /** TMF Quantity: what a usage price's amount is per (always one unit, e.g. 1 GB). */
    @Schema(name = "PriceQuantityView")
    record Quantity(java.math.BigDecimal amount, String units) {
    }

    /** TMF Money; the value is a decimal string so it stays exact. */
    @Schema(name = "PriceMoneyView")
    record Money(String unit, String value) {
    }
}
