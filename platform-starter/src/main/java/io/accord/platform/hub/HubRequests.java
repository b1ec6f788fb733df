package io.accord.platform.hub;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.time.Instant;

/** The hub's bodies: the TMF {@code EventSubscriptionInput} in, the {@code EventSubscription} out (with ours). */
final class HubRequests {

    private HubRequests() {
    }

    /** TMF {@code EventSubscriptionInput}: exactly its two attributes. */
    record SubscriptionInput(
            @Schema(description = "Where events are POSTed: https://, or http:// to a loopback address",
                    example = "https://partner.example.com/tmf/listener")
            @NotBlank @Size(max = 2000) String callback,
            @Schema(description = "Which events: eventType=<type>[,<type>...], each one this API publishes (the "
                    + "operation's description lists them); absent: every event of this API")
            @Size(max = 1000) String query) {
    }

    /**
     * TMF {@code EventSubscription} ({@code id}, {@code callback}, {@code query}) and Accord's extensions: the
     * signing {@code secret} (only in the answer that created it), {@code status} ({@code active} or
     * {@code disabled}) and why it receives nothing ({@code statusReason}), the delivery health and who owns it.
     */
    record SubscriptionView(
            String id,
            String href,
            String callback,
            String query,
            @Schema(description = "HMAC-SHA256 key of X-Accord-Signature; shown once, in the answer to POST /hub")
            @JsonInclude(JsonInclude.Include.NON_NULL) String secret,
            @Schema(allowableValues = {"active", "disabled"}) String status,
            @Schema(description = "Why it receives nothing now: why it is disabled (repeated failed deliveries, or "
                    + "its partner's termination: then it stays disabled), or that deliveries are held while its "
                    + "partner is suspended; null while deliveries go out")
            String statusReason,
            @Schema(description = "Failed attempts since the last successful delivery") int consecutiveFailures,
            String lastError,
            Instant lastErrorAt,
            Instant lastDeliveredAt,
            @Schema(description = "When the hub stopped delivering: after too many consecutive failures, or on its "
                    + "partner's termination")
            Instant disabledAt,
            @Schema(description = "The partner whose events it receives; absent for a staff subscription")
            String partnerId,
            Instant createdAt) {

        static SubscriptionView of(Subscription subscription, boolean withSecret) {
            return new SubscriptionView(subscription.id().toString(),
                    subscription.api() + "/hub/" + subscription.id(), subscription.callback(), subscription.query(),
                    withSecret ? subscription.secret() : null, subscription.status().column(),
                    subscription.currentReason(), subscription.consecutiveFailures(), subscription.lastError(),
                    subscription.lastErrorAt(), subscription.lastDeliveredAt(), subscription.disabledAt(),
                    subscription.partner() == null ? null : subscription.partner().toString(),
                    subscription.createdAt());
        }

        /** What the audit trail keeps: everything but the secret. */
        SubscriptionView withoutSecret() {
            return new SubscriptionView(id, href, callback, query, null, status, statusReason, consecutiveFailures,
                    lastError, lastErrorAt, lastDeliveredAt, disabledAt, partnerId, createdAt);
        }
    }
}
