package io.accord.platform.outbox;

import java.time.Instant;
import java.util.UUID;

/** A parked outbox row as ops see it: what it is, why it failed, and the payload that would be published. */
record ParkedEvent(UUID id, String topic, String key, long sequence, String type, String subject, int attempts,
                   int failures, String lastError, Instant createdAt, Instant parkedAt, String payload) {
}
