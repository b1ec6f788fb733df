package io.accord.platform.outbox;

import java.time.Instant;
import java.util.UUID;

/** An outbox row waiting to be published. */
record PendingEvent(UUID id, String topic, String messageKey, long sequence, String eventType, String subject,
                    String payload, String correlationId, Instant occurredAt, Instant createdAt, int attempts,
                    Instant lastAttemptAt) {
}
