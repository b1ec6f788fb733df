package io.accord.onboarding.check;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A name a staff member put on the denylist, and why. Never changed: removed and added again instead. */
@Entity
@Table(name = "denylist_entry")
class DenylistedName {

    @Id
    private UUID id;
    private String name;
    private String normalisedName;
    private String reason;
    private String createdBy;
    private Instant createdAt;

    protected DenylistedName() {
    }

    DenylistedName(String name, String reason, String createdBy, Instant createdAt) {
        this.id = UUID.randomUUID();
        this.name = name;
        this.normalisedName = Names.normalise(name);
        this.reason = reason;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    DenylistEntry asEntry() {
        return new DenylistEntry(name, "denylisted by " + createdBy + ": " + reason);
    }

    UUID id() {
        return id;
    }

    String name() {
        return name;
    }

    String normalisedName() {
        return normalisedName;
    }

    String reason() {
        return reason;
    }

    String createdBy() {
        return createdBy;
    }

    Instant createdAt() {
        return createdAt;
    }
}
