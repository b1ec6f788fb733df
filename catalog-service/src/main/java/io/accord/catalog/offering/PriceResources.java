package io.accord.catalog.offering;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.accord.catalog.price.PriceDraft;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.BooleanNode;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * TMF620 ProductOfferingPrice requests. Mapping: {@code priceType} {@code oneTime|recurring|usage};
 * {@code price} (Money: {@code unit} = currency, {@code value} = amount, a decimal string or number; a tiered usage
 * price gives only the {@code unit});
 * {@code recurringChargePeriodType} {@code month|year}; {@code unitOfMeasure.units} the usage unit (its
 * {@code amount} 1 or left out: a usage rate is per one unit);
 * {@code validFor.startDateTime} when the version starts; {@code tax[0].taxCategory}. Extensions:
 * {@code productOffering} (the offering the price belongs to, mandatory), {@code externalId} (its key within the
 * offering), {@code proration}, {@code roundingFirst}/{@code roundingNext}, {@code minimumQuantity},
 * {@code tierMode}, {@code tiers}, {@code accumulation}, {@code usageTypes}, {@code minimumCharge}.
 */
final class PriceResources {

    static final String PATH = "/tmf-api/productCatalogManagement/v4/productOfferingPrice";

    private PriceResources() {
    }

    @JsonIgnoreProperties({"@type", "@baseType", "@schemaLocation"})
    @Schema(name = "PriceMoney")
    record Money(@NotBlank String unit, BigDecimal value) {
    }

    @JsonIgnoreProperties({"@type", "@baseType", "@schemaLocation"})
    @Schema(name = "PriceQuantity")
    record Quantity(BigDecimal amount, @NotBlank String units) {
    }

    @JsonIgnoreProperties({"@type", "@baseType", "@schemaLocation", "href", "id", "taxAmount", "taxRate"})
    record Tax(@NotBlank String taxCategory) {
    }

    /**
     * TMF620 {@code ProductOfferingPrice_Create} with Accord's price fields. Metadata Accord sets itself is ignored;
     * the attributes that would change the price or where it applies are refused unless harmless (see
     * {@link #refuseUnsupported()}).
     */
    @JsonIgnoreProperties({"@type", "@baseType", "@schemaLocation", "description", "lastUpdate", "lifecycleStatus",
            "version"})
    record CreatePrice(@NotBlank @Size(max = 200) String name, @NotBlank String priceType, @Valid Money price,
                       String recurringChargePeriodType, @Valid Quantity unitOfMeasure,
                       @NotNull OfferingResources.TimePeriod validFor, @NotNull @Size(min = 1) List<@Valid Tax> tax,
                       @NotNull @Valid OfferingResources.Ref productOffering, @NotBlank @Size(max = 100) String externalId,
                       PriceDraft.Proration proration, Integer roundingFirst, Integer roundingNext,
                       BigDecimal minimumQuantity, PriceDraft.TierMode tierMode, List<PriceDraft.Tier> tiers,
                       PriceDraft.Accumulation accumulation, List<String> usageTypes, BigDecimal minimumCharge,
                       Integer recurringChargePeriodLength, JsonNode percentage, JsonNode popRelationship,
                       JsonNode bundledPopRelationship, Boolean isBundle, JsonNode constraint, JsonNode place,
                       JsonNode pricingLogicAlgorithm, JsonNode prodSpecCharValueUse, JsonNode productOfferingTerm) {

        /** 400 for a TMF attribute Accord would otherwise drop although it changes the price. */
        void refuseUnsupported() {
            UnsupportedTmfFields.refusePeriodLength(recurringChargePeriodLength);
            Map<String, JsonNode> fields = new LinkedHashMap<>();
            fields.put("percentage", percentage);
            fields.put("popRelationship", popRelationship);
            fields.put("bundledPopRelationship", bundledPopRelationship);
            fields.put("isBundle", isBundle == null ? null : BooleanNode.valueOf(isBundle));
            fields.put("constraint", constraint);
            fields.put("place", place);
            fields.put("pricingLogicAlgorithm", pricingLogicAlgorithm);
            fields.put("prodSpecCharValueUse", prodSpecCharValueUse);
            fields.put("productOfferingTerm", productOfferingTerm);
            UnsupportedTmfFields.refuse(fields);
        }
    }
}
