package io.accord.orchestration.order;

import io.accord.contracts.value.PartnerId;
import io.accord.orchestration.offering.SellableOfferings;
import io.accord.orchestration.product.ProductState;
import io.accord.orchestration.product.ProductView;
import io.accord.orchestration.product.Products;
import io.accord.orchestration.quote.OrderPricing;
import io.accord.orchestration.quote.QuoteAccepted;
import io.accord.platform.problem.ConflictException;
import io.accord.platform.problem.InvalidInputException;
import io.accord.platform.problem.NotFoundException;
import io.accord.platform.security.Tenancy;
import io.accord.platform.web.IfMatch;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Direct orders (checked and priced now), reads with tenancy, and the changes TMF allows before the end. */
@Service
class OrderService {

    private final OrderRepository orders;
    private final OrderPlacement placement;
    private final OrderPricing pricing;
    private final Products products;
    private final OrderEvents events;
    private final Tenancy tenancy;
    private final Clock clock;
    private final SellableOfferings offerings;

    OrderService(OrderRepository orders, OrderPlacement placement, OrderPricing pricing, Products products,
                 OrderEvents events, Tenancy tenancy, Clock clock, SellableOfferings offerings) {
        this.offerings = offerings;
        this.orders = orders;
        this.placement = placement;
        this.pricing = pricing;
        this.products = products;
        this.events = events;
        this.tenancy = tenancy;
        this.clock = clock;
    }

