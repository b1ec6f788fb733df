package io.accord.orchestration.order;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.accord.orchestration.quote.OrderPricing;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;

/**
 * TMF622 ProductOrder and CancelProductOrder resources. {@code relatedParty}: role {@code Customer} (required: the
 * external customer or subscriber reference), and for staff role {@code SalesChannel} (a CSP channel) or
 * {@code Buyer} (a reseller partner's id). Accord's extensions: {@code stateReason} on the order and its items,
 * {@code failedStep} on an item.
 */
final class OrderResources {

    static final String BASE = "/tmf-api/productOrderingManagement/v4";
    static final String PATH = BASE + "/productOrder";
    static final String CANCEL_PATH = BASE + "/cancelProductOrder";
    static final String CUSTOMER = "Customer";
    static final String BUYER = "Buyer";
    static final String SALES_CHANNEL = "SalesChannel";
    /** The most items one order takes. */
    static final int MAX_ITEMS = 100;
    /** The message of an order with no items or more than {@link #MAX_ITEMS}, with what to do instead. */
    static final String ITEMS_RANGE = "must hold 1 to " + MAX_ITEMS + " items: at most " + MAX_ITEMS
            + " items per order; split larger orders into several orders";
    /** Why a cancellation needs its reason, though TMF622 makes it optional. */
    static final String REASON_REQUIRED = "must not be blank: Accord requires the reason of a cancellation, which "
            + "becomes the cancelled order's stateReason, the reason its item sagas are compensated for (seen by ops) "
            + "and the reason of its OrderFailed event";

    private OrderResources() {
    }

    /** TMF622 {@code ProductOrder_Create}; attributes Accord does not keep are ignored. */
    @JsonIgnoreProperties({"@type", "@baseType", "@schemaLocation", "category", "priority",
            "notificationContact", "agreement", "billingAccount", "channel", "orderTotalPrice",
            "payment", "productOfferingQualification", "cancellationDate", "cancellationReason"})
    record CreateOrder(@Size(max = 2000) String description, @Size(max = 100) String externalId,
                       Instant requestedCompletionDate, Instant requestedStartDate,
                       @Size(max = 50) List<@Valid @NotNull NoteIn> note,
                       @NotNull @Size(min = 1, max = MAX_ITEMS, message = ITEMS_RANGE)
                       List<@Valid @NotNull Item> productOrderItem,
                       @NotNull @Size(min = 1, max = 10) List<@Valid @NotNull Party> relatedParty,
                       List<JsonNode> quote) {
    }

    /** TMF622 {@code ProductOrderItem}: {@code productOffering} for add; {@code product.id} for modify/delete. */
    @JsonIgnoreProperties({"@type", "@baseType", "@schemaLocation", "appointment", "billingAccount", "itemPrice",
            "itemTerm", "itemTotalPrice", "payment", "productOfferingQualificationItem", "productOrderItem",
            "productOrderItemRelationship", "qualification", "quoteItem", "state"})
    @Schema(name = "OrderItem")
    record Item(@NotBlank @Size(max = 50) String id, @NotBlank String action,
                @Min(value = 1, message = OrderPricing.QUANTITY_RANGE)
                @Max(value = OrderPricing.MAX_QUANTITY, message = OrderPricing.QUANTITY_RANGE) Integer quantity,
                @Valid OfferingRef productOffering, @Valid Product product) {
    }

    @JsonIgnoreProperties({"@type", "@baseType", "@schemaLocation", "@referredType", "href", "name"})
    @Schema(name = "OrderOfferingRef")
    record OfferingRef(@NotBlank @Size(max = 64) String id) {
    }

    /** TMF {@code ProductRefOrValue}: the existing instance ({@code id}) and the characteristic values. */
    @JsonIgnoreProperties({"@type", "@baseType", "@schemaLocation", "@referredType", "href", "description",
            "isBundle", "isCustomerVisible", "name", "orderDate", "productSerialNumber", "startDate",
            "terminationDate", "agreement", "billingAccount", "place", "product", "productOffering",
            "productOrderItem", "productPrice", "productRelationship", "productSpecification", "productTerm",
            "realizingResource", "realizingService", "relatedParty", "status"})
    @Schema(name = "OrderProduct")
    record Product(@Size(max = 64) String id,
                   @Size(max = 100) List<@Valid @NotNull CharacteristicValue> productCharacteristic) {
    }

