package io.accord.platform.hub;

import io.accord.contracts.value.PartnerId;
import io.accord.platform.problem.ConflictException;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One registered callback of a hub. A partner's subscription receives the events its partner may see; a staff
 * subscription ({@code partner == null}) receives all. The relay disables it after too many consecutive failures;
 * only {@link #enable} brings it back, with a clean slate.
 */
record Subscription(UUID id, String api, PartnerId partner, String callback, String query, List<String> eventTypes,
                    String secret, Status status, int consecutiveFailures, String lastError, Instant lastErrorAt,
                    Instant lastDeliveredAt, Instant disabledAt, String createdBy, Instant createdAt) {

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
                HubSignature.newSecret(), Status.ACTIVE, 0, null, null, null, null, createdBy, now);
    }

    /** Back to active after being disabled: failures forgotten, deliveries still pending go out again. */
    Subscription enable() {
        if (status != Status.DISABLED) {
            throw new ConflictException("Subscription " + id + " is already active.");
        }
        return new Subscription(id, api, partner, callback, query, eventTypes, secret, Status.ACTIVE, 0, lastError,
                lastErrorAt, lastDeliveredAt, null, createdBy, createdAt);
    }
}
