package io.accord.orchestration.order;

import java.util.Arrays;
import java.util.Optional;

/** What an order item does: {@code add} a new product instance, {@code modify} or {@code delete} an existing one. */
enum OrderAction {
    ADD("add", "added"), MODIFY("modify", "modified"), DELETE("delete", "deleted");

    private final String tmf;
    private final String done;

    OrderAction(String tmf, String done) {
        this.tmf = tmf;
        this.done = done;
    }

    /** The action's past participle for messages ("can be modified"): not every verb takes a plain "d". */
    String done() {
        return done;
    }

    String tmf() {
        return tmf;
    }

    static Optional<OrderAction> ofTmf(String name) {
        return Arrays.stream(values()).filter(action -> action.tmf.equals(name)).findFirst();
    }
}
