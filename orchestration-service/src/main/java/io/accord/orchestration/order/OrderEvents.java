package io.accord.orchestration.order;

import io.accord.contracts.Topics;
import io.accord.contracts.events.OrderCompleted;
import io.accord.contracts.events.OrderFailed;
import io.accord.contracts.events.OrderItemOutcome;
import io.accord.contracts.events.ProductDetails;
import io.accord.contracts.value.PartnerId;
import io.accord.orchestration.product.Products;
import io.accord.platform.audit.AuditTrail;
import io.accord.platform.hub.TmfEvent;
import io.accord.platform.outbox.Outbox;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What an order's changes announce, in the transaction of the change: the audit entry, the TMF622 hub
 * notifications (to the buyer partner's subscriptions and staff's), and at the end of fulfilment
 * {@code OrderCompleted} (completed, partial) or {@code OrderFailed} (failed, cancelled) through the outbox on
 * {@code order.events.v1}, keyed by the order id.
 */
@Component
class OrderEvents {

    static final String RESOURCE = "productOrder";
    static final String CANCEL_RESOURCE = "cancelProductOrder";

    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Outbox outbox;
    private final Products products;
    private final Clock clock;

    OrderEvents(AuditTrail audit, ApplicationEventPublisher events, Outbox outbox, Products products, Clock clock) {
        this.audit = audit;
        this.events = events;
        this.outbox = outbox;
        this.products = products;
        this.clock = clock;
    }

    void created(ProductOrder order) {
        OrderResources.OrderView view = OrderViews.view(order);
        audit.record(partner(order), RESOURCE, order.id.toString(), "created", null, view);
        notify("ProductOrderCreateEvent", order, view);
    }

    /** @param action the audit action; the hub hears of it as a state change when the state changed */
    void changed(ProductOrder order, OrderResources.OrderView before, String action) {
        audited(order, before, OrderViews.view(order), action);
        notified(order, before);
    }

    /**
     * The audit entry alone (the trail writes it just before the transaction commits, so the audit chain's lock is
     * always the transaction's last and never held while the order is locked and changed).
     */
    void audited(ProductOrder order, OrderResources.OrderView before, OrderResources.OrderView after,
                 String action) {
        audit.record(partner(order), RESOURCE, order.id.toString(), action, before, after);
    }

    /** The hub notification of a change, and the order's event when it became final. */
    void notified(ProductOrder order, OrderResources.OrderView before) {
        OrderResources.OrderView view = OrderViews.view(order);
        boolean stateChanged = !before.state().equals(view.state());
        notify(stateChanged ? "ProductOrderStateChangeEvent" : "ProductOrderAttributeValueChangeEvent", order, view);
        if (stateChanged && order.state.isFinal()) {
            ended(order);
        }
    }

    void cancellation(ProductOrder order, CancelRepository.Cancellation cancellation, boolean created) {
        OrderResources.CancelView view = OrderViews.view(cancellation);
        if (created) {
            audit.record(partner(order), CANCEL_RESOURCE, cancellation.id().toString(), "created", null, view);
        }
        events.publishEvent(new TmfEvent(created ? "CancelProductOrderCreateEvent"
                : "CancelProductOrderStateChangeEvent", CANCEL_RESOURCE, view, buyer(order), false));
    }

    private void ended(ProductOrder order) {
        List<OrderItemOutcome> items = order.items.stream().map(item -> new OrderItemOutcome(item.id(),
                item.action().tmf(), item.offeringId(), item.productId() == null ? null : item.productId().toString(),
                item.state().tmf(), item.reason(), item.failedStep())).toList();
        String partner = order.buyerPartnerId == null ? null : order.buyerPartnerId.toString();
        String quote = order.quoteId == null ? null : order.quoteId.toString();
        if (order.state == OrderState.COMPLETED || order.state == OrderState.PARTIAL) {
            List<ProductDetails> touched = order.items.stream().filter(item -> item.state() == ItemState.COMPLETED)
                    .flatMap(item -> item.products().stream()).map(products::details).toList();
            outbox.publish(Topics.ORDER_EVENTS, new OrderCompleted(UUID.randomUUID(), clock.instant(),
                    order.id.toString(), partner, order.salesChannel, order.customerId, quote, order.state.tmf(),
                    order.completionDate, items, touched));
        } else {
            outbox.publish(Topics.ORDER_EVENTS, new OrderFailed(UUID.randomUUID(), clock.instant(),
                    order.id.toString(), partner, order.salesChannel, order.customerId, quote, order.state.tmf(),
                    order.stateChangedAt, order.stateReason, items));
        }
    }

    private void notify(String eventType, ProductOrder order, OrderResources.OrderView view) {
        events.publishEvent(new TmfEvent(eventType, RESOURCE, view, buyer(order), false));
    }

    private static Set<UUID> buyer(ProductOrder order) {
        return order.buyerPartnerId == null ? Set.of() : Set.of(order.buyerPartnerId);
    }

    static PartnerId partner(ProductOrder order) {
        return order.buyerPartnerId == null ? null : new PartnerId(order.buyerPartnerId);
    }
}
