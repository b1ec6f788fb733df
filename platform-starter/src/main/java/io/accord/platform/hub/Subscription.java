package io.accord.platform.hub;

import io.accord.contracts.value.PartnerId;
import io.accord.platform.problem.ConflictException;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One registered callback of a hub. A partner's subscription receives the events its partner may see; a staff
 * subscription ({@code partner == null}) receives all. The relay disables it after too many consecutive failures,
 * and the hub when its partner is terminated; only {@link #enable} brings it back, with a clean slate, and never
 * for a terminated partner.
 *
 * @param statusReason    why it is disabled (failures or the partner's termination); {@code null} while active
 * @param partnerStatus   its partner's status as the hub knows it ({@link HubPartners}); {@code null}: ACTIVE
 * @param partnerStatusAt since when the partner has that status
 */
record Subscription(UUID id, String api, PartnerId partner, String callback, String query, List<String> eventTypes,
                    String secret, Status status, int consecutiveFailures, String lastError, Instant lastErrorAt,
                    Instant lastDeliveredAt, Instant disabledAt, String createdBy, Instant createdAt,
                    String statusReason, String partnerStatus, Instant partnerStatusAt) {

    enum Status {
        ACTIVE, DISABLED;

        String column() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        static Status of(String column) {
            return valueOf(column.toUpperCase(java.util.Locale.ROOT));
        }
    }

    static Subscription register(String api, PartnerId partner, String callback, String query,
                                 List<String> eventTypes, String createdBy, Instant now) {
        return new Subscription(UUID.randomUUID(), api, partner, callback, query, eventTypes,
                HubSignature.newSecret(), Status.ACTIVE, 0, null, null, null, null, createdBy, now, null, null, null);
    }

    /**
     * Back to active after being disabled: failures forgotten, deliveries still pending go out again. 409 when it
     * is active, or when its partner is terminated (it stays disabled).
     */
    Subscription enable() {
        if (HubPartners.TERMINATED.equals(partnerStatus)) {
            throw new ConflictException("Subscription " + id + " stays disabled: partner " + partner + " is "
                    + "TERMINATED.");
        }
        if (status != Status.DISABLED) {
            throw new ConflictException("Subscription " + id + " is already active.");
        }
        return new Subscription(id, api, partner, callback, query, eventTypes, secret, Status.ACTIVE, 0, lastError,
                lastErrorAt, lastDeliveredAt, null, createdBy, createdAt, null, partnerStatus, partnerStatusAt);
    }

    /**
     * Why it receives nothing now, for its owner: why it is disabled, or that its deliveries are held while its
     * partner is not ACTIVE; {@code null} when deliveries go out.
     */
    String currentReason() {
        if (status == Status.DISABLED) {
            return statusReason != null ? statusReason
                    : "Disabled after repeated failed deliveries (see lastError); fix the callback, then POST "
                    + ".../hub/{id}/enable";
        }
        if (partnerStatus != null && !HubPartners.ACTIVE.equals(partnerStatus)) {
            return "Deliveries are held: partner " + partner + " is " + partnerStatus + " (since " + partnerStatusAt
                    + "); they go out, in order, once it is ACTIVE again";
        }
        return null;
    }
}
