package io.accord.orchestration.order;

import io.accord.contracts.events.OfferingPrice;
import io.accord.contracts.events.ProductDetails;
import io.accord.contracts.value.Money;
import io.accord.orchestration.offering.SellableOfferings;
import io.accord.orchestration.product.NewProduct;
import io.accord.orchestration.product.Products;
import io.accord.orchestration.quote.OrderPricing;
import io.accord.orchestration.quote.QuoteAccepted;
import io.accord.orchestration.saga.SagaView;
import io.accord.orchestration.saga.Sagas;
import io.accord.orchestration.saga.StepDefinition;
import io.accord.platform.problem.ConflictException;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Places an order: creates the product instances of its {@code add} items (CREATED), decomposes every item into
 * its saga and starts it, and stores the order acknowledged, all in the caller's transaction. Orders come from
 * an accepted quote ({@link QuoteAccepted}, inside the accepting transaction: order and acceptance commit
 * together) or from {@link OrderService} (a direct order, priced at order time).
 */
@Component
class OrderPlacement {

    /** One item ready to be placed: checked, characteristics resolved, amounts locked. */
    record Placed(String id, OrderAction action, int quantity, String offeringId, UUID productId,
                  Map<String, String> characteristics, List<QuoteAccepted.LockedPrice> prices) {
    }

    private final OrderRepository orders;
    private final SellableOfferings offerings;
    private final Products products;
    private final Sagas sagas;
    private final OrderEvents events;
    private final OrderProperties properties;
    private final Clock clock;

    OrderPlacement(OrderRepository orders, SellableOfferings offerings, Products products, Sagas sagas,
                   OrderEvents events, OrderProperties properties, Clock clock) {
        this.orders = orders;
        this.offerings = offerings;
        this.products = products;
        this.sagas = sagas;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    @EventListener
    void accepted(QuoteAccepted quote) {
        if (orders.existsForQuote(quote.quoteId())) {
            return;
        }
        List<Placed> items = quote.items().stream().map(item -> new Placed(item.itemId(), OrderAction.ADD,
                item.quantity(), item.offeringId(), null, item.characteristics(), item.lockedPrices())).toList();
        place(new OrderParties(quote.customerId(), null, quote.buyerPartnerId(), quote.salesChannel()),
                quote.quoteId(), quote.acceptedBy(), null, items);
    }

    /** The new order, stored acknowledged with its item sagas started. */
    @Transactional
    ProductOrder place(OrderParties parties, UUID quoteId, String by, OrderResources.CreateOrder request,
                       List<Placed> placed) {
        Instant now = clock.instant();
        UUID orderId = UUID.randomUUID();
        List<OrderItem> items = new ArrayList<>();
        List<List<StepDefinition>> plans = new ArrayList<>();
        for (Placed item : placed) {
            requireWithinLimit(item);
            switch (item.action()) {
                case ADD -> {
                    SellableOfferings.Offering offering = offering(item.offeringId());
                    List<Decomposition.Target> created = Decomposition.products(offering, this::offering,
                            (part, bundle) -> products.create(new NewProduct(orderId.toString(), item.id(),
                                    part.id(), bundle, parties.buyer(), parties.channel(), parties.customerId(),
                                    item.characteristics(), charges(part.id(), item.prices()))).id());
                    items.add(new OrderItem(item.id(), item.action(), item.quantity(), item.offeringId(),
                            created.getFirst().productId(), created.stream().skip(1)
                            .map(Decomposition.Target::productId).toList(), item.characteristics(),
                            charges(null, item.prices()), ItemState.ACKNOWLEDGED, null, null, null));
                    plans.add(Decomposition.add(orderId.toString(), item.id(), item.quantity(), parties.customerId(),
                            item.characteristics(), created, properties.activationAckTimeout()));
                }
                case MODIFY -> {
                    items.add(existing(item));
                    plans.add(Decomposition.modify(orderId.toString(), item.id(), item.productId(),
                            offering(item.offeringId()), item.characteristics(), properties.activationAckTimeout()));
                }
                case DELETE -> {
                    items.add(existing(item));
                    plans.add(Decomposition.delete(orderId.toString(), item.id(), new Decomposition.Part(
                            item.productId(), offerings.find(item.offeringId()).orElse(null)),
                            products.components(item.productId()).stream().filter(part -> !part.state().isFinal())
                                    .map(part -> new Decomposition.Part(part.id(), offerings.find(part.offeringId())
                                            .orElse(null))).toList(), properties.activationAckTimeout()));
                }
            }
        }
        ProductOrder order = new ProductOrder(orderId, parties.buyer(), parties.channel(), parties.customerId(),
                parties.customerName(), quoteId, now, by, items);
        if (request != null) {
            order.describe(request.description(), request.externalId(), request.requestedCompletionDate(),
                    OrderService.notes(request.note()), by, now);
            order.requestedStartDate = request.requestedStartDate();
        }
        for (int i = 0; i < items.size(); i++) {
            SagaView saga = sagas.start(new ItemReference(orderId, items.get(i).id()).toString(), plans.get(i));
            order.sagaStarted(items.get(i).id(), saga.id());
        }
        orders.insert(order);
        events.created(order);
        return order;
    }

    /**
     * An item takes at most {@value OrderPricing#MAX_QUANTITY} units, as a quote item does; a direct order's request
     * is refused (400) before, so this refuses only a quote accepted with more, quoted before quotes had the limit.
     */
    private static void requireWithinLimit(Placed item) {
        if (item.quantity() > OrderPricing.MAX_QUANTITY) {
            throw new ConflictException("Order item '" + item.id() + "': quantity " + item.quantity() + " "
                    + OrderPricing.QUANTITY_RANGE);
        }
    }

    private static OrderItem existing(Placed item) {
        return new OrderItem(item.id(), item.action(), item.quantity(), item.offeringId(), item.productId(),
                List.of(), item.characteristics(), List.of(), ItemState.ACKNOWLEDGED, null, null, null);
    }

    private SellableOfferings.Offering offering(String offeringId) {
        return offerings.find(offeringId).orElseThrow(() -> new ConflictException("Offering " + offeringId
                + " is not launched"));
    }

    /**
     * The locked prices as product charges, with each price's key and proration from its version; only those of
     * {@code offeringId} ({@code null}: all).
     */
    private List<ProductDetails.LockedCharge> charges(String offeringId, List<QuoteAccepted.LockedPrice> prices) {
        List<ProductDetails.LockedCharge> charges = new ArrayList<>();
        for (QuoteAccepted.LockedPrice price : prices == null ? List.<QuoteAccepted.LockedPrice>of() : prices) {
            if (offeringId != null && !offeringId.equals(price.offeringId())) {
                continue;
            }
            Optional<OfferingPrice> version = offerings.priceVersions(price.offeringId()).stream()
                    .filter(candidate -> candidate.priceVersionId().equals(price.priceVersionId())).findFirst();
            Money amount = price.amount();
            charges.add(new ProductDetails.LockedCharge(price.offeringId(),
                    version.map(OfferingPrice::priceId).orElse(price.priceVersionId()), price.priceVersionId(),
                    price.type(), price.period(), "RECURRING".equals(price.type())
                    ? version.map(OfferingPrice::proration).orElse("NONE") : null,
                    amount.amount().setScale(Money.SCALE, RoundingMode.HALF_EVEN).toPlainString(),
                    amount.currency()));
        }
        return charges;
    }
}
