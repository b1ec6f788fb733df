package io.accord.orchestration.quote;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * TMF648 Quote resources. Accord's extensions: {@code discountPercent} (the manual discount on one-time and
 * recurring prices), {@code discountNeedsApproval}, {@code approval}, {@code decidedBy}, {@code pricedBy} (who last
 * set the items and discount), {@code editedBy} (everyone who ever set them, the creator first), {@code approvedBy},
 * {@code stateReason}, {@code stateChangedAt}, the state {@code expired}, {@code tiers} on a tiered usage price, and
 * {@code rateBasis} on a usage price a reseller is not charged.
 * {@code relatedParty}: role {@code Customer} (required: the external customer or subscriber reference), and for
 * staff role {@code SalesChannel} (a CSP channel) or {@code Buyer} (a reseller partner's id).
 */
final class QuoteResources {

    static final String BASE = "/tmf-api/quoteManagement/v4";
    static final String PATH = BASE + "/quote";
    static final String CUSTOMER = "Customer";
    static final String BUYER = "Buyer";
    static final String SALES_CHANNEL = "SalesChannel";
    /**
     * The scale {@code quote.discount_percent} keeps ({@code numeric(9, 6)}): more decimals would be rounded away.
     * ({@code @Digits} checks only the decimals: its integer bound is loose, the range is {@code @DecimalMax}'s.)
     */
    static final int DISCOUNT_DECIMALS = 6;
    static final String DISCOUNT_SCALE = "must have at most " + DISCOUNT_DECIMALS + " decimals (a discount is kept to "
            + DISCOUNT_DECIMALS + " decimal places, and more would be rounded away)";

    private QuoteResources() {
    }

    /** TMF648 {@code Quote_Create}: every attribute is accepted; those Accord does not keep are ignored. */
    @JsonIgnoreProperties({"@type", "@baseType", "@schemaLocation", "id", "category", "expectedFulfillmentStartDate",
            "instantSyncQuote", "requestedQuoteCompletionDate", "version", "agreement", "authorization",
            "billingAccount", "contactMedium", "note", "productOfferingQualification"})
    record CreateQuote(@Size(max = 2000) String description, @Size(max = 100) String externalId,
                       @NotNull @Size(min = 1, max = 100) List<@Valid @NotNull Item> quoteItem,
                       @NotNull @Size(min = 1, max = 10) List<@Valid @NotNull Party> relatedParty,
                       @DecimalMin("0") @DecimalMax("100")
                       @Digits(integer = 9, fraction = DISCOUNT_DECIMALS, message = DISCOUNT_SCALE)
                       BigDecimal discountPercent) {
    }

    /** TMF648 {@code QuoteItem}; only {@code action} {@code add} is quoted (modify and delete come with orders). */
    @JsonIgnoreProperties({"@type", "@baseType", "@schemaLocation", "appointment", "attachment", "note",
            "productOfferingQualificationItem", "quoteItem", "quoteItemAuthorization", "quoteItemPrice",
            "quoteItemRelationship", "relatedParty", "state"})
    @Schema(name = "QuoteItem")
    record Item(@NotBlank @Size(max = 50) String id, String action,
                @Min(value = 1, message = OrderPricing.QUANTITY_RANGE)
                @Max(value = OrderPricing.MAX_QUANTITY, message = OrderPricing.QUANTITY_RANGE) Integer quantity,
                @NotNull @Valid OfferingRef productOffering, @Valid Product product) {
    }

    /** TMF {@code ProductOfferingRef}. */
    @JsonIgnoreProperties({"@type", "@baseType", "@schemaLocation", "@referredType", "href", "name"})
    @Schema(name = "QuoteOfferingRef")
    record OfferingRef(@NotBlank @Size(max = 64) String id) {
    }

    /** TMF {@code ProductRefOrValue}: the chosen characteristic values; the other attributes are ignored. */
    @JsonIgnoreProperties({"@type", "@baseType", "@schemaLocation", "@referredType", "id", "href", "description",
            "isBundle", "isCustomerVisible", "name", "orderDate", "productSerialNumber", "startDate",
            "terminationDate", "agreement", "billingAccount", "place", "product", "productOffering",
            "productOrderItem", "productPrice", "productRelationship", "productSpecification", "productTerm",
            "realizingResource", "realizingService", "relatedParty", "status"})
    @Schema(name = "QuoteProduct")
    record Product(@Size(max = 100) List<@Valid @NotNull CharacteristicValue> productCharacteristic) {
    }

    /** TMF {@code Characteristic}: {@code value} a string, number or boolean. */
    @JsonIgnoreProperties({"@type", "@baseType", "@schemaLocation"})
    @Schema(name = "QuoteCharacteristicValue")
    record CharacteristicValue(@NotBlank String name, @NotNull JsonNode value, String valueType) {
    }

    /** TMF {@code RelatedParty}. */
    @JsonIgnoreProperties({"@type", "@baseType", "@schemaLocation", "href"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "QuoteParty")
    record Party(@NotBlank @Size(max = 200) String id, @Size(max = 200) String name, @NotBlank String role,
                 @JsonProperty("@referredType") String referredType) {
    }

    /** What a {@code PATCH} re-prices the quote with (and whose setter four-eyes then bars from approving it). */
    static final Set<String> PRICING = Set.of("quoteItem", "discountPercent");

    /** What {@code PATCH} may change; {@code state} alone moves the quote (approved, accepted, rejected). */
    record Changeable(@Size(max = 2000) String description, @Size(max = 100) String externalId,
                      @NotNull @Size(min = 1, max = 100) List<@Valid @NotNull Item> quoteItem,
                      @DecimalMin("0") @DecimalMax("100")
                      @Digits(integer = 9, fraction = DISCOUNT_DECIMALS, message = DISCOUNT_SCALE)
                      BigDecimal discountPercent, String state) {
    }

    record TimePeriod(Instant startDateTime, Instant endDateTime) {
    }

    /** TMF Money; the value is a decimal string so it stays exact. */
    @Schema(name = "QuoteMoney")
    record Money(String unit, String value) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "QuotePriceAmount")
    record Price(Money dutyFreeAmount, String percentage) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Alteration(String name, String priceType, Price price) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "QuoteEntityRef")
    record Ref(String id, String name) {
    }

    record Tier(String from, String to, String rate) {
    }

    /**
     * TMF {@code QuotePrice}: {@code priceType} oneTime, recurring or usage. Accord's extension {@code rateBasis}
     * ({@value #RETAIL} on a usage price that the buyer partner is not charged, see {@link QuoteViews}), with TMF's
     * {@code description} saying what applies instead.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record QuotePrice(String name, String description, String priceType, String recurringChargePeriod,
                      String unitOfMeasure, Price price, List<Alteration> priceAlteration, Ref productOfferingPrice,
                      Ref productOffering, List<Tier> tiers, String rateBasis) {
    }

    /** {@code rateBasis} of a usage price that is the offering's retail rate, not what the buyer is charged. */
    static final String RETAIL = "retail";

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "QuoteItemView")
    record ItemView(String id, String action, int quantity, String state, Ref productOffering, ProductView product,
                    List<QuotePrice> quoteItemPrice) {
    }

    @Schema(name = "QuoteProductView")
    record ProductView(List<CharacteristicView> productCharacteristic) {
    }

    @Schema(name = "QuoteCharacteristicView")
    record CharacteristicView(String name, String value) {
    }

    /** TMF648 {@code Quote} as Accord shows it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record QuoteView(String id, String href, String state, String description, String externalId, Instant quoteDate,
                     TimePeriod validFor, List<Party> relatedParty, List<ItemView> quoteItem,
                     List<QuotePrice> quoteTotalPrice, String discountPercent, boolean discountNeedsApproval,
                     String approval, String decidedBy, String pricedBy, List<String> editedBy, String approvedBy,
                     String stateReason,
                     Instant stateChangedAt,
                     @JsonProperty("@type") String type) {
    }
}
