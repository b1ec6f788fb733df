package io.accord.contracts.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A past-tense fact published on a topic. The CloudEvents {@code ce_type} is {@link #type()}, the Kafka key
 * is {@link #key()} (the aggregate id, so per-aggregate order holds), {@code ce_subject} is the partner id.
 */
public interface DomainEvent {

    UUID eventId();

    Instant occurredAt();

    /** The aggregate id the event is about; the Kafka record key. */
    String key();

    /** The partner the fact belongs to, or {@code null} for platform-wide facts. */
    String partnerId();

    default String type() {
        return getClass().getSimpleName();
    }
}
