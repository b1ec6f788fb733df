package io.accord.orchestration.order;

import java.util.Arrays;
import java.util.Optional;

/**
 * Where a product order is (TMF622 names). {@code acknowledged}: accepted and stored, fulfilment about to start;
 * {@code inProgress}: its item sagas run; {@code pendingCancellation}: a cancellation was accepted and the item
 * sagas are being compensated; final: {@code completed} (every item done), {@code partial} (some done, the others
 * failed and compensated), {@code failed} (none done), {@code cancelled} (cancelled, none done).
 */
enum OrderState {
    ACKNOWLEDGED("acknowledged"), IN_PROGRESS("inProgress"), PENDING_CANCELLATION("pendingCancellation"),
    COMPLETED("completed"), FAILED("failed"), PARTIAL("partial"), CANCELLED("cancelled");

    private final String tmf;

    OrderState(String tmf) {
        this.tmf = tmf;
    }

    String tmf() {
        return tmf;
    }

    boolean isFinal() {
        return this == COMPLETED || this == FAILED || this == PARTIAL || this == CANCELLED;
    }

    static Optional<OrderState> ofTmf(String name) {
        return Arrays.stream(values()).filter(state -> state.tmf.equals(name)).findFirst();
    }
}
