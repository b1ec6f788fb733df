package io.accord.contracts.value;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.Optional;
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

    /**
     * The partner id a free-text reference names, written as the platform writes partner ids (a lower-case UUID);
     * empty for anything else, e.g. a customer or sales channel id given in the same filter ({@code relatedParty.id}).
     */
    public static Optional<PartnerId> ifWritten(String value) {
        if (value == null || value.length() != 36) {
            return Optional.empty();
        }
        try {
            UUID id = UUID.fromString(value);
            return id.toString().equals(value) ? Optional.of(new PartnerId(id)) : Optional.empty();
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
