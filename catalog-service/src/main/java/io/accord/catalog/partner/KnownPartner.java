package io.accord.catalog.partner;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * Catalog's local view of a partner, kept current by partner events. It holds the sequence of the newest event it
 * applied, so an older event delivered late changes nothing. A status change that arrives before the partner's
 * activation makes a placeholder (no legal name yet) that the activation completes.
 */
@Entity
@Table(name = "partner_view")
public class KnownPartner {

    static final String ACTIVE = "ACTIVE";

    @Id
    private UUID id;
    private String legalName;
    private String status;
    private Instant updatedAt;
    private Long sequence;

    protected KnownPartner() {
    }

    private KnownPartner(UUID id, String legalName, String status, Long sequence, Instant updatedAt) {
        this.id = id;
        this.legalName = legalName;
        this.status = status;
        this.sequence = sequence;
        this.updatedAt = updatedAt;
    }

    static KnownPartner activated(UUID id, String legalName, Long sequence, Instant at) {
        return new KnownPartner(id, legalName, ACTIVE, sequence, at);
    }

    /** A status learnt before the activation: kept, so the activation does not lose it. */
    static KnownPartner placeholder(UUID id, String status, Long sequence, Instant at) {
        return new KnownPartner(id, null, status, sequence, at);
    }

    /** The activation's facts complete the view whenever it arrives; its status only if it is the newest event. */
    void activationArrived(String legalName, boolean newest, Long eventSequence, Instant at) {
        this.legalName = legalName;
        if (newest) {
            statusChanged(ACTIVE, eventSequence, at);
        }
    }

    void statusChanged(String status, Long eventSequence, Instant at) {
        this.status = status;
        this.updatedAt = at;
        if (eventSequence != null) {
            this.sequence = eventSequence;
        }
    }

    /** Whether the partner's activation has been seen; until then it is a placeholder. */
    boolean isKnown() {
        return legalName != null;
    }

    public boolean isActive() {
        return isKnown() && ACTIVE.equals(status);
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

    Long sequence() {
        return sequence;
    }
}
