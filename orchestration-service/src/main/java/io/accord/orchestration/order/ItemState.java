package io.accord.orchestration.order;

/**
 * Where one order item is (TMF622 names): {@code acknowledged}, {@code inProgress} (its saga runs), and final
 * {@code completed}, {@code failed} (compensated) or {@code cancelled} (compensated after a cancellation).
 */
enum ItemState {
    ACKNOWLEDGED("acknowledged"), IN_PROGRESS("inProgress"), COMPLETED("completed"), FAILED("failed"),
    CANCELLED("cancelled");

    private final String tmf;

    ItemState(String tmf) {
        this.tmf = tmf;
    }

    String tmf() {
        return tmf;
    }

    boolean isFinal() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }
}