    @Transactional
    ProductOrder create(OrderResources.CreateOrder request) {
        if (request.quote() != null && !request.quote().isEmpty()) {
            throw new InvalidInputException("quote", "An order from a quote is created by accepting the quote "
                    + "(PATCH its state to accepted); a direct order names no quote");
        }
        Instant now = clock.instant();
        // a minute's grace for a client whose clock runs ahead and means "now", as for a cancellation's date
        if (request.requestedStartDate() != null
                && request.requestedStartDate().isAfter(now.plus(ProductOrder.CLOCK_SKEW))) {
            throw new InvalidInputException("requestedStartDate", "requestedStartDate "
                    + request.requestedStartDate() + " is in the future: an order is fulfilled at once (Accord schedules none); leave it out, or "
                    + "order when the time has come");
        }
        OrderParties parties = OrderParties.of(request.relatedParty(), tenancy);
        requireNewExternalId(parties.buyer(), request.externalId(), null);
        if (tenancy.isStaff() && parties.buyer() != null) {
            offerings.requireActiveBuyer(parties.buyer());
        }
        List<OrderPlacement.Placed> placed = new ArrayList<>();
        List<OrderPricing.Ordered> adds = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < request.productOrderItem().size(); i++) {
            OrderResources.Item item = request.productOrderItem().get(i);
            String field = "productOrderItem[" + i + "]";
            if (!ids.add(item.id())) {
                throw new InvalidInputException(field + ".id", "Order item id '" + item.id() + "' is used twice");
            }
            OrderAction action = OrderAction.ofTmf(item.action()).orElseThrow(() -> new InvalidInputException(
                    field + ".action", "Order item '" + item.id() + "': action is add, modify or delete, not '"
                    + item.action() + "'"));
            int quantity = item.quantity() == null ? 1 : item.quantity();
            if (action == OrderAction.ADD) {
                if (item.productOffering() == null) {
                    throw new InvalidInputException(field + ".productOffering.id", "Order item '" + item.id()
                            + "': an add names the offering (productOffering.id)");
                }
                adds.add(new OrderPricing.Ordered(i, names(item), new QuoteAccepted.Item(item.id(),
                        item.productOffering().id(), quantity, given(field, item), List.of())));
                placed.add(null);
            } else {
                placed.add(existing(i, item, action, parties, now));
            }
        }
        List<QuoteAccepted.Item> priced = adds.isEmpty() ? List.of() : pricing.lock(adds, now, parties.buyer());
        for (QuoteAccepted.Item item : priced) {
            int slot = placed.indexOf(null);
            placed.set(slot, new OrderPlacement.Placed(item.itemId(), OrderAction.ADD, item.quantity(),
                    item.offeringId(), null, item.characteristics(), item.lockedPrices()));
        }
        return placement.place(parties, null, tenancy.actor(), request, placed);
    }

    /** A modify or delete of an instance the buyer has: active (or suspended), not already ended. */
    private OrderPlacement.Placed existing(int index, OrderResources.Item item, OrderAction action,
                                           OrderParties parties, Instant now) {
        String field = "productOrderItem[" + index + "]";
        String productId = item.product() == null ? null : item.product().id();
        if (productId == null || productId.isBlank()) {
            throw new InvalidInputException(field + ".product.id", "Order item '" + item.id() + "': a "
                    + action.tmf() + " names the product instance (product.id)");
        }
        ProductView product = productOf(productId, parties).orElseThrow(() -> new InvalidInputException(
                field + ".product.id", "Order item '" + item.id() + "': product " + productId
                + " is not a product instance of this buyer"));
        if (!parties.customerId().equals(product.customerId())) {
            throw new InvalidInputException("relatedParty", "Order item '" + item.id() + "': product " + productId
                    + " belongs to another customer than this order's Customer '" + parties.customerId()
                    + "': an order changes only its own customer's products");
        }
        if (item.productOffering() != null && !item.productOffering().id().equals(product.offeringId())) {
            throw new InvalidInputException(field + ".productOffering.id", "Order item '" + item.id()
                    + "': product " + productId + " is an instance of offering " + product.offeringId());
        }
        if (product.state() != ProductState.ACTIVE && product.state() != ProductState.SUSPENDED) {
            throw new ConflictException("Order item '" + item.id() + "': product " + productId + " is "
                    + product.state().tmf() + "; only an active or suspended product can be " + action.done());
        }
        if (action == OrderAction.DELETE) {
            return new OrderPlacement.Placed(item.id(), action, 1, product.offeringId(), product.id(), Map.of(),
                    List.of());
        }
        Map<String, String> merged = new LinkedHashMap<>(product.characteristics());
        merged.putAll(given(field, item));
        QuoteAccepted.Item checked = pricing.lockChange(new OrderPricing.Ordered(index, names(item),
                new QuoteAccepted.Item(item.id(), product.offeringId(), 1, merged, List.of())), now);
        return new OrderPlacement.Placed(item.id(), action, 1, product.offeringId(), product.id(),
                checked.characteristics(), List.of());
    }

    private Optional<ProductView> productOf(String productId, OrderParties parties) {
        UUID id;
        try {
            id = UUID.fromString(productId);
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
        return products.find(id).filter(product -> parties.buyer() != null
                ? parties.buyer().equals(product.buyerPartnerId())
                : product.buyerPartnerId() == null && parties.customerId().equals(product.customerId()));
    }

    @Transactional(readOnly = true)
    ProductOrder get(UUID id) {
        return visible(id);
    }

    @Transactional(readOnly = true)
    Page<ProductOrder> list(List<OrderState> states, List<String> parties, Pageable page) {
        UUID buyer = tenancy.isStaff() ? null : tenancy.partnerId().map(PartnerId::value).orElse(new UUID(0, 0));
        return orders.page(buyer, states.stream().map(Enum::name).toList(), parties, page);
    }

    /**
     * Description, externalId, requestedCompletionDate and notes (appended only, {@link OrderNotes}), until the
     * order is final. Checked and audited on the order as read, then checked again and applied to it locked (see
     * {@link OrderEvents#audited} for the order of locks). 412 when {@code ifMatch} names another version than the
     * current one: checked first, and again on the locked order (an item's fulfilment may have moved it meanwhile).
     */
    @Transactional
    ProductOrder change(UUID id, IfMatch ifMatch, OrderResources.Changeable change) {
        ProductOrder seen = visible(id);
        ifMatch.check(seen.version, "Product order " + id);
        OrderResources.OrderView before = OrderViews.view(seen);
        Instant now = clock.instant();
        String by = tenancy.actor();
        List<ProductOrder.Note> notes = notes(change.note());
        if (change.externalId() != null && !change.externalId().equals(seen.externalId)) {
            requireNewExternalId(seen.buyerPartnerId, change.externalId(), id);
        }
        seen.describe(change.description(), change.externalId(), change.requestedCompletionDate(), notes, by, now);
        events.audited(seen, before, OrderViews.view(seen), "changed");
        ProductOrder order = orders.lock(id).orElseThrow();
        ifMatch.check(order.version, "Product order " + id);
        OrderResources.OrderView current = OrderViews.view(order);
        order.describe(change.description(), change.externalId(), change.requestedCompletionDate(), notes, by, now);
        orders.update(order);
        events.notified(order, current);
        return order;
    }

    /**
     * An {@code externalId} names one order of a buyer: a second order with it (a client re-sending an order
     * without an Idempotency-Key, or after the key's retention) would create the products twice, and usage would
     * then match two products. Refused (409) while an order of the same buyer with it is not cancelled or failed;
     * only the buyer's own orders count (for the CSP's channels: the orders of every channel). Checked under a lock
     * held until the transaction ends.
     */
    private void requireNewExternalId(UUID buyer, String externalId, UUID except) {
        if (externalId == null || externalId.isEmpty()) {
            return;
        }
        orders.lockExternalId(buyer, externalId);
        orders.liveWithExternalId(buyer, externalId, except).ifPresent(existing -> {
            throw new ConflictException("Product order " + existing.id + " (" + existing.state.tmf()
                    + ") already has externalId '" + externalId + "': an externalId names one order, so this "
                    + "order would place it twice; read that order instead, or use another externalId (an order "
                    + "that is cancelled or failed does not count)");
        });
    }

    ProductOrder visible(UUID id) {
        return orders.find(id).filter(this::mayRead).orElseThrow(() -> new NotFoundException("productOrder", id));
    }

    boolean mayRead(ProductOrder order) {
        return tenancy.isStaff() || order.buyerPartnerId != null
                && tenancy.partnerId().map(p -> p.value().equals(order.buyerPartnerId)).orElse(false);
    }

    /** The notes as the client sent them ({@code null}: unchanged), to be checked against the order's log. */
    static List<ProductOrder.Note> notes(List<OrderResources.NoteIn> notes) {
        return notes == null ? null : notes.stream().map(OrderResources.NoteIn::wanted).toList();
    }

    /**
     * The characteristic values an item sent; errors name one as sent
     * ({@code <field>.product.productCharacteristic[j]}) and by its name in the message.
     */
    private static Map<String, String> given(String field, OrderResources.Item item) {
        Map<String, String> values = new LinkedHashMap<>();
        if (item.product() == null || item.product().productCharacteristic() == null) {
            return values;
        }
        List<OrderResources.CharacteristicValue> sent = item.product().productCharacteristic();
        for (int position = 0; position < sent.size(); position++) {
            OrderResources.CharacteristicValue value = sent.get(position);
            JsonNode node = value.value();
            String path = field + ".product.productCharacteristic[" + position + "]";
            if (!node.isValueNode() || node.isNull()) {
                throw new InvalidInputException(path, "Order item '" + item.id() + "': characteristic '"
                        + value.name() + "' has a value that is not a string, number or boolean");
            }
            if (values.put(value.name(), node.asString()) != null) {
                throw new InvalidInputException(path, "Order item '" + item.id() + "': characteristic '"
                        + value.name() + "' is given twice");
            }
        }
        return values;
    }

    /** The names of the characteristics an item sent, in its order. */
    private static List<String> names(OrderResources.Item item) {
        return item.product() == null || item.product().productCharacteristic() == null ? List.of()
                : item.product().productCharacteristic().stream().map(OrderResources.CharacteristicValue::name)
                .toList();
    }
}
