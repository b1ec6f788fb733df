package io.accord.orchestration.quote;

import java.util.Arrays;
import java.util.Optional;

/** A quote's states with their TMF648 names; {@code expired} is Accord's (TMF has no state for it). */
enum QuoteState {
    IN_PROGRESS("inProgress"), APPROVED("approved"), ACCEPTED("accepted"), REJECTED("rejected"), EXPIRED("expired");

    private final String tmf;

    QuoteState(String tmf) {
        this.tmf = tmf;
    }

    String tmf() {
        return tmf;
    }

    static Optional<QuoteState> ofTmf(String name) {
        return Arrays.stream(values()).filter(state -> state.tmf.equals(name)).findFirst();
    }

    boolean isOpen() {
        return this == IN_PROGRESS || this == APPROVED;
    }
}
