package io.accord.orchestration.product;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;

/**
 * TMF637 Product resources as Accord shows them. Accord's extensions: {@code statusReason} (why it was last
 * suspended, resumed, terminated or cancelled), {@code suspendedBy} (who barred a suspended instance, read-only),
 * {@code offeringVersion} and {@code categoryCode} (the offering's, at order time), {@code subscriberIdentifier}
 * (how usage names the subscriber), and on a {@code productPrice} its
 * {@code prorationPolicy} and {@code productOffering} (the offering the price belongs to, a bundle's component when
 * the bundle sums them). TMF's status {@code cancelled} is an instance whose order item failed before activation.
 * {@code relatedParty} roles: {@code Owner} (the offering's partner; none for the CSP's), {@code Participant} (a
 * co-creating partner), {@code Buyer} (a reseller partner) or {@code SalesChannel} (a CSP channel), and
 * {@code Customer}.
 */
final class ProductResources {

    static final String BASE = "/tmf-api/productInventory/v4";
    static final String PATH = BASE + "/product";
    static final String ORDERS = "/tmf-api/productOrderingManagement/v4/productOrder";
    static final String OWNER = "Owner";
    static final String PARTICIPANT = "Participant";
    static final String BUYER = "Buyer";
    static final String SALES_CHANNEL = "SalesChannel";
    static final String CUSTOMER = "Customer";

    private ProductResources() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ProductEntityRef")
    record Ref(String id, String href, String name, @JsonProperty("@referredType") String referredType) {
    }

    record Characteristic(String name, String value) {
    }

    /** TMF Money; the value is a decimal string so it stays exact. */
    @Schema(name = "ProductMoney")
    record Money(String unit, String value) {
    }

    /** The locked amounts are before tax (the tax rate comes from the agreement at settlement). */
    @Schema(name = "ProductPriceAmount")
    record Price(Money dutyFreeAmount) {
    }

    /** TMF {@code ProductPrice}: a locked one-time or recurring charge; {@code prorationPolicy} is Accord's. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ProductPrice(String name, String priceType, String recurringChargePeriod, String prorationPolicy,
                        Price price, Ref productOfferingPrice, Ref productOffering) {
    }

    /** TMF {@code ResourceRef}: the inventory item; {@code id} is its reservation. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ResourceRef(String id, String value, @JsonProperty("@referredType") String referredType) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ProductParty")
    record Party(String id, String role, @JsonProperty("@referredType") String referredType) {
    }

    /** TMF {@code RelatedProductOrderItem}. */
    record OrderItemRef(String productOrderId, String productOrderHref, String orderItemId, String orderItemAction) {
    }

    /** TMF {@code ProductRelationship}: a bundle component names its bundle ({@code bundled}). */
    record Relationship(String relationshipType, Ref product) {
    }

    record Identifier(String type, String value) {
    }

    /**
     * Accord's {@code suspendedBy}, on a suspended instance only: {@code side} {@code STAFF} (the CSP; only staff
     * lift it) or {@code PARTNER} (the buyer, the reseller; it or staff lift it), {@code actor} the buyer's user (a
     * staff user is not named to anyone here: the audit trail records them), {@code suspensionDate} when (neither for
     * an instance suspended before migration V45, which counts as the staff's).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SuspendedBy(@Schema(allowableValues = {"STAFF", "PARTNER"}) String side, String actor,
                       Instant suspensionDate) {
    }

    /** TMF637 {@code Product}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ProductResource(String id, String href, String name, String status, String statusReason,
                           SuspendedBy suspendedBy, Ref productOffering, Integer offeringVersion, String categoryCode,
                           List<Characteristic> productCharacteristic, List<ProductPrice> productPrice,
                           List<ResourceRef> realizingResource, List<Identifier> subscriberIdentifier,
                           List<Party> relatedParty, Instant orderDate, Instant startDate, Instant terminationDate,
                           List<OrderItemRef> productOrderItem, List<Relationship> productRelationship,
                           @JsonProperty("@type") String type) {
    }

    /** What staff may change by {@code PATCH}: the status (suspended, active, terminated) and why. */
    record Changeable(String status, @Size(max = 2000) String statusReason) {
    }
}
