package io.accord.catalog.offering;

import io.accord.contracts.value.PartnerId;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/** A partner's product offering (TMF620). Starts "In study"; approval and launch come with the catalog issue. */
@Entity
@Table(name = "product_offering")
public class ProductOffering {

    static final String IN_STUDY = "In study";

    @Id
    private UUID id;
    private UUID partnerId;
    private String name;
    private String description;
    private String lifecycleStatus;
    private Instant createdAt;
    private Instant lastUpdate;
    @Version
    private long version;

    protected ProductOffering() {
    }

    static ProductOffering draft(PartnerId partner, String name, String description, Instant now) {
        ProductOffering offering = new ProductOffering();
        offering.id = UUID.randomUUID();
        offering.partnerId = partner.value();
        offering.name = name;
        offering.description = description;
        offering.lifecycleStatus = IN_STUDY;
        offering.createdAt = now;
        offering.lastUpdate = now;
        return offering;
    }

    PartnerId partner() {
        return new PartnerId(partnerId);
    }

    UUID id() {
        return id;
    }

    String name() {
        return name;
    }

    String description() {
        return description;
    }

    String lifecycleStatus() {
        return lifecycleStatus;
    }

    Instant lastUpdate() {
        return lastUpdate;
    }
}
