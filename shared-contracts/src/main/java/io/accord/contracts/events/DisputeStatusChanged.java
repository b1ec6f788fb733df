package io.accord.contracts.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A dispute moved to another state ({@code IN_REVIEW}, {@code RESOLUTION_PROPOSED}, {@code ACCEPTED},
 * {@code REJECTED}, {@code RESOLVED}, {@code CLOSED}, {@code WITHDRAWN}, {@code ESCALATED},
 * {@code PENDING_INFORMATION}: staff asked the partner a question). Keyed by the dispute id on
 * {@code dispute.events.v1}; the partner is its audience, so it never carries staff-internal notes.
 *
 * @param reason why, when the step has one (a rejection's or withdrawal's reason, an escalation's cause)
 */
public record DisputeStatusChanged(
        UUID eventId,
        Instant occurredAt,
        String disputeId,
        String partnerId,
        String fromState,
        String toState,
        String changedBy,
        String reason) implements DomainEvent {

    @Override
    public String key() {
        return disputeId;
    }
}