    @JsonIgnoreProperties({"@type", "@baseType", "@schemaLocation"})
    @Schema(name = "OrderCharacteristicValue")
    record CharacteristicValue(@NotBlank String name, @NotNull JsonNode value, String valueType) {
    }

    @JsonIgnoreProperties({"@type", "@baseType", "@schemaLocation", "href"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "OrderParty")
    record Party(@NotBlank @Size(max = 200) String id, @Size(max = 200) String name, @NotBlank String role,
                 @JsonProperty("@referredType") String referredType) {
    }

    /**
     * A TMF {@code Note} as a client sends it: a new one without {@code id}, {@code author} and {@code date} (the
     * service sets them), a kept one as it is ({@link OrderNotes}).
     */
    @JsonIgnoreProperties({"@type", "@baseType", "@schemaLocation"})
    record NoteIn(@Size(max = 50) String id, @Size(max = 200) String author, Instant date,
                  @NotBlank @Size(max = 4000) String text) {

        ProductOrder.Note wanted() {
            return new ProductOrder.Note(id, author, date, text);
        }
    }

    /** What PATCH may change before the order is final; {@code note} null: the notes stay as they are. */
    record Changeable(@Size(max = 2000) String description, @Size(max = 100) String externalId,
                      Instant requestedCompletionDate, @Size(max = 50) List<@Valid @NotNull NoteIn> note) {
    }

    /**
     * TMF622 {@code CancelProductOrder_Create}. The reason is Accord's rule, optional in TMF622: it is what the
     * cancelled order, its compensated items and its {@code OrderFailed} event say. A cancellation takes effect at
     * once: a {@code requestedCancellationDate} after now is refused, an earlier one kept as given.
     */
    @JsonIgnoreProperties({"@type", "@baseType", "@schemaLocation"})
    record CreateCancel(@NotNull @Valid OrderRef productOrder,
                        @NotBlank(message = REASON_REQUIRED) @Size(max = 2000) String cancellationReason,
                        Instant requestedCancellationDate) {
    }

    @JsonIgnoreProperties({"@type", "@baseType", "@schemaLocation", "@referredType", "href", "name"})
    record OrderRef(@NotBlank @Size(max = 64) String id) {
    }

    // ---- views

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "OrderEntityRef")
    record Ref(String id, String href, String name, @JsonProperty("@referredType") String referredType) {
    }

    @Schema(name = "OrderMoney")
    record Money(String unit, String value) {
    }

    @Schema(name = "OrderPriceAmount")
    record Price(Money dutyFreeAmount) {
    }

    /** TMF {@code OrderPrice}: {@code priceType} oneTime or recurring, for the whole quantity. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record OrderPrice(String name, String priceType, String recurringChargePeriod, Price price,
                      Ref productOfferingPrice) {
    }

    @Schema(name = "OrderCharacteristicView")
    record CharacteristicView(String name, String value) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "OrderProductView")
    record ProductView(String id, String href, List<CharacteristicView> productCharacteristic,
                       @JsonProperty("@referredType") String referredType) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "OrderItemView")
    record ItemView(String id, String action, int quantity, String state, Ref productOffering, ProductView product,
                    List<OrderPrice> itemPrice, String stateReason, String failedStep,
                    @JsonProperty("@type") String type) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record NoteView(String id, String author, Instant date, String text) {
    }

    /** TMF622 {@code ProductOrder} as Accord shows it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record OrderView(String id, String href, String state, String description, String externalId, Instant orderDate,
                     Instant completionDate, Instant requestedCompletionDate, Instant requestedStartDate,
                     String cancellationReason, List<NoteView> note, List<Party> relatedParty, List<Ref> quote, List<ItemView> productOrderItem,
                     List<OrderPrice> orderTotalPrice, String stateReason, @JsonProperty("@type") String type) {
    }

    /**
     * TMF622 {@code CancelProductOrder}: state inProgress until the order is cancelled, then done;
     * {@code requestedCancellationDate} as the client gave it (never after the request).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CancelView(String id, String href, String state, String cancellationReason,
                      Instant requestedCancellationDate, Instant effectiveCancellationDate, Instant creationDate,
                      Ref productOrder,
                      @JsonProperty("@type") String type) {
    }
}
