package io.accord.platform.outbox;

import io.accord.contracts.events.DomainEvent;

import java.time.Instant;
import java.util.UUID;

/** An event of some aggregate {@code key}; {@code n} tells the events of one key apart. */
record TestEvent(UUID eventId, Instant occurredAt, String key, int n, String filler) implements DomainEvent {

    static TestEvent of(String key, int n) {
        return new TestEvent(UUID.randomUUID(), Instant.now(), key, n, "");
    }

    /** Too large for the broker (more than max.request.size): a row that can never be published as it is. */
    static TestEvent tooLarge(String key, int n) {
        return new TestEvent(UUID.randomUUID(), Instant.now(), key, n, "x".repeat(2 * 1024 * 1024));
    }

    @Override
    public String partnerId() {
        return null;
    }
}
