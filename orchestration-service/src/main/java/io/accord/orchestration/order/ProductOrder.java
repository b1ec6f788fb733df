package io.accord.orchestration.order;

import io.accord.platform.problem.ConflictException;
import io.accord.platform.problem.InvalidInputException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The product order aggregate (TMF622): its items, each fulfilled by its own saga, and the order's state, which
 * follows from its items' states. Guarded transitions throw {@link ConflictException} (409 naming the state):
 * acknowledged → inProgress when fulfilment starts; inProgress (or acknowledged) → pendingCancellation on a
 * cancellation; once every item is final: completed (all done), partial (some done), failed (none done) or
 * cancelled (none done after a cancellation).
 */
final class ProductOrder {

    /** A minute's grace for a client whose clock runs behind or ahead of ours and means "now". */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

    /** A TMF {@code Note}: as kept, or as a client sent it (then id, author and date may be missing). */
    record Note(String id, String author, Instant date, String text) {
    }

    final UUID id;
    final UUID buyerPartnerId;
    final String salesChannel;
    final String customerId;
    final String customerName;
    final UUID quoteId;
    final Instant orderDate;
    final String createdBy;
    String description;
    String externalId;
    Instant requestedCompletionDate;
    /** TMF622 requestedStartDate as the client gave it: now or earlier (Accord schedules nothing), or null. */
    Instant requestedStartDate;
    List<Note> notes = List.of();
    List<OrderItem> items;
    OrderState state;
    String stateReason;
    String cancellationReason;
    Instant completionDate;
    Instant stateChangedAt;
    Instant updatedAt;
    long version;

    ProductOrder(UUID id, UUID buyerPartnerId, String salesChannel, String customerId, String customerName,
                 UUID quoteId, Instant orderDate, String createdBy, List<OrderItem> items) {
        this.id = id;
        this.buyerPartnerId = buyerPartnerId;
        this.salesChannel = salesChannel;
        this.customerId = customerId;
        this.customerName = customerName;
        this.quoteId = quoteId;
        this.orderDate = orderDate;
        this.createdBy = createdBy;
        this.items = List.copyOf(items);
        this.state = OrderState.ACKNOWLEDGED;
        this.stateChangedAt = orderDate;
        this.updatedAt = orderDate;
    }

    /**
     * What a client may change with PATCH: only while the order is not final. {@code notes} is the note list as the
     * client wants it ({@code null}: unchanged); notes are an append-only log ({@link OrderNotes#appended}), new ones
     * written by {@code by} at {@code at}. A new {@code requestedCompletionDate} is not before {@code at} (less
     * {@link #CLOCK_SKEW}), else 400 naming it.
     */
    void describe(String description, String externalId, Instant requestedCompletionDate, List<Note> notes,
                  String by, Instant at) {
        if (state.isFinal()) {
            throw new ConflictException("Product order " + id + " is " + state.tmf() + ": it can no longer be changed");
        }
        // a date kept from before (a patch of other attributes sends it back) may have passed since: only a new one
        if (requestedCompletionDate != null && !requestedCompletionDate.equals(this.requestedCompletionDate)
                && requestedCompletionDate.isBefore(at.minus(CLOCK_SKEW))) {
            throw new InvalidInputException("requestedCompletionDate", "requestedCompletionDate "
                    + requestedCompletionDate + " is in the past (it is " + at + " now): ask for a completion date "
                    + "that is to come");
        }
        List<Note> logged = notes == null ? this.notes : OrderNotes.appended(this.notes, notes, by, at);
        this.description = description;
        this.externalId = externalId;
        this.requestedCompletionDate = requestedCompletionDate;
        this.notes = List.copyOf(logged);
        this.updatedAt = at;
    }

    void sagaStarted(String itemId, UUID sagaId) {
        replace(item(itemId).withSaga(sagaId));
    }

    /** An item's saga ran its first step: the item, and the order if it was only acknowledged, are inProgress. */
    void fulfilmentStarted(String itemId, Instant at) {
        OrderItem item = item(itemId);
        if (item.state() == ItemState.ACKNOWLEDGED) {
            replace(item.moved(ItemState.IN_PROGRESS, null, null));
            updatedAt = at;
        }
        if (state == OrderState.ACKNOWLEDGED) {
            move(OrderState.IN_PROGRESS, null, at);
        }
    }

    /** An item's compensation cannot be done (its saga waits for ops): noted on the item, which stays open. */
    void compensationStuck(String itemId, String reason, String failedStep, Instant at) {
        OrderItem item = item(itemId);
        if (!item.state().isFinal()) {
            replace(item.moved(item.state(), "compensation stuck, waiting for ops: " + reason, failedStep));
            updatedAt = at;
        }
    }

    /**
     * An item's saga ended: completed, or compensated: cancelled when its saga was cancelled (by ops) or the order
     * is being cancelled, else failed.
     * Once every item is final the order is too. A repeated end of a final item changes nothing.
     *
     * @return whether the order became final with this change
     */
    boolean itemEnded(String itemId, boolean completed, boolean cancelled, String reason, String failedStep,
                      Instant at) {
        OrderItem item = item(itemId);
        if (item.state().isFinal() || state.isFinal()) {
            return false;
        }
        ItemState outcome = completed ? ItemState.COMPLETED
                : cancelled || state == OrderState.PENDING_CANCELLATION ? ItemState.CANCELLED : ItemState.FAILED;
        replace(item.moved(outcome, completed ? null : reason, completed ? null : failedStep));
        updatedAt = at;
        if (items.stream().allMatch(each -> each.state().isFinal())) {
            finish(at);
            return true;
        }
        if (state == OrderState.ACKNOWLEDGED) {
            move(OrderState.IN_PROGRESS, null, at);
        }
        return false;
    }

    /**
     * Accepts a cancellation before the point of no return (checked by the caller against the sagas): the order
     * is pendingCancellation until its items' sagas are compensated.
     */
    void cancel(String reason, Instant at) {
        if (state.isFinal() || state == OrderState.PENDING_CANCELLATION) {
            throw new ConflictException("Product order " + id + " is " + state.tmf() + ": it cannot be cancelled");
        }
        cancellationReason = reason;
        move(OrderState.PENDING_CANCELLATION, "cancellation requested: " + reason, at);
    }

    private void finish(Instant at) {
        long done = items.stream().filter(item -> item.state() == ItemState.COMPLETED).count();
        if (done == items.size()) {
            completionDate = at;
            move(OrderState.COMPLETED, null, at);
        } else if (done > 0) {
            completionDate = at;
            move(OrderState.PARTIAL, firstReason(), at);
        } else if (cancellationReason != null || items.stream().allMatch(i -> i.state() == ItemState.CANCELLED)) {
            move(OrderState.CANCELLED, cancellationReason != null ? "cancelled: " + cancellationReason : firstReason(),
                    at);
        } else {
            move(OrderState.FAILED, firstReason(), at);
        }
    }

    private String firstReason() {
        return items.stream().filter(item -> item.reason() != null)
                .map(item -> "item " + item.id() + ": " + item.reason()).findFirst().orElse(null);
    }

    private void move(OrderState to, String reason, Instant at) {
        state = to;
        stateReason = reason;
        stateChangedAt = at;
        updatedAt = at;
    }

    OrderItem item(String itemId) {
        return items.stream().filter(item -> item.id().equals(itemId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("order " + id + " has no item " + itemId));
    }

    private void replace(OrderItem changed) {
        List<OrderItem> next = new ArrayList<>(items);
        next.replaceAll(item -> item.id().equals(changed.id()) ? changed : item);
        items = List.copyOf(next);
    }
}
