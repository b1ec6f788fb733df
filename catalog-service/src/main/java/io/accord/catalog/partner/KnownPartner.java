package io.accord.catalog.partner;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** Catalog's local view of a partner, kept current by partner events. */
@Entity
@Table(name = "partner_view")
public class KnownPartner {

    static final String ACTIVE = "ACTIVE";

    @Id
    private UUID id;
    private String legalName;
    private String status;
    private Instant updatedAt;

    protected KnownPartner() {
    }

    KnownPartner(UUID id, String legalName, String status, Instant updatedAt) {
        this.id = id;
        this.legalName = legalName;
        this.status = status;
        this.updatedAt = updatedAt;
    }

    void activated(String legalName, Instant at) {
        this.legalName = legalName;
        this.status = ACTIVE;
        this.updatedAt = at;
    }

    void statusChanged(String status, Instant at) {
        this.status = status;
        this.updatedAt = at;
    }

    public boolean isActive() {
        return ACTIVE.equals(status);
    }

    public UUID id() {
        return id;
    }

    public String legalName() {
        return legalName;
    }

    public String status() {
        return status;
    }
}
