package io.accord.contracts.value;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** Typed identifier of a partner (a TMF632 organization acting as partner). */
public record PartnerId(UUID value) {

    public PartnerId {
        Objects.requireNonNull(value, "partner id");
    }

    public static PartnerId newId() {
        return new PartnerId(UUID.randomUUID());
    }

    @JsonCreator
    public static PartnerId of(String value) {
        return new PartnerId(UUID.fromString(value));
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
