package io.accord.orchestration.order;

import io.accord.contracts.value.PartnerId;
import io.accord.orchestration.saga.SagaState;
import io.accord.orchestration.saga.SagaView;
import io.accord.orchestration.saga.Sagas;
import io.accord.orchestration.saga.StepState;
import io.accord.orchestration.saga.StepView;
import io.accord.platform.problem.ConflictException;
import io.accord.platform.problem.InvalidInputException;
import io.accord.platform.problem.NotFoundException;
import io.accord.platform.security.Tenancy;
import io.accord.platform.web.IfMatch;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * TMF622 cancelProductOrder. A cancellation is accepted until the order's point of no return: once a step that
 * makes an item's outcome real ({@code COMPLETE}, {@code MODIFY_PRODUCT}, {@code RELEASE_RESOURCES},
 * {@code TERMINATE_PRODUCT}) has started in any item, or an item is completed, or the order is final, it is refused
 * with 409 naming why. Accepted: the order is pendingCancellation and every running item saga is cancelled (what
 * its steps did is compensated in reverse); when they are all compensated the order is cancelled
 * ({@code OrderFailed} with state cancelled) and the cancellation done. It takes effect at once (there is no
 * scheduled cancellation): a {@code requestedCancellationDate} after now is refused with 400, an earlier one (or one within a minute of now) kept.
 */
@Service
class OrderCancellation {

    private final OrderRepository orders;
    private final CancelRepository cancellations;
    private final OrderService service;
    private final Sagas sagas;
    private final OrderEvents events;
    private final Tenancy tenancy;
    private final Clock clock;

    OrderCancellation(OrderRepository orders, CancelRepository cancellations, OrderService service, Sagas sagas,
                      OrderEvents events, Tenancy tenancy, Clock clock) {
        this.orders = orders;
        this.cancellations = cancellations;
        this.service = service;
        this.sagas = sagas;
        this.events = events;
        this.tenancy = tenancy;
        this.clock = clock;
    }

    /**
     * Checked on the order as read and audited, then checked again and applied on the locked order; the item sagas
     * are cancelled last and checked once more under their own locks, without waiting for a runner that holds one
     * (409; a refusal rolls everything back). 412 when {@code ifMatch} names another version of the order than the
     * current one: checked first (a stale page is told so rather than why the order can no longer be cancelled), and
     * again on the locked order.
     */
    @Transactional
    CancelRepository.Cancellation cancel(OrderResources.CreateCancel request, IfMatch ifMatch) {
        Instant now = clock.instant();
        Instant requested = request.requestedCancellationDate();
        // a minute's grace for a client whose clock runs ahead and means "now"
        if (requested != null && requested.isAfter(now.plus(ProductOrder.CLOCK_SKEW))) {
            throw new InvalidInputException("requestedCancellationDate", "requestedCancellationDate " + requested
                    + " is in the future: a cancellation takes effect at once (Accord schedules none); leave it out, "
                    + "or cancel when the time has come");
        }
        UUID orderId = orderId(request.productOrder().id());
        ProductOrder seen = service.visible(orderId);
        ifMatch.check(seen.version, "Product order " + orderId);
        OrderResources.OrderView before = OrderViews.view(seen);
        requireCancellable(seen, request.cancellationReason(), now);
        events.audited(seen, before, OrderViews.view(seen), "cancellationRequested");
        ProductOrder order = orders.lock(orderId).orElseThrow();
        ifMatch.check(order.version, "Product order " + orderId);
        OrderResources.OrderView current = OrderViews.view(order);
        requireCancellable(order, request.cancellationReason(), now);
        orders.update(order);
        events.notified(order, current);
        CancelRepository.Cancellation cancellation = new CancelRepository.Cancellation(UUID.randomUUID(), orderId,
                order.buyerPartnerId, false, request.cancellationReason(), tenancy.actor(), requested, now, null);
        cancellations.insert(cancellation);
        events.cancellation(order, cancellation, true);
        for (OrderItem item : order.items) {
            if (!item.state().isFinal() && sagas.find(item.sagaId()).orElseThrow().state() == SagaState.RUNNING) {
                SagaView cancelled = sagas.cancel(item.sagaId(), "product order cancelled: "
                        + request.cancellationReason());
                // checked again under the saga's lock: a step may have run since the first look (all rolls back)
                requireBeforePointOfNoReturn(order, item, cancelled);
            }
        }
        return cancellations.find(cancellation.id()).orElseThrow();
    }

    /** Moves the order to pendingCancellation if it is before its point of no return; else 409 naming why. */
    private void requireCancellable(ProductOrder order, String reason, Instant now) {
        order.cancel(reason, now);
        for (OrderItem item : order.items) {
            requireBeforePointOfNoReturn(order, item, sagas.find(item.sagaId()).orElseThrow());
        }
    }

    private static void requireBeforePointOfNoReturn(ProductOrder order, OrderItem item, SagaView saga) {
        if (item.state() == ItemState.COMPLETED || saga.state() == SagaState.COMPLETED) {
            throw new ConflictException("Product order " + order.id + " cannot be cancelled: item " + item.id()
                    + " is completed (past the point of no return)");
        }
        for (StepView step : saga.steps()) {
            boolean started = step.attempts() > 0
                    || step.state() != StepState.PENDING && step.state() != StepState.FAILED;
            if (Decomposition.NO_RETURN.contains(step.type()) && started) {
                throw new ConflictException("Product order " + order.id + " cannot be cancelled: the " + step.type()
                        + " step of item " + item.id() + " has started (the point of no return)");
            }
        }
    }

    @Transactional(readOnly = true)
    CancelRepository.Cancellation get(UUID id) {
        return cancellations.find(id).filter(this::mayRead)
                .orElseThrow(() -> new NotFoundException("cancelProductOrder", id));
    }

    @Transactional(readOnly = true)
    Page<CancelRepository.Cancellation> list(Pageable page) {
        UUID buyer = tenancy.isStaff() ? null : tenancy.partnerId().map(PartnerId::value).orElse(new UUID(0, 0));
        return cancellations.page(buyer, page);
    }

    private boolean mayRead(CancelRepository.Cancellation cancellation) {
        return tenancy.isStaff() || cancellation.buyerPartnerId() != null
                && tenancy.partnerId().map(p -> p.value().equals(cancellation.buyerPartnerId())).orElse(false);
    }

    private static UUID orderId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException notAnId) {
            throw new NotFoundException("productOrder", id);
        }
    }
}
