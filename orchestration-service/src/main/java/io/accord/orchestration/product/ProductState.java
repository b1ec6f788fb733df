package io.accord.orchestration.product;

import java.util.Arrays;
import java.util.Optional;

/**
 * A product instance's states with their TMF637 names: CREATED → ACTIVE ↔ SUSPENDED → TERMINATED, and CREATED →
 * CANCELLED for an instance that was never activated. The events carry the enum name ({@code ProductDetails.status}).
 */
public enum ProductState {
    CREATED("created"), ACTIVE("active"), SUSPENDED("suspended"), TERMINATED("terminated"), CANCELLED("cancelled");

    private final String tmf;

    ProductState(String tmf) {
        this.tmf = tmf;
    }

    /** The TMF637 {@code status} value. */
    public String tmf() {
        return tmf;
    }

    static Optional<ProductState> ofTmf(String name) {
        return Arrays.stream(values()).filter(state -> state.tmf.equals(name)).findFirst();
    }

    /** Whether the instance has ended (terminated, or cancelled before activation): nothing changes it any more. */
    public boolean isFinal() {
        return this == TERMINATED || this == CANCELLED;
    }
}
