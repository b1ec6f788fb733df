package io.accord.orchestration.order;

import io.accord.contracts.events.ProductDetails;
import io.accord.contracts.value.Money;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The TMF622 resources as clients see them. */
final class OrderViews {

    private static final String PRODUCTS = "/tmf-api/productInventory/v4/product/";

    private OrderViews() {
    }

    static OrderResources.OrderView view(ProductOrder order) {
        List<OrderResources.Party> parties = new ArrayList<>();
        parties.add(new OrderResources.Party(order.customerId, order.customerName, OrderResources.CUSTOMER,
                OrderResources.CUSTOMER)); // @referredType: a TMF629 Customer (an end customer of ours)
        if (order.buyerPartnerId != null) {
            parties.add(new OrderResources.Party(order.buyerPartnerId.toString(), null, OrderResources.BUYER,
                    "Organization"));
        } else {
            parties.add(new OrderResources.Party(order.salesChannel, null, OrderResources.SALES_CHANNEL, null));
        }
        List<OrderResources.Ref> quote = order.quoteId == null ? null : List.of(new OrderResources.Ref(
                order.quoteId.toString(), "/tmf-api/quoteManagement/v4/quote/" + order.quoteId, null, "Quote"));
        return new OrderResources.OrderView(order.id.toString(), OrderResources.PATH + "/" + order.id,
                order.state.tmf(), order.description, order.externalId, order.orderDate, order.completionDate,
                order.requestedCompletionDate, order.requestedStartDate, order.cancellationReason,
                order.notes.stream().map(note -> new OrderResources.NoteView(note.id(), note.author(), note.date(),
                        note.text())).toList(),
                parties, quote, order.items.stream().map(OrderViews::item).toList(), totals(order.items),
                order.stateReason, "ProductOrder");
    }

    private static OrderResources.ItemView item(OrderItem item) {
        OrderResources.ProductView product = new OrderResources.ProductView(
                item.productId() == null ? null : item.productId().toString(),
                item.productId() == null ? null : PRODUCTS + item.productId(),
                item.characteristics().entrySet().stream().sorted(Map.Entry.comparingByKey())
                        .map(entry -> new OrderResources.CharacteristicView(entry.getKey(), entry.getValue()))
                        .toList(), item.productId() == null ? null : "Product");
        return new OrderResources.ItemView(item.id(), item.action().tmf(), item.quantity(), item.state().tmf(),
                new OrderResources.Ref(item.offeringId(), "/tmf-api/productCatalogManagement/v4/productOffering/"
                        + item.offeringId(), null, "ProductOffering"), product,
                item.charges().stream().map(OrderViews::price).toList(), item.reason(), item.failedStep(),
                "ProductOrderItem");
    }

    private static OrderResources.OrderPrice price(ProductDetails.LockedCharge charge) {
        return new OrderResources.OrderPrice(charge.priceId(), tmfType(charge.type()), period(charge.period()),
                new OrderResources.Price(new OrderResources.Money(charge.currency(), plain(charge.amount()))),
                new OrderResources.Ref(charge.priceVersionId(), null, null, "ProductOfferingPrice"));
    }

    /** The sum of one charge type (and period) in one currency. */
    private record Total(String type, String period, Money amount) {
    }

    private static List<OrderResources.OrderPrice> totals(List<OrderItem> items) {
        Map<String, Total> sums = new LinkedHashMap<>();
        for (OrderItem item : items) {
            for (ProductDetails.LockedCharge charge : item.charges()) {
                sums.merge(charge.type() + "/" + charge.period() + "/" + charge.currency(),
                        new Total(charge.type(), charge.period(), Money.of(charge.amount(), charge.currency())),
                        (a, b) -> new Total(a.type(), a.period(), a.amount().plus(b.amount())));
            }
        }
        return sums.values().stream().map(total -> new OrderResources.OrderPrice("total " + tmfType(total.type()),
                tmfType(total.type()), period(total.period()), new OrderResources.Price(new OrderResources.Money(
                total.amount().currency(), total.amount().amount().stripTrailingZeros().toPlainString())), null))
                .toList();
    }

    private static String plain(String amount) {
        return new java.math.BigDecimal(amount).stripTrailingZeros().toPlainString();
    }

    private static String tmfType(String type) {
        return "ONE_TIME".equals(type) ? "oneTime" : "RECURRING".equals(type) ? "recurring" : type;
    }

    private static String period(String period) {
        return period == null ? null : "YEAR".equals(period) ? "year" : "month";
    }

    static OrderResources.CancelView view(CancelRepository.Cancellation cancellation) {
        return new OrderResources.CancelView(cancellation.id().toString(),
                OrderResources.CANCEL_PATH + "/" + cancellation.id(), cancellation.done() ? "done" : "inProgress",
                cancellation.reason(), cancellation.requestedAt(), cancellation.effectiveAt(), cancellation.createdAt(),
                new OrderResources.Ref(cancellation.orderId().toString(),
                        OrderResources.PATH + "/" + cancellation.orderId(), null, "ProductOrder"),
                "CancelProductOrder");
    }
}
