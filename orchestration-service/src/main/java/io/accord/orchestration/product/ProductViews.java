package io.accord.orchestration.product;

import io.accord.contracts.events.ProductDetails;
import io.accord.orchestration.product.ProductResources.Party;
import io.accord.orchestration.product.ProductResources.Ref;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Product instances as other features read them ({@link ProductView}), as events carry them, and as TMF637 shows. */
final class ProductViews {

    private static final String ORGANIZATION = "Organization";

    private ProductViews() {
    }

    static ProductView view(ProductInstance p) {
        return new ProductView(p.id, p.orderId, p.orderItemId, p.offeringId, p.offeringVersion, p.offeringName,
                p.ownerPartnerId, p.categoryCode, p.bundleProductId, p.buyerPartnerId, p.salesChannel, p.customerId,
                p.identifiers, p.resources, p.characteristics, p.participants, p.usagePriceIds, p.charges, p.state,
                p.stateReason, p.suspension, p.startAt, p.endAt, p.createdAt, p.updatedAt, p.version);
    }

    static ProductDetails details(ProductView p) {
        return new ProductDetails(p.id().toString(), p.orderId(), p.offeringId(), p.offeringVersion(),
                p.offeringName(), text(p.ownerPartnerId()), p.categoryCode(), text(p.bundleProductId()),
                text(p.buyerPartnerId()), p.salesChannel(), p.customerId(), p.identifiers(), p.characteristics(),
                p.participants(), p.usagePriceIds(), p.charges(), p.state().name(), p.startAt(), p.endAt());
    }

    static ProductResources.ProductResource resource(ProductView p) {
        String href = ProductResources.PATH + "/" + p.id();
        return new ProductResources.ProductResource(p.id().toString(), href, p.offeringName(), p.state().tmf(),
                p.stateReason(), suspendedBy(p.suspension()), new Ref(p.offeringId(), null, p.offeringName(), null),
                p.offeringVersion(), p.categoryCode(),
                p.characteristics().entrySet().stream()
                        .map(e -> new ProductResources.Characteristic(e.getKey(), e.getValue())).toList(),
                p.charges().stream().map(ProductViews::price).toList(),
                p.resources().stream().map(r -> new ProductResources.ResourceRef(
                        r.reservationId() == null ? r.value() : r.reservationId().toString(), r.value(),
                        r.resourceType())).toList(),
                p.identifiers().stream().map(i -> new ProductResources.Identifier(i.type(), i.value())).toList(),
                parties(p), p.createdAt(), p.startAt(), p.endAt(),
                List.of(new ProductResources.OrderItemRef(p.orderId(), ProductResources.ORDERS + "/" + p.orderId(),
                        p.orderItemId(), "add")),
                p.bundleProductId() == null ? null : List.of(new ProductResources.Relationship("bundled",
                        new Ref(p.bundleProductId().toString(), ProductResources.PATH + "/" + p.bundleProductId(),
                                null, "Product"))),
                "Product");
    }

    /** A staff user's name is not shown (as dispute-service shows partners none): the audit trail has it. */
    private static ProductResources.SuspendedBy suspendedBy(Suspension suspension) {
        if (suspension == null) {
            return null;
        }
        return new ProductResources.SuspendedBy(suspension.side().name(),
                suspension.isStaff() ? null : suspension.actor(), suspension.at());
    }

    private static List<Party> parties(ProductView p) {
        List<Party> parties = new ArrayList<>();
        if (p.ownerPartnerId() != null) {
            parties.add(new Party(p.ownerPartnerId().toString(), ProductResources.OWNER, ORGANIZATION));
        }
        p.participants().forEach(participant -> parties.add(new Party(participant.partnerId(),
                ProductResources.PARTICIPANT, ORGANIZATION)));
        if (p.buyerPartnerId() != null) {
            parties.add(new Party(p.buyerPartnerId().toString(), ProductResources.BUYER, ORGANIZATION));
        } else {
            parties.add(new Party(p.salesChannel(), ProductResources.SALES_CHANNEL, null));
        }
        parties.add(new Party(p.customerId(), ProductResources.CUSTOMER, ProductResources.CUSTOMER)); // a TMF629 Customer
        return parties;
    }

    private static ProductResources.ProductPrice price(ProductDetails.LockedCharge charge) {
        boolean recurring = "RECURRING".equals(charge.type());
        return new ProductResources.ProductPrice(charge.priceId(), recurring ? "recurring" : "oneTime",
                lower(charge.period()), lower(charge.proration()),
                new ProductResources.Price(new ProductResources.Money(charge.currency(), charge.amount())),
                new Ref(charge.priceVersionId(), null, charge.priceId(), "ProductOfferingPrice"),
                new Ref(charge.offeringId(), null, null, "ProductOffering"));
    }

    private static String lower(String value) {
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
