package io.accord.catalog.specification;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/**
 * A product specification (TMF620). Its characteristics and fulfilment needs are one value, kept as the JSON of the
 * normalized {@link SpecificationDraft}: they are always read and written whole.
 */
@Entity
@Table(name = "product_specification")
class ProductSpecification {

    static final String ACTIVE = "Active";

    @Id
    private UUID id;
    private String ownerKey;
    private UUID partnerId;
    private String externalId;
    private String name;
    private String description;
    private String lifecycleStatus;
    private String definition;
    private Instant createdAt;
    private Instant lastUpdate;
    @Version
    private Long version;

    protected ProductSpecification() {
    }

    ProductSpecification(String ownerKey, UUID partnerId, SpecificationDraft draft, String definition, Instant now) {
        this.id = UUID.randomUUID();
        this.ownerKey = ownerKey;
        this.partnerId = partnerId;
        this.externalId = draft.externalId();
        this.lifecycleStatus = ACTIVE;
        this.createdAt = now;
        change(draft, definition, now);
    }

    void change(SpecificationDraft draft, String definition, Instant now) {
        this.name = draft.name();
        this.description = draft.description();
        this.definition = definition;
        this.lastUpdate = now;
    }

    UUID id() {
        return id;
    }

    UUID partnerId() {
        return partnerId;
    }

    String externalId() {
        return externalId;
    }

    String definition() {
        return definition;
    }

    String lifecycleStatus() {
        return lifecycleStatus;
    }

    Instant lastUpdate() {
        return lastUpdate;
    }

    Long version() {
        return version;
    }
}
