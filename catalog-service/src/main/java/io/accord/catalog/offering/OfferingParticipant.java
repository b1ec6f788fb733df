package io.accord.catalog.offering;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A co-creator named on an offering, with its share of the revenue and its consent (V41). A partner named on another
 * partner's offering is {@code PENDING} until one of its partner admins accepts; until then it sees only its
 * invitation, and the draft is not submitted. The CSP's co-creators (and those named before V41) are
 * {@code ACCEPTED} from the start.
 */
@Embeddable
class OfferingParticipant {

    /** Whether the co-creator takes part. */
    enum Consent { PENDING, ACCEPTED }

    private UUID partnerId;
    private BigDecimal sharePercent;
    @Enumerated(EnumType.STRING)
    private Consent consent;
    /** Who named it with this share (null for co-creators named before V41). */
    private String invitedBy;
    private Instant invitedAt;
    /** The partner admin who accepted (null: it needed no consent). */
    private String consentedBy;
    private Instant consentedAt;

    protected OfferingParticipant() {
    }

    OfferingParticipant(UUID partnerId, BigDecimal sharePercent, boolean consentNeeded, String by, Instant now) {
        this.partnerId = partnerId;
        this.sharePercent = sharePercent;
        this.consent = consentNeeded ? Consent.PENDING : Consent.ACCEPTED;
        this.invitedBy = by;
        this.invitedAt = now;
    }

    void accept(String by, Instant now) {
        consent = Consent.ACCEPTED;
        consentedBy = by;
        consentedAt = now;
    }

    UUID partnerId() { return partnerId; }
    BigDecimal sharePercent() { return sharePercent; }
    Consent consent() { return consent; }
    String invitedBy() { return invitedBy; }
    Instant invitedAt() { return invitedAt; }
    String consentedBy() { return consentedBy; }
    Instant consentedAt() { return consentedAt; }
}
