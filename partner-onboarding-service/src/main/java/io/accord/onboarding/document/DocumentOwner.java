package io.accord.onboarding.document;

import io.accord.contracts.value.PartnerId;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** The owner of a document: a partner (by partner id) or an application (by application id). */
public record DocumentOwner(OwnerType type, UUID id) {

    public DocumentOwner {
        Objects.requireNonNull(type, "owner type");
        Objects.requireNonNull(id, "owner id");
    }

    public static DocumentOwner partner(PartnerId partner) {
        return new DocumentOwner(OwnerType.PARTNER, partner.value());
    }

    public static DocumentOwner application(UUID applicationId) {
        return new DocumentOwner(OwnerType.APPLICATION, applicationId);
    }

    /** The owning partner, if a partner owns the document. */
    public Optional<PartnerId> partner() {
        return type == OwnerType.PARTNER ? Optional.of(new PartnerId(id)) : Optional.empty();
    }
}
