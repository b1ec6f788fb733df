package io.accord.orchestration.order;

import io.accord.orchestration.product.ProductState;
import io.accord.orchestration.product.ProductView;
import io.accord.orchestration.product.Products;
import io.accord.orchestration.saga.SagaEnded;
import io.accord.orchestration.saga.SagaState;
import io.accord.orchestration.saga.SagaView;
import io.accord.orchestration.saga.StepView;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Follows the item sagas: their first step makes the order inProgress; their end (announced as {@link SagaEnded}
 * in the saga's own transaction) completes or fails the item, cancels the product instances a failed {@code add}
 * created, and once every item is final ends the order and publishes its event, all in that same transaction.
 * The order row is locked for it, so items of one order ending at the same time are applied one after the other.
 * Within one transaction the order is read once and written once ({@link OrderRepository#lockForFulfilment}): an
 * AUTO item's saga starts and ends in one runner transaction, which thus reads and updates its order once.
 */
@Component
class OrderFulfilment {

    private final OrderRepository orders;
    private final CancelRepository cancellations;
    private final OrderEvents events;
    private final Products products;
    private final Clock clock;

    OrderFulfilment(OrderRepository orders, CancelRepository cancellations, OrderEvents events, Products products,
                    Clock clock) {
        this.orders = orders;
        this.cancellations = cancellations;
        this.events = events;
        this.products = products;
        this.clock = clock;
    }

    /**
     * The item's saga began: false when there is no such order item. Locks the order (its other items' sagas
     * queue here); the audit entry is written at commit (the audit chain's lock is always a transaction's last).
     */
    @Transactional
    boolean started(ItemReference reference) {
        Optional<ProductOrder> found = orders.lockForFulfilment(reference.orderId());
        if (found.isEmpty() || found.get().items.stream().noneMatch(item -> item.id().equals(reference.itemId()))) {
            return false;
        }
        ProductOrder order = found.get();
        OrderResources.OrderView before = OrderViews.view(order);
        order.fulfilmentStarted(reference.itemId(), clock.instant());
        if (!before.equals(OrderViews.view(order))) {
            orders.updateAtFlush(order);
            events.changed(order, before, "started");
        }
        return true;
    }

    @EventListener
    void on(SagaEnded ended) {
        SagaView saga = ended.saga();
        Optional<ItemReference> reference = ItemReference.parse(saga.reference());
        if (reference.isEmpty()) {
            return;
        }
        Optional<ProductOrder> found = orders.lockForFulfilment(reference.get().orderId());
        if (found.isEmpty() || found.get().items.stream().noneMatch(item -> item.id().equals(reference.get().itemId())
                && saga.id().equals(item.sagaId()))) {
            return;
        }
        ProductOrder order = found.get();
        OrderResources.OrderView before = OrderViews.view(order);
        Instant now = clock.instant();
        String itemId = reference.get().itemId();
        String failedStep = saga.failedStepId() == null ? null
                : saga.step(saga.failedStepId()).map(StepView::type).orElse(null);
        boolean finished = false;
        String action;
        if (saga.state() == SagaState.COMPLETED) {
            finished = order.itemEnded(itemId, true, false, null, null, now);
            action = "itemCompleted";
        } else if (saga.state() == SagaState.COMPENSATED) {
            OrderItem item = order.item(itemId);
            if (item.action() == OrderAction.ADD) {
                item.products().forEach(productId -> cancelCreated(productId, saga.failureReason()));
            }
            boolean cancelled = saga.failureReason() != null && saga.failureReason().startsWith("cancelled: ");
            finished = order.itemEnded(itemId, false, cancelled, saga.failureReason(), failedStep, now);
            action = "itemFailed";
        } else {
            order.compensationStuck(itemId, saga.failureReason(), failedStep, now);
            action = "itemCompensationStuck";
        }
        orders.updateAtFlush(order);
        events.changed(order, before, action);
        if (finished && order.cancellationReason != null) {
            cancellations.finish(order.id, now).forEach(done -> events.cancellation(order, done, false));
        }
    }

    private void cancelCreated(UUID productId, String reason) {
        Optional<ProductView> product = products.find(productId);
        if (product.isPresent() && product.get().state() == ProductState.CREATED) {
            products.cancel(productId, "order item not fulfilled: " + (reason == null ? "compensated" : reason));
        }
    }
}
