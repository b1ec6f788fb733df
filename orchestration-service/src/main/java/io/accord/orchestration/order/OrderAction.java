package io.accord.orchestration.order;

import java.util.Arrays;
import java.util.Optional;

/** What an order item does: {@code add} a new product instance, {@code modify} or {@code delete} an existing one. */
enum OrderAction {
    ADD("add"), MODIFY("modify"), DELETE("delete");

    private final String tmf;

    OrderAction(String tmf) {
        this.tmf = tmf;
    }

    String tmf() {
        return tmf;
    }

    static Optional<OrderAction> ofTmf(String name) {
        return Arrays.stream(values()).filter(action -> action.tmf.equals(name)).findFirst();
    }
}
