package io.accord.onboarding.partner;

import io.accord.contracts.events.DomainEvent;
import io.accord.contracts.events.PartnerActivated;
import io.accord.contracts.events.PartnerStatusChanged;
import io.accord.contracts.value.PartnerId;
import io.accord.platform.problem.ConflictException;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A partner organization and its lifecycle. Transitions are guarded and register the events they cause. */
@Entity
@Table(name = "partner")
public class Partner {

    @Id
    private UUID id;
    private String legalName;
    @Enumerated(EnumType.STRING)
    private PartnerType partnerType;
    @Enumerated(EnumType.STRING)
    private BusinessModel businessModel;
    private String country;
    private String settlementCurrency;
    @Enumerated(EnumType.STRING)
    private PartnerStatus status;
    private String statusReason;
    private Instant createdAt;
    private Instant updatedAt;
    @Version
    private long version;

    @Transient
    private final List<DomainEvent> events = new ArrayList<>();

    protected Partner() {
    }

    /** A new partner, ACTIVE from now on. */
    public static Partner activate(String legalName, PartnerType type, BusinessModel model, String country,
                                   String settlementCurrency, Instant now) {
        Partner partner = new Partner();
        partner.id = UUID.randomUUID();
        partner.legalName = legalName;
        partner.partnerType = type;
        partner.businessModel = model;
        partner.country = country;
        partner.settlementCurrency = settlementCurrency;
        partner.status = PartnerStatus.ACTIVE;
        partner.createdAt = now;
        partner.updatedAt = now;
        partner.events.add(new PartnerActivated(UUID.randomUUID(), now, partner.id.toString(), legalName,
                type.name(), model.name(), country, settlementCurrency));
        return partner;
    }

    public void suspend(String reason, Instant now) {
        requireStatus(PartnerStatus.ACTIVE, "suspend");
        changeStatus(PartnerStatus.SUSPENDED, reason, now);
    }

    public void reinstate(Instant now) {
        requireStatus(PartnerStatus.SUSPENDED, "reinstate");
        changeStatus(PartnerStatus.ACTIVE, null, now);
    }

    public void terminate(String reason, Instant now) {
        if (status == PartnerStatus.TERMINATED) {
            throw new ConflictException("Partner " + id + " is already TERMINATED");
        }
        changeStatus(PartnerStatus.TERMINATED, reason, now);
    }

    /** The events registered since the last call; the caller publishes them through the outbox. */
    public List<DomainEvent> pullEvents() {
        List<DomainEvent> pulled = List.copyOf(events);
        events.clear();
        return pulled;
    }

    private void requireStatus(PartnerStatus required, String action) {
        if (status != required) {
            throw new ConflictException("Cannot " + action + " partner " + id + ": it is " + status
                    + ", not " + required);
        }
    }

    private void changeStatus(PartnerStatus next, String reason, Instant now) {
        PartnerStatus previous = status;
        status = next;
        statusReason = reason;
        updatedAt = now;
        events.add(new PartnerStatusChanged(UUID.randomUUID(), now, id.toString(), previous.name(), next.name(),
                reason));
    }

    public PartnerId partnerId() {
        return new PartnerId(id);
    }

    public UUID id() {
        return id;
    }

    public String legalName() {
        return legalName;
    }

    public PartnerType partnerType() {
        return partnerType;
    }

    public BusinessModel businessModel() {
        return businessModel;
    }

    public String country() {
        return country;
    }

    public String settlementCurrency() {
        return settlementCurrency;
    }

    public PartnerStatus status() {
        return status;
    }

    public String statusReason() {
        return statusReason;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
